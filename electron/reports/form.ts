/**
 * The form a school fills in: the measures it executes that the quarter covers, with the status as a
 * drop-down and the result, evidence and note open; everything else locked (sheet protection without
 * a password). A very hidden sheet identifies the database, the school, the quarter and each measure,
 * with the values as they were when the form went out, so that the answer can be matched back.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../db/errors';
import { STATUS_LABELS } from '../../db/executions';
import type { Db } from '../../db/open';
import { getOrganization, schoolNames } from '../../db/organizations';
import { quarterSpan, type QuarterRow } from '../../db/quarter-selection';
import { databaseId } from '../../db/settings';
import { ruDate } from '../../db/terms/dates';
import { namesSchool } from '../../shared/school-match';
import { safeFileName } from '../documents/names';
import { addIndicatorSheet, formIndicators } from './form-indicators';
import { reportSelections } from './quarterly';
import { fitRowHeight, FONT, printSetup, quarterWords, restyle, statusValidation, styleBodyCell, styleHeaderCell } from './sheet-style';

export const FORM_SHEET = 'Форма';
export const META_SHEET = 'rmk';
export const FORM_MARKER = 'Дорожные карты РМК: форма для школы';
/** 2: the sheet «Показатели» (an older program would drop its values silently, so it refuses the form instead). */
export const FORM_VERSION = 2;
export const FORM_HEADER_ROW = 7;

export const FORM_COLUMNS = [
  { key: 'id', header: 'id', width: 6 },
  { key: 'number', header: '№ п/п', width: 6 },
  { key: 'roadmap', header: 'Дорожная карта', width: 18 },
  { key: 'name', header: 'Мероприятие', width: 28 },
  { key: 'term', header: 'Срок', width: 12 },
  { key: 'result', header: 'Плановый результат', width: 18 },
  { key: 'status', header: 'Отметка о выполнении', width: 14 },
  { key: 'achieved', header: 'Достигнутый результат', width: 22 },
  { key: 'evidence', header: 'Подтверждающие документы', width: 18 },
  { key: 'note', header: 'Примечание / причины невыполнения', width: 18 },
] as const;
export const ANSWER_KEYS = ['status', 'achieved', 'evidence', 'note'] as const;
export const META_COLUMNS = ['measureId', 'roadmapId', 'measureUpdatedAt', 'status', 'result', 'evidence', 'note'] as const;

const col = (key: (typeof FORM_COLUMNS)[number]['key']) => FORM_COLUMNS.findIndex((c) => c.key === key) + 1;

interface FormLine {
  roadmapId: number;
  roadmapTitle: string;
  row: QuarterRow;
}

/** The school executes a measure when it is linked, named in the executors text (shared/school-match.ts, with the directory's aliases), or the roadmap is its own. */
export function formLines(db: Db, quarter: string, schoolId: number): FormLine[] {
  const school = getOrganization(db, schoolId);
  if (school.kind !== 'school')
    throw new AppError(
      'not_a_school',
      `«${school.shortName || school.name}» — не школа: форма готовится для общеобразовательной организации.`,
    );
  const names = schoolNames(db, schoolId)!;
  const lines: FormLine[] = [];
  let selections;
  try {
    selections = reportSelections(db, { quarter });
  } catch (err) {
    if ((err as AppError).code === 'no_roadmaps') return [];
    throw err;
  }
  for (const sel of selections)
    for (const row of sel.rows) {
      const m = row.measure;
      if (!m) continue;
      const linked = m.links.some((l) => l.organizationId === schoolId);
      const named = namesSchool(m.executors, names);
      if (linked || named || sel.roadmap.schoolId === schoolId)
        lines.push({ roadmapId: sel.roadmap.id, roadmapTitle: sel.roadmap.title, row });
    }
  return lines;
}

export async function buildSchoolForm(
  db: Db,
  req: { quarter: string; schoolId: number },
): Promise<{ fileName: string; data: Buffer; measures: number }> {
  const span = quarterSpan(req.quarter);
  const school = getOrganization(db, req.schoolId);
  const lines = formLines(db, req.quarter, req.schoolId);
  const schoolName = school.shortName || school.name;
  if (!lines.length)
    throw new AppError(
      'nothing_for_school',
      `Для «${schoolName}» нет мероприятий в ${quarterWords(req.quarter).replace('квартал', 'квартале')}: форма не нужна.`,
    );

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Дорожные карты РМК';
  const ws = wb.addWorksheet(FORM_SHEET);
  ws.columns = FORM_COLUMNS.map((c) => ({ width: c.width }));
  const widths = FORM_COLUMNS.map((c) => c.width);
  const last = FORM_COLUMNS.length;
  const text = (row: number, value: string, bold = false) => {
    ws.mergeCells(row, 2, row, last);
    const cell = ws.getCell(row, 2);
    cell.value = value;
    cell.font = { ...FONT, bold, size: bold ? 12 : 11 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  };
  text(1, 'Сведения о выполнении мероприятий дорожных карт', true);
  text(2, `Образовательная организация: ${school.name}`);
  text(3, `Отчётный период: ${quarterWords(req.quarter)} (${ruDate(span.start)} — ${ruDate(span.end)})`);
  text(
    4,
    'Заполните столбцы «Отметка о выполнении» (выбор из списка), «Достигнутый результат», «Подтверждающие документы» и «Примечание». Остальные ячейки защищены от изменения. Не добавляйте и не удаляйте строки.',
  );
  fitRowHeight(ws, 4, [String(ws.getCell(4, 2).value)], [widths.slice(1).reduce((a, b) => a + b, 0)]);
  ws.getCell(5, 2).value = 'Заполнил(а), ФИО и должность:';
  ws.getCell(5, 2).font = FONT;
  ws.mergeCells(5, 2, 5, 4);
  ws.mergeCells(5, 5, 5, last);
  const filledBy = ws.getCell(5, 5);
  filledBy.protection = { locked: false };
  filledBy.border = { bottom: { style: 'thin' } };

  FORM_COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(FORM_HEADER_ROW, i + 1);
    cell.value = c.header;
    styleHeaderCell(cell);
  });
  fitRowHeight(
    ws,
    FORM_HEADER_ROW,
    FORM_COLUMNS.map((c) => c.header),
    widths,
  );

  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.getCell('A1').value = FORM_MARKER;
  meta.getCell('B1').value = FORM_VERSION;
  meta.getCell('A2').value = 'databaseId';
  meta.getCell('B2').value = databaseId(db);
  meta.getCell('A3').value = 'schoolId';
  meta.getCell('B3').value = req.schoolId;
  meta.getCell('A4').value = 'quarter';
  meta.getCell('B4').value = req.quarter;
  meta.getCell('A5').value = 'exportedAt';
  meta.getCell('B5').value = new Date().toISOString();
  META_COLUMNS.forEach((h, i) => (meta.getCell(7, i + 1).value = h));

  let r = FORM_HEADER_ROW + 1;
  lines.forEach((line, i) => {
    const m = line.row.measure!;
    const rec = line.row.record;
    const values: Record<(typeof FORM_COLUMNS)[number]['key'], string | number> = {
      id: m.id,
      number: m.number,
      roadmap: line.roadmapTitle,
      name: m.name,
      term: m.term,
      result: m.result,
      status: rec ? STATUS_LABELS[rec.status] : '',
      achieved: rec?.result ?? '',
      evidence: rec?.evidence ?? '',
      note: rec?.note ?? '',
    };
    FORM_COLUMNS.forEach((c, k) => {
      const cell = ws.getCell(r, k + 1);
      cell.value = values[c.key];
      styleBodyCell(cell, { center: c.key === 'id' || c.key === 'number' });
      // Only the answers are open to the school.
      const locked = !(ANSWER_KEYS as readonly string[]).includes(c.key);
      restyle(cell, {
        protection: { locked },
        ...(locked ? {} : { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFBE6' } } }),
      });
    });
    fitRowHeight(
      ws,
      r,
      FORM_COLUMNS.map((c) => String(values[c.key])),
      widths,
    );
    [m.id, line.roadmapId, m.updatedAt, rec?.status ?? '', rec?.result ?? '', rec?.evidence ?? '', rec?.note ?? ''].forEach(
      (v, k) => (meta.getCell(8 + i, k + 1).value = v),
    );
    r++;
  });
  statusValidation(ws, `${ws.getColumn(col('status')).letter}${FORM_HEADER_ROW + 1}:${ws.getColumn(col('status')).letter}${r - 1}`);
  // The measure's id travels with its row (hidden column), so the answer matches even if rows are sorted.
  ws.getColumn(col('id')).hidden = true;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: FORM_HEADER_ROW }];
  printSetup(ws, FORM_HEADER_ROW);
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatRows: true,
    formatColumns: true,
    sort: false,
    insertRows: false,
    deleteRows: false,
  });

  // The sheet «Показатели» after the form: the indicators of the form's roadmaps, the actual values to fill.
  await addIndicatorSheet(wb, formIndicators(db, req.quarter, req.schoolId, [...new Set(lines.map((l) => l.roadmapId))]));

  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: safeFileName(`Форма ${schoolName} — ${quarterWords(req.quarter)}`) + '.xlsx', data, measures: lines.length };
}
