/** Print-ready sheets for office users: A4 landscape fitted to width, borders, wrapped text, Russian formats. */
import type { Borders, Cell, Style, Worksheet } from 'exceljs';
import { EXECUTION_STATUSES } from '../../db/schema';
import { STATUS_LABELS } from '../../db/executions';

export const FONT = { name: 'Times New Roman', size: 11 };
export const DATE_FORMAT = 'dd.mm.yyyy';
export const PERCENT_FORMAT = '0%';

const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
export const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
export const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7E6E6' } };

/** The smallest printed text: fitting a sheet to the page never shrinks it below this. */
export const MIN_PRINT_PT = 10;
const MARGINS = { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** A4 landscape width inside the margins, in pixels at 96 dpi (the unit of Excel's column widths). */
const PRINTABLE_PX = (11.69 - MARGINS.left - MARGINS.right) * 96;
/** Excel's column width unit is the default font's digit (Calibri 11: 7 px) plus 5 px of padding. */
export const columnPx = (width: number) => Math.trunc(width * 7 + 5);

/**
 * A4 landscape, the header row repeated, page numbers at the foot. One page wide only while the text
 * stays readable (≥ 10 pt): a sheet wider than that prints at the smallest readable scale and its
 * last columns go on the next page, rather than shrinking to 6 pt. Reads the visible columns' widths.
 */
export function printSetup(ws: Worksheet, headerRow: number, fontSize = FONT.size): void {
  const px = (ws.columns ?? []).filter((c) => !c.hidden).reduce((sum, c) => sum + columnPx(c.width ?? 9), 0);
  const fits = px === 0 || fontSize * Math.min(1, PRINTABLE_PX / px) >= MIN_PRINT_PT;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    ...(fits
      ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
      : { fitToPage: false, scale: Math.ceil((MIN_PRINT_PT / fontSize) * 100) }),
    margins: MARGINS,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  ws.headerFooter.oddFooter = '&CСтраница &P из &N';
}

/**
 * exceljs gives a cell a style id per style *object*: it remembers the objects it has seen (a WeakMap)
 * and serialises every other one to XML to look it up. Styles built per cell cost a serialisation per
 * cell — the largest part of a report's time. So each kind of cell gets one shared object, made once; frozen
 * (deeply), so that a later `cell.font = …` on a shared style throws instead of restyling every cell
 * that shares it. A cell that needs its own variant goes through `restyle`.
 */
const sharedStyles = new Map<string, Partial<Style>>();
function shared(key: string, make: () => Partial<Style>): Partial<Style> {
  let style = sharedStyles.get(key);
  if (!style) sharedStyles.set(key, (style = deepFreeze(make())));
  return style;
}
function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object' && !Object.isFrozen(v)) deepFreeze(v as object);
  return Object.freeze(o);
}

/** The shared style of a header cell; `fill` (ARGB) for the status columns that wear the chart's colours. */
export const headerStyle = (fill?: string): Partial<Style> =>
  shared(`h|${fill ?? ''}`, () => ({
    font: { ...FONT, bold: true },
    alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
    border: BORDER,
    fill: fill ? { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } } : HEADER_FILL,
  }));

export interface BodyStyle {
  bold?: boolean;
  center?: boolean;
  numFmt?: string;
}

export const bodyStyle = (opts: BodyStyle = {}): Partial<Style> =>
  shared(`b|${opts.bold ? 1 : 0}|${opts.center ? 1 : 0}|${opts.numFmt ?? ''}`, () => ({
    ...(opts.numFmt ? { numFmt: opts.numFmt } : {}),
    font: { ...FONT, bold: opts.bold ?? false },
    alignment: { wrapText: true, vertical: 'top', horizontal: opts.center ? 'center' : 'left' },
    border: BORDER,
  }));

/** A shared plain style: the text font alone, or with a number format (the «Данные» rows). */
export const textStyle = (numFmt?: string): Partial<Style> =>
  shared(`t|${numFmt ?? ''}`, () => ({ ...(numFmt ? { numFmt } : {}), font: { ...FONT } }));

/**
 * These replace the cell's style as a whole (anything set on it before is gone). Style a cell before
 * merging it: a merge hands the master's style object to the other cells of the
 * range, and a style set on the master afterwards would not reach them (their borders).
 */
export function styleHeaderCell(cell: Cell, fill?: string): void {
  cell.style = headerStyle(fill);
}

export function styleBodyCell(cell: Cell, opts: BodyStyle = {}): void {
  cell.style = bodyStyle(opts);
}

/** A cell's own variant of its (maybe shared) style — a colour, a lock — as a fresh object, for the few cells that need one. */
export function restyle(cell: Cell, patch: Partial<Style>): void {
  cell.style = { ...cell.style, ...patch };
}

/** The drop-down of statuses, as printed; applied as one range (exceljs's per-cell validation overlaps). */
export const STATUS_LIST = EXECUTION_STATUSES.map((s) => STATUS_LABELS[s]);

export function statusValidation(ws: Worksheet, range: string): void {
  (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${STATUS_LIST.join(',')}"`],
    // A word outside the list gets a question, not a refusal: «Да» keeps it, and the import of the
    // answers reads such words («выполнено не в срок») or flags them for the methodist.
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: 'Отметки нет в списке',
    error: 'Лучше выберите отметку из списка. Оставить то, что введено? («Да» — оставить, «Нет» — исправить)',
    promptTitle: 'Отметка о выполнении',
    prompt: 'Выберите из списка',
    showInputMessage: true,
  });
}

/**
 * Sheet names Excel accepts from any title: at most 31 characters, none of []:*?/\, not «History»
 * (reserved by Excel), unique in the book. An ASCII apostrophe becomes ’: Excel forbids one at either
 * end, and exceljs writes the print-titles reference ('name'!$8:$8) without doubling one inside.
 */
export function sheetName(title: string, taken: Set<string>): string {
  const cleaned = shortened(
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/'/g, '’')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const base = cleaned.toLowerCase() === 'history' ? `${cleaned} (1)` : cleaned;
  let name = base;
  for (let i = 2; taken.has(name.toLocaleLowerCase('ru-RU')); i++) name = `${base.slice(0, 27 - String(i).length)} (${i})`;
  taken.add(name.toLocaleLowerCase('ru-RU'));
  return name;
}

/**
 * A title of at most 31 characters (Excel's limit), cut after a whole word with «…» rather than mid-word:
 * ««Дорожная карта» по реализации…», not ««Дорожная карта» по реализац».
 */
function shortened(title: string): string {
  if (title.length <= 31) return title || 'Лист';
  // The space may stand right after the 30th character: then all 30 are whole words.
  const space = title.slice(0, 31).lastIndexOf(' ');
  // A first word longer than half the room is cut where it must be.
  return `${(space >= 15 ? title.slice(0, space) : title.slice(0, 30)).trim()}…`;
}

/** A date cell that Excel sees as a date: midnight UTC of that day. */
export const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

const ROMAN = ['I', 'II', 'III', 'IV'];
/** «II квартал 2022 года». */
export function quarterWords(quarter: string): string {
  const [y, q] = quarter.split('-Q');
  return `${ROMAN[Number(q) - 1]} квартал ${y} года`;
}

/**
 * Row heights for wrapped text. Excel grows rows on its own, LibreOffice does not for files written
 * this way: without a height, long cells would print over each other. The lines are counted from the
 * column's width in pixels and the font's size (an average Cyrillic letter of Times New Roman is about
 * half an em; counted a little wider, so that a row is rather too tall than cut), 1.25 lines of spacing.
 */
export function fitRowHeight(ws: Worksheet, row: number, texts: string[], widths: number[], minLines = 1, fontSize = FONT.size): void {
  rowFitter(widths, minLines, fontSize)(ws, row, texts);
}

/**
 * fitRowHeight for many rows of one set of columns: the letters a line holds are counted once per
 * column, not once per cell.
 */
export function rowFitter(widths: number[], minLines = 1, fontSize = FONT.size): (ws: Worksheet, row: number, texts: string[]) => void {
  const letterPx = fontSize * (96 / 72) * 0.55;
  const perLine = (i: number) => Math.max(4, Math.floor((columnPx(widths[i] ?? 10) - 8) / letterPx));
  const perColumn = widths.map((_, i) => perLine(i));
  return (ws, row, texts) => {
    let most = minLines;
    for (let i = 0; i < texts.length; i++) most = Math.max(most, textLines(String(texts[i] ?? ''), perColumn[i] ?? perLine(i)));
    ws.getRow(row).height = Math.min(409, most * fontSize * 1.25 + 4);
  };
}

/** What `\s` matches: the text is measured a character at a time, without a split per cell. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Lines a text takes when each paragraph («\n») is wrapped at word boundaries, `perLine` letters a
 * line (a word longer than a line is cut). One pass over the characters: a report measures every
 * cell of every row, and splitting each into paragraphs and words cost more than writing it.
 */
export function textLines(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  let len = 0;
  // One step past the end, read as a space, ends the last word.
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c !== 10 && !isSpace(c)) {
      len++;
      continue;
    }
    if (len > 0) {
      if (used === 0) {
        lines += Math.floor((len - 1) / perLine);
        used = len % perLine || perLine;
      } else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        lines += 1 + Math.floor((len - 1) / perLine);
        used = len % perLine || perLine;
      }
      len = 0;
    }
    if (c === 10) {
      lines++;
      used = 0;
    }
  }
  return lines;
}
