/**
 * The quarterly report's flat sheet «Данные» — one row per measure and quarter, the same columns
 * every time — and the hidden marker that says the book is this app's report and of which format.
 * The region adds these sheets up (./consolidate.ts); any other tool can read them too.
 * Gather-then-render: `dataRows` builds a plain model from the selections, `addDataSheet` writes it.
 */
import type ExcelJS from 'exceljs';
import { STATUS_LABELS } from '../../db/executions';
import { quarterSpan, type QuarterSelection } from '../../db/quarter-selection';
import { ruDate } from '../../db/terms/dates';
import { DATE_FORMAT, excelDate, printSetup, styleHeaderCell, textStyle } from './sheet-style';

export const DATA_SHEET = 'Данные';
/** A very hidden sheet: the marker, the format version and what the region needs to tell reports apart. */
export const REPORT_META_SHEET = 'rmk-report';
export const REPORT_MARKER = 'Дорожные карты РМК: квартальный отчёт';
/** Raised when the «Данные» columns or the marker change; a reader refuses a newer one. */
export const REPORT_FORMAT = 1;

export interface DataRow {
  district: string;
  districtCode: string;
  quarter: string;
  roadmapId: number | null;
  roadmap: string;
  section: string;
  measureId: number | null;
  number: string;
  name: string;
  term: string;
  /** 'YYYY-MM-DD', the measure's due dates that fall in the quarter. */
  dueInQuarter: string[];
  statusCode: string;
  status: string;
  result: string;
  evidence: string;
  note: string;
  filledBy: string;
  /** 'YYYY-MM-DD' of the quarter's mark, null without one. */
  markedAt: string | null;
}

type Kind = 'text' | 'number' | 'date' | 'dates';
/** The documented columns, in order (README «Свод по региону»); the captions are the contract. */
export const DATA_COLUMNS: { key: keyof DataRow; header: string; width: number; kind: Kind }[] = [
  { key: 'district', header: 'Район', width: 22, kind: 'text' },
  { key: 'districtCode', header: 'Код района', width: 13, kind: 'text' },
  { key: 'quarter', header: 'Квартал', width: 10, kind: 'text' },
  { key: 'roadmapId', header: 'ID карты', width: 9, kind: 'number' },
  { key: 'roadmap', header: 'Дорожная карта', width: 36, kind: 'text' },
  { key: 'section', header: 'Раздел', width: 28, kind: 'text' },
  { key: 'measureId', header: 'ID мероприятия', width: 12, kind: 'number' },
  { key: 'number', header: '№', width: 7, kind: 'text' },
  { key: 'name', header: 'Мероприятие', width: 48, kind: 'text' },
  { key: 'term', header: 'Срок', width: 18, kind: 'text' },
  { key: 'dueInQuarter', header: 'Сроки в квартале', width: 16, kind: 'dates' },
  { key: 'statusCode', header: 'Код статуса', width: 13, kind: 'text' },
  { key: 'status', header: 'Статус', width: 20, kind: 'text' },
  { key: 'result', header: 'Достигнутый результат', width: 32, kind: 'text' },
  { key: 'evidence', header: 'Подтверждающие документы', width: 26, kind: 'text' },
  { key: 'note', header: 'Примечание', width: 26, kind: 'text' },
  { key: 'filledBy', header: 'Заполнил(а)', width: 20, kind: 'text' },
  { key: 'markedAt', header: 'Дата отметки', width: 13, kind: 'date' },
];
export const DATA_HEADERS = DATA_COLUMNS.map((c) => c.header);

export interface DistrictIdentity {
  districtName: string;
  districtCode: string;
}

/** The model of the sheet: the measure rows of the selections, in the order of the report. */
export function dataRows(selections: QuarterSelection[], district: DistrictIdentity): DataRow[] {
  const rows: DataRow[] = [];
  for (const sel of selections) {
    const { start, end } = quarterSpan(sel.quarter);
    for (const r of sel.rows) {
      if (r.kind !== 'measure' || !r.measure) continue;
      const m = r.measure;
      const rec = r.record ?? null;
      rows.push({
        district: district.districtName,
        districtCode: district.districtCode,
        quarter: sel.quarter,
        roadmapId: sel.roadmap.id,
        roadmap: sel.roadmap.title,
        section: r.sectionTitle === null ? '' : `${r.sectionNumber ? `${r.sectionNumber}. ` : ''}${r.sectionTitle}`,
        measureId: m.id,
        number: m.number,
        name: m.name,
        term: m.term,
        // The same rule as the report's choice of measures (db/quarter-selection.ts, reason 'due').
        dueInQuarter: m.parsed.kind === 'unparsed' ? [] : m.parsed.due.filter((d) => d >= start && d <= end),
        statusCode: rec?.status ?? '',
        status: rec ? STATUS_LABELS[rec.status] : '',
        result: rec?.result ?? '',
        evidence: rec?.evidence ?? '',
        note: rec?.note ?? '',
        // Who answered, as a school's form said («Заполнил(а)»); empty for a mark made in the app.
        filledBy: rec?.filledBy ?? '',
        markedAt: rec?.updatedAt ? rec.updatedAt.slice(0, 10) : null,
      });
    }
  }
  return rows;
}

/**
 * «Сроки в квартале» is text («ДД.ММ.ГГГГ, ДД.ММ.ГГГГ»): a measure may have several due dates in a
 * quarter, and a column of one type reads the same in every tool. «Дата отметки» is a date cell.
 */
function cellValue(row: DataRow, kind: Kind, key: keyof DataRow): ExcelJS.CellValue {
  const v = row[key];
  if (kind === 'dates') return (v as string[]).map(ruDate).join(', ');
  if (kind === 'date') return v ? excelDate(v as string) : null;
  if (kind === 'number') return v === null || v === '' ? null : Number(v);
  return (v as string) ?? '';
}

export function addDataSheet(wb: ExcelJS.Workbook, rows: DataRow[], name = DATA_SHEET): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = DATA_COLUMNS.map((c) => ({ width: c.width }));
  ws.addTable({
    name: 'RMK_Data',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: DATA_COLUMNS.map((c) => ({ name: c.header, filterButton: true })),
    // A table needs at least one row: an empty report keeps an empty one so the captions stay readable.
    rows: rows.length ? rows.map((r) => DATA_COLUMNS.map((c) => cellValue(r, c.kind, c.key))) : [DATA_COLUMNS.map(() => null)],
  });
  DATA_COLUMNS.forEach((_, i) => styleHeaderCell(ws.getCell(1, i + 1)));
  // One shared style per kind of cell (sheet-style.ts): a style built per cell costs exceljs a serialisation each.
  const cellStyles = DATA_COLUMNS.map((c) => textStyle(c.kind === 'date' ? DATE_FORMAT : undefined));
  for (let r = 2; r <= rows.length + 1; r++) {
    const row = ws.getRow(r);
    // The row's own style too, as `row.font =` set it (exceljs has it, its typings do not).
    (row as unknown as { style: Partial<ExcelJS.Style> }).style = textStyle();
    cellStyles.forEach((style, i) => (row.getCell(i + 1).style = style));
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // A data sheet, yet printed like the others if someone prints the whole book (not Letter portrait).
  printSetup(ws, 1);
  return ws;
}

export interface ReportMeta {
  format: number;
  /** ISO time the file was made: the newer of two reports of one district and quarter wins. */
  created: string;
  /** The report's own date ('YYYY-MM-DD'). */
  date: string;
  districtName: string;
  districtCode: string;
  quarter: string;
}

const META_KEYS: [keyof Omit<ReportMeta, 'format'>, string][] = [
  ['created', 'Создан'],
  ['date', 'Дата отчёта'],
  ['districtName', 'Район'],
  ['districtCode', 'Код района'],
  ['quarter', 'Квартал'],
];

export function addReportMeta(wb: ExcelJS.Workbook, meta: Omit<ReportMeta, 'format'>): void {
  const ws = wb.addWorksheet(REPORT_META_SHEET, { state: 'veryHidden' });
  ws.getCell('A1').value = REPORT_MARKER;
  ws.getCell('B1').value = REPORT_FORMAT;
  META_KEYS.forEach(([key, label], i) => {
    ws.getCell(i + 2, 1).value = label;
    // Text, not date cells: the creation time keeps its seconds and no reader re-interprets it.
    ws.getCell(i + 2, 2).value = meta[key];
  });
}

/** The marker read back from cells (row → column → text); null when the book carries none. */
export function readReportMeta(cell: (row: number, col: number) => string): ReportMeta | null {
  if (cell(1, 1) !== REPORT_MARKER) return null;
  const format = Number(cell(1, 2));
  const meta = { format: Number.isFinite(format) ? format : Number.POSITIVE_INFINITY } as ReportMeta;
  META_KEYS.forEach(([key], i) => (meta[key] = cell(i + 2, 2)));
  return meta;
}
