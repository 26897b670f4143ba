/**
 * The flat sheet «Данные — индикаторы»: one row per indicator and line (the district, then each school)
 * for the report's year, the same columns every time, for the region's consolidation (./consolidate-read.ts)
 * and any other tool. A sheet of its own rather than a second table under «Данные»: the consolidation
 * of this and earlier versions reads «Данные» from row 2 to its last row, so rows below the measures
 * would be taken for measures; an extra sheet is simply not read by an older version, and the
 * format number (REPORT_FORMAT) need not change.
 */
import type ExcelJS from 'exceljs';
import type { IndicatorLine } from './indicator-rows';
import { printSetup, styleHeaderCell, textStyle } from './sheet-style';

export const INDICATOR_DATA_SHEET = 'Данные — индикаторы';

/** A row of the sheet: the report's district and quarter, then the line. */
export interface IndicatorDataRow extends IndicatorLine {
  district: string;
  districtCode: string;
  quarter: string;
}

type Kind = 'text' | 'number' | 'flag';
/** The documented columns, in order; the captions are the contract the region reads by. */
export const INDICATOR_DATA_COLUMNS: { key: keyof IndicatorDataRow; header: string; width: number; kind: Kind }[] = [
  { key: 'district', header: 'Район', width: 22, kind: 'text' },
  { key: 'districtCode', header: 'Код района', width: 13, kind: 'text' },
  { key: 'quarter', header: 'Квартал', width: 10, kind: 'text' },
  { key: 'roadmapId', header: 'ID карты', width: 9, kind: 'number' },
  { key: 'roadmap', header: 'Дорожная карта', width: 36, kind: 'text' },
  { key: 'indicatorId', header: 'ID индикатора', width: 12, kind: 'number' },
  { key: 'indicator', header: 'Индикатор', width: 48, kind: 'text' },
  { key: 'unit', header: 'Ед. изм.', width: 10, kind: 'text' },
  { key: 'directionCode', header: 'Код направления', width: 14, kind: 'text' },
  { key: 'direction', header: 'Направление', width: 16, kind: 'text' },
  { key: 'year', header: 'Год', width: 11, kind: 'text' },
  { key: 'schoolId', header: 'ID школы', width: 9, kind: 'number' },
  { key: 'school', header: 'Школа', width: 26, kind: 'text' },
  { key: 'baseline', header: 'Базовое значение', width: 12, kind: 'number' },
  { key: 'baselineYear', header: 'Год базового значения', width: 12, kind: 'number' },
  { key: 'target', header: 'Целевое значение', width: 12, kind: 'number' },
  { key: 'actual', header: 'Фактическое значение', width: 12, kind: 'number' },
  { key: 'computed', header: 'Рассчитано по школам', width: 12, kind: 'flag' },
  { key: 'achievementCode', header: 'Код достижения', width: 13, kind: 'text' },
  { key: 'achievement', header: 'Достигнуто', width: 15, kind: 'text' },
];
export const INDICATOR_DATA_HEADERS = INDICATOR_DATA_COLUMNS.map((c) => c.header);

function cellValue(row: IndicatorDataRow, kind: Kind, key: keyof IndicatorDataRow): ExcelJS.CellValue {
  const v = row[key];
  if (kind === 'flag') return v ? 'да' : '';
  if (kind === 'number') return v === null || v === '' ? null : Number(v);
  return (v as string) ?? '';
}

export function addIndicatorDataSheet(wb: ExcelJS.Workbook, rows: IndicatorDataRow[], name = INDICATOR_DATA_SHEET): void {
  if (!rows.length) return;
  const ws = wb.addWorksheet(name);
  ws.columns = INDICATOR_DATA_COLUMNS.map((c) => ({ width: c.width }));
  ws.addTable({
    name: 'RMK_Indicators',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: INDICATOR_DATA_COLUMNS.map((c) => ({ name: c.header, filterButton: true })),
    rows: rows.map((r) => INDICATOR_DATA_COLUMNS.map((c) => cellValue(r, c.kind, c.key))),
  });
  INDICATOR_DATA_COLUMNS.forEach((_, i) => styleHeaderCell(ws.getCell(1, i + 1)));
  const style = textStyle();
  for (let r = 2; r <= rows.length + 1; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= INDICATOR_DATA_COLUMNS.length; c++) row.getCell(c).style = style;
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  printSetup(ws, 1);
}
