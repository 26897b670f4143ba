/**
 * Reading an .xlsx for import: every visible sheet as one table, merged cells as spans and vertical
 * merges. The table is where the filled cells are: a stray cell far away (XFD1048576) or rows of empty
 * formatting do not stretch it, so the work follows the cells that exist, never the sheet's dimension.
 */
import { AppError } from '../../db/errors';
import { FILE_LIMITS, formatLimit } from '../../shared/limits';
import { type BookSheet, columnName, type MergeRange, readBook } from '../files/xlsx-book';
import { isOleFile } from './docx-reader';
import { type Block, cleanText, type GridCell } from './grid';

/** Empty columns or rows in a row after which the filled cells beyond are no longer the table. */
const COLUMN_GAP = 26;
const ROW_GAP = 1000;

/** The sorted numbers up to the first gap wider than `gap` (the rest are strays). */
function untilGap(sorted: number[], gap: number): number[] {
  const out: number[] = [];
  for (const n of sorted) {
    if (out.length && n - out[out.length - 1]! > gap) break;
    out.push(n);
  }
  return out;
}

function sheetTable(sheet: BookSheet, warnings: string[]): GridCell[][] {
  const rowNumbers = untilGap(
    [...sheet.rows.keys()].sort((a, b) => a - b),
    ROW_GAP,
  );
  const columns = new Set<number>();
  for (const r of rowNumbers) for (const c of sheet.rows.get(r)!.keys()) columns.add(c);
  const kept = untilGap(
    [...columns].sort((a, b) => a - b),
    COLUMN_GAP,
  );
  const lastRow = rowNumbers[rowNumbers.length - 1] ?? 0;
  const lastCol = kept[kept.length - 1] ?? 0;
  // A table far down or right starts where its cells do; one near the corner keeps Excel's numbering.
  const firstRow = (rowNumbers[0] ?? 1) > ROW_GAP ? rowNumbers[0]! : 1;
  const firstCol = (kept[0] ?? 1) > COLUMN_GAP ? kept[0]! : 1;
  let strays = 0;
  let example = '';
  for (const [r, cells] of sheet.rows)
    for (const c of cells.keys())
      if (r > lastRow || c > lastCol) {
        strays++;
        example ||= `${columnName(c)}${r}`;
      }
  if (strays)
    warnings.push(
      `Лист «${sheet.name}»: заполненные ячейки далеко за пределами таблицы (${example}${strays > 1 ? ` и ещё ${strays - 1}` : ''}) не прочитаны.`,
    );
  const tooBig = () =>
    new AppError(
      'too_many_cells',
      `Таблица на листе «${sheet.name}» больше ${formatLimit(FILE_LIMITS.cells)} ячеек — похоже, файл повреждён. Ничего не импортировано.`,
    );
  if (rowNumbers.length * (lastCol - firstCol + 1) > FILE_LIMITS.cells || lastRow - firstRow + 1 > 2 * FILE_LIMITS.rows) throw tooBig();

  // Merges by the rows they touch, clipped to the table (a merge over the whole sheet costs the table's rows, no more).
  const mergesOf = new Map<number, Map<number, MergeRange>>();
  let touched = 0;
  for (const m of sheet.merges) {
    if (m.r1 > lastRow || m.c1 > lastCol || m.r2 < firstRow || m.c2 < firstCol) continue;
    for (let r = Math.max(m.r1, firstRow); r <= Math.min(m.r2, lastRow); r++) {
      const at = mergesOf.get(r) ?? new Map<number, MergeRange>();
      mergesOf.set(r, at);
      for (let c = Math.max(m.c1, firstCol); c <= Math.min(m.c2, lastCol); c++) {
        if (++touched > FILE_LIMITS.cells)
          throw new AppError(
            'too_many_cells',
            `На листе «${sheet.name}» слишком много объединённых ячеек — похоже, файл повреждён. Ничего не импортировано.`,
          );
        if (!at.has(c)) at.set(c, m);
      }
    }
  }

  const rows: GridCell[][] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const cells = sheet.rows.get(r);
    const merges = mergesOf.get(r);
    const row: GridCell[] = [];
    // An empty row stays a row (the recognizer counts it, and row numbers in warnings stay Excel's).
    if (!cells && !merges) {
      rows.push(row);
      continue;
    }
    for (let c = firstCol; c <= lastCol; c++) {
      const m = merges?.get(c);
      // A merge that begins left of the table starts, for the table, at its first column.
      if (m && !(m.r1 === r && Math.max(m.c1, firstCol) === c)) {
        if (m.r1 === r) continue; // covered by the master's span to the left
        row.push({ text: '', span: 1, continued: true });
        continue;
      }
      const span = m ? Math.min(m.c2, lastCol) - c + 1 : 1;
      row.push({ text: cleanText(cells?.get(c) ?? ''), span });
      c += span - 1;
    }
    rows.push(row);
  }
  return rows;
}

export async function readXlsx(data: Buffer, fileName: string): Promise<{ sheet: string; blocks: Block[]; warnings: string[] }[]> {
  if (isOleFile(data))
    throw new AppError(
      'xls_or_encrypted',
      `«${fileName}» — книга в старом формате Excel (.xls) или защищённая паролем. Откройте её в Excel и сохраните как «Книга Excel (.xlsx)» без пароля.`,
    );
  const sheets = readBook(data, {
    fileName,
    wanted: (_name, state) => state === 'visible',
    damaged: () => new AppError('bad_file', `«${fileName}» повреждён или не является книгой Excel (.xlsx). Ничего не импортировано.`),
    tail: 'Ничего не импортировано.',
  });
  return sheets
    .filter((s) => s.state === 'visible')
    .map((s) => {
      const warnings: string[] = [];
      const rows = sheetTable(s, warnings);
      if (s.formulasWithoutValue.length)
        warnings.push(
          `Лист «${s.name}»: в ${s.formulasWithoutValue.length} ячейках формулы без вычисленного значения (${s.formulasWithoutValue.slice(0, 5).join(', ')}) — они прочитаны пустыми. Откройте файл в Excel, пересчитайте и сохраните.`,
        );
      return { sheet: s.name, blocks: [{ type: 'table' as const, rows }], warnings };
    });
}
