/**
 * The quarterly report's «Индикаторы» sheet: per indicator the district's line, then its schools' — the
 * report year's baseline, target, actual value and whether the target is met. Added only when some
 * roadmap of the report has indicators. Numbers are number cells (Excel shows them with the reader's
 * decimal comma); the baseline is text with its year, «45,5 (2023)», as the appendix prints it.
 */
import type ExcelJS from 'exceljs';
import { formatIndicatorValue } from '../../shared/indicators';
import type { IndicatorLine } from './indicator-rows';
import { fitRowHeight, FONT, printSetup, quarterWords, rowFitter, styleBodyCell, styleHeaderCell } from './sheet-style';

export const INDICATOR_SHEET = 'Индикаторы';
export const INDICATOR_HEADER_ROW = 4;
export const INDICATOR_COLUMNS = [
  { header: 'Индикатор', width: 44 },
  { header: 'Ед. изм.', width: 10 },
  { header: 'Школа', width: 26 },
  { header: 'Год', width: 11 },
  { header: 'Базовое значение', width: 14 },
  { header: 'Целевое значение', width: 13 },
  { header: 'Фактическое значение', width: 14 },
  { header: 'Достигнуто', width: 15 },
];

export function addIndicatorSheet(wb: ExcelJS.Workbook, lines: IndicatorLine[], ctx: { quarter: string; department: string }): void {
  if (!lines.length) return;
  const ws = wb.addWorksheet(INDICATOR_SHEET);
  const widths = INDICATOR_COLUMNS.map((c) => c.width);
  const fullWidth = widths.reduce((a, b) => a + b, 0);
  ws.columns = widths.map((width) => ({ width }));
  const last = INDICATOR_COLUMNS.length;
  const line = (row: number, text: string, bold = false) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { ...FONT, bold, size: bold ? 12 : 11 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    fitRowHeight(ws, row, [text], [fullWidth], 1, bold ? 12 : 11);
  };
  line(1, ctx.department, true);
  line(2, `Индикаторы дорожных карт за ${quarterWords(ctx.quarter)}`, true);
  line(
    3,
    'Год — отчётный: календарный год квартала или учебный год, в котором он идёт. Фактическое значение района, не внесённое отдельно, рассчитано по школам.',
  );
  INDICATOR_COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(INDICATOR_HEADER_ROW, i + 1);
    cell.value = c.header;
    styleHeaderCell(cell);
  });
  fitRowHeight(
    ws,
    INDICATOR_HEADER_ROW,
    INDICATOR_COLUMNS.map((c) => c.header),
    widths,
  );
  const fit = rowFitter(widths);
  const fitTitle = rowFitter([fullWidth]);
  const several = new Set(lines.map((l) => l.roadmapId)).size > 1;
  let row = INDICATOR_HEADER_ROW + 1;
  let roadmap: number | null | undefined;
  for (const l of lines) {
    // With several roadmaps, each one's indicators under its title, as the plan's sections are.
    if (several && l.roadmapId !== roadmap) {
      roadmap = l.roadmapId;
      const cell = ws.getCell(row, 1);
      cell.value = l.roadmap;
      styleBodyCell(cell, { bold: true });
      ws.mergeCells(row, 1, row, last);
      fitTitle(ws, row, [l.roadmap]);
      row++;
    }
    const district = l.schoolId === null;
    const values: ExcelJS.CellValue[] = [
      l.indicator,
      l.unit,
      l.school,
      l.year,
      l.baseline === null ? null : `${formatIndicatorValue(l.baseline)} (${l.baselineYear})`,
      l.target,
      l.actual,
      l.achievement,
    ];
    const r = ws.getRow(row);
    values.forEach((v, i) => {
      const cell = r.getCell(i + 1);
      cell.value = v;
      styleBodyCell(cell, { bold: district, center: i >= 3 });
    });
    fit(
      ws,
      row,
      values.map((v) => (v === null ? '' : String(v))),
    );
    row++;
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: INDICATOR_HEADER_ROW }];
  ws.autoFilter = { from: { row: INDICATOR_HEADER_ROW, column: 1 }, to: { row: row - 1, column: last } };
  printSetup(ws, INDICATOR_HEADER_ROW);
}
