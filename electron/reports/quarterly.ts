/**
 * The quarterly report to the region (.xlsx): a summary sheet with counts per roadmap and in total
 * and a bar-chart picture, then a sheet per roadmap with the measures the quarter covers, their
 * status, result, evidence and notes — print-ready.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../db/errors';
import { STATUS_LABELS } from '../../db/executions';
import type { Db } from '../../db/open';
import { quarterSpan, roadmapCoversQuarter, selectForQuarter, type QuarterSelection } from '../../db/quarter-selection';
import { listRoadmaps } from '../../db/roadmaps';
import { getDepartment } from '../../db/settings';
import { ruDate } from '../../db/terms/dates';
import { doneShare } from '../../shared/execution-rules';
import { SUMMARY_KEYS as SHARED_SUMMARY_KEYS, SUMMARY_KEY_LABELS, summaryKeyOf, type SummaryKey } from '../../shared/status-summary';
import { periodText, safeFileName } from '../documents/names';
import { addDataSheet, addReportMeta, dataRows } from './data-sheet';
import { argb, barChartPng } from './chart';
import { addRiskSheet, RISK_SHEET } from './risk-sheet';
import { progressByQuarter } from '../../db/progress';
import { addProgressSheet, PROGRESS_SHEET, progressLines } from './progress-sheet';
import { indicatorLines } from './indicator-rows';
import { addIndicatorSheet, INDICATOR_SHEET } from './indicator-sheet';
import { addIndicatorDataSheet, INDICATOR_DATA_SHEET } from './indicator-data-sheet';
import {
  DATE_FORMAT,
  excelDate,
  fitRowHeight,
  FONT,
  PERCENT_FORMAT,
  printSetup,
  quarterWords,
  rowFitter,
  sheetName,
  statusValidation,
  styleBodyCell,
  styleHeaderCell,
} from './sheet-style';

export interface ReportRequest {
  quarter: string;
  roadmapIds?: number[] | undefined;
  /** The report's date ('YYYY-MM-DD'); today if not given. */
  date?: string | undefined;
  preparedBy?: string | undefined;
}

/** Widths in Excel's units, 154 in all: A4 landscape one page wide at 10 pt or more (printSetup in sheet-style.ts). */
export const REPORT_COLUMNS = [
  { header: '№ п/п', width: 6 },
  { header: 'Мероприятие', width: 30 },
  { header: 'Срок (как в дорожной карте)', width: 14 },
  { header: 'Ответственные', width: 17 },
  { header: 'Плановый результат', width: 20 },
  { header: 'Отметка о выполнении', width: 14 },
  { header: 'Достигнутый результат', width: 20 },
  { header: 'Подтверждающие документы', width: 17 },
  { header: 'Примечание / причины невыполнения', width: 16 },
];
export const HEADER_ROW = 8;

// The counts of the summary, in its column order, live in shared/status-summary.ts: the start screen counts the same way.
export const SUMMARY_KEYS: SummaryKey[] = [...SHARED_SUMMARY_KEYS];
/** The share of done measures counts every done status (shared/execution-rules.ts). */
const lineShare = (l: SummaryLine) => doneShare(l.counts, l.total);
// The status columns' captions are the summary's one list (shared/status-summary.ts), between the total and the share.
const SUMMARY_HEADERS = ['Мероприятий в отчёте', ...SUMMARY_KEYS.map((k) => SUMMARY_KEY_LABELS[k]), 'Доля выполненных'];

export interface SummaryLine {
  roadmapId: number;
  title: string;
  total: number;
  counts: Record<(typeof SUMMARY_KEYS)[number], number>;
  share: number;
}

export function summarize(sel: QuarterSelection): SummaryLine {
  const counts = Object.fromEntries(SUMMARY_KEYS.map((k) => [k, 0])) as SummaryLine['counts'];
  let total = 0;
  for (const r of sel.rows) {
    if (r.kind !== 'measure') continue;
    total++;
    counts[summaryKeyOf(r.record?.status)]++;
  }
  const line = { roadmapId: sel.roadmap.id, title: sel.roadmap.title, total, counts, share: 0 };
  return { ...line, share: lineShare(line) };
}

export function reportSelections(db: Db, req: ReportRequest): QuarterSelection[] {
  quarterSpan(req.quarter);
  const ids = req.roadmapIds?.length
    ? req.roadmapIds
    : listRoadmaps(db)
        .filter((r) => roadmapCoversQuarter(r, req.quarter))
        .map((r) => r.id);
  if (!ids.length)
    throw new AppError('no_roadmaps', `Нет дорожных карт, действующих в ${quarterWords(req.quarter).replace('квартал', 'квартале')}.`);
  return ids.map((id) => {
    const sel = selectForQuarter(db, id, req.quarter);
    if (!roadmapCoversQuarter(sel.roadmap, req.quarter))
      throw new AppError(
        'quarter_outside',
        `Дорожная карта «${sel.roadmap.title.slice(0, 80)}» не действует в ${quarterWords(req.quarter).replace('квартал', 'квартале')}: её период — ${periodText(sel.roadmap.periodStart, sel.roadmap.periodEnd)}.`,
      );
    return sel;
  });
}

function roadmapSheet(
  wb: ExcelJS.Workbook,
  sel: QuarterSelection,
  ctx: { department: string; date: string; preparedBy: string },
  taken: Set<string>,
): void {
  const ws = wb.addWorksheet(sheetName(sel.roadmap.title, taken));
  ws.columns = REPORT_COLUMNS.map((c) => ({ width: c.width }));
  const last = REPORT_COLUMNS.length;
  const span = quarterSpan(sel.quarter);
  const line = (row: number, text: string, bold = false) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { ...FONT, bold, size: bold ? 12 : 11 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  };
  line(1, ctx.department, true);
  line(2, `Отчёт о реализации: ${sel.roadmap.title}`, true);
  const widths = REPORT_COLUMNS.map((c) => c.width);
  const fullWidth = widths.reduce((a, b) => a + b, 0);
  fitRowHeight(ws, 1, [ctx.department], [fullWidth], 1, 12);
  fitRowHeight(ws, 2, [`Отчёт о реализации: ${sel.roadmap.title}`], [fullWidth], 1, 12);
  line(3, `Период реализации: ${periodText(sel.roadmap.periodStart, sel.roadmap.periodEnd)}`);
  line(4, `Отчётный период: ${quarterWords(sel.quarter)} (${ruDate(span.start)} — ${ruDate(span.end)})`);
  ws.getCell(5, 1).value = 'Дата отчёта:';
  ws.mergeCells(5, 1, 5, 2);
  ws.getCell(5, 3).value = excelDate(ctx.date);
  ws.getCell(5, 3).numFmt = DATE_FORMAT;
  ws.getCell(6, 1).value = 'Подготовил(а):';
  ws.mergeCells(6, 1, 6, 2);
  ws.mergeCells(6, 3, 6, last);
  ws.getCell(6, 3).value = ctx.preparedBy;
  for (const r of [5, 6]) for (const c of [1, 3]) ws.getCell(r, c).font = { ...FONT };

  const header = ws.getRow(HEADER_ROW);
  REPORT_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    styleHeaderCell(header.getCell(i + 1));
  });
  fitRowHeight(
    ws,
    HEADER_ROW,
    REPORT_COLUMNS.map((c) => c.header),
    widths,
  );
  const fitMeasure = rowFitter(widths);
  const fitSection = rowFitter([fullWidth]);
  let row = HEADER_ROW + 1;
  for (const r of sel.rows) {
    if (r.kind === 'section') {
      const cell = ws.getCell(row, 1);
      cell.value = `${r.sectionNumber ? `${r.sectionNumber}. ` : ''}${r.sectionTitle}`;
      // Styled before the merge, which hands the style to the rest of the row (its borders).
      styleBodyCell(cell, { bold: true });
      ws.mergeCells(row, 1, row, last);
      fitSection(ws, row, [String(cell.value)]);
    } else {
      const m = r.measure!;
      const rec = r.record;
      const values = [
        m.number,
        m.name,
        m.term,
        m.executors,
        m.result,
        rec ? STATUS_LABELS[rec.status] : '',
        rec?.result ?? '',
        rec?.evidence ?? '',
        rec?.note ?? '',
      ];
      // Through the row: ws.getCell(row, col) builds and parses an «A1» address for every cell.
      const line = ws.getRow(row);
      values.forEach((v, i) => {
        const cell = line.getCell(i + 1);
        cell.value = v;
        styleBodyCell(cell, { center: i === 0 || i === 5 });
      });
      fitMeasure(ws, row, values);
    }
    row++;
  }
  const lastRow = Math.max(row - 1, HEADER_ROW + 1);
  statusValidation(ws, `F${HEADER_ROW + 1}:F${lastRow}`);
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW, topLeftCell: `C${HEADER_ROW + 1}`, activeCell: `C${HEADER_ROW + 1}` }];
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: lastRow, column: last } };
  printSetup(ws, HEADER_ROW);
}

/**
 * The summary's columns fit one A4 landscape page at a readable size (printSetup): 43 + 8 × 12 characters
 * is 1 018 px of the page's 1 026. Wider, the last two columns — «Не начато / нет отметки» and «Доля
 * выполненных», the ones read first — went to a second page.
 */
const SUMMARY_TITLE_WIDTH = 43;
const SUMMARY_COUNT_WIDTH = 12;

function summarySheet(wb: ExcelJS.Workbook, lines: SummaryLine[], ctx: { department: string; date: string; quarter: string }): void {
  const ws = wb.addWorksheet('Сводка');
  ws.columns = [{ width: SUMMARY_TITLE_WIDTH }, ...SUMMARY_HEADERS.map(() => ({ width: SUMMARY_COUNT_WIDTH }))];
  const last = SUMMARY_HEADERS.length + 1;
  const line = (row: number, text: string, bold = false) => {
    ws.mergeCells(row, 1, row, last);
    ws.getCell(row, 1).value = text;
    ws.getCell(row, 1).font = { ...FONT, bold, size: bold ? 12 : 11 };
  };
  line(1, ctx.department, true);
  line(2, `Сводка о реализации дорожных карт за ${quarterWords(ctx.quarter)}`, true);
  ws.getCell(3, 1).value = 'Дата отчёта:';
  ws.getCell(3, 2).value = excelDate(ctx.date);
  ws.getCell(3, 2).numFmt = DATE_FORMAT;
  const headerRow = 5;
  ['Дорожная карта', ...SUMMARY_HEADERS].forEach((h, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = h;
    // The status columns wear the chart's colours: the header is the chart's legend.
    styleHeaderCell(cell, i >= 2 && i <= 7 ? argb(SUMMARY_KEYS[i - 2]!) : undefined);
  });
  fitRowHeight(
    ws,
    headerRow,
    ['Дорожная карта', ...SUMMARY_HEADERS],
    [SUMMARY_TITLE_WIDTH, ...SUMMARY_HEADERS.map(() => SUMMARY_COUNT_WIDTH)],
  );
  const totals: SummaryLine = {
    roadmapId: 0,
    title: 'Итого',
    total: 0,
    counts: Object.fromEntries(SUMMARY_KEYS.map((k) => [k, 0])) as SummaryLine['counts'],
    share: 0,
  };
  for (const l of lines) {
    totals.total += l.total;
    for (const k of SUMMARY_KEYS) totals.counts[k] += l.counts[k];
  }
  totals.share = lineShare(totals);
  [...lines, totals].forEach((l, i) => {
    const r = headerRow + 1 + i;
    const values = [l.title, l.total, ...SUMMARY_KEYS.map((k) => l.counts[k]), l.share];
    values.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      cell.value = v;
      styleBodyCell(cell, { bold: l === totals, center: c > 0, numFmt: c === values.length - 1 ? PERCENT_FORMAT : undefined });
    });
    fitRowHeight(ws, r, [l.title], [SUMMARY_TITLE_WIDTH]);
  });
  const chartTop = headerRow + lines.length + 3;
  ws.getCell(chartTop - 1, 1).value =
    'Исполнение по дорожным картам: полосы в порядке строк таблицы, на полосах — число мероприятий, в конце — всего.';
  ws.getCell(chartTop - 1, 1).font = { ...FONT, italic: true };
  const chartHeight = lines.length * 32 + 10;
  const image = wb.addImage({
    buffer: barChartPng(lines, SUMMARY_KEYS, 720, { values: true }) as unknown as ExcelJS.Buffer,
    extension: 'png',
  });
  ws.addImage(image, { tl: { col: 0, row: chartTop }, ext: { width: 720, height: chartHeight } });
  // The chart's own legend, under it: a coloured cell per status with its name.
  const legendRow = chartTop + Math.ceil(chartHeight / 20) + 2;
  ws.getCell(legendRow, 1).value = 'Условные обозначения:';
  ws.getCell(legendRow, 1).font = { ...FONT, italic: true };
  ws.getCell(legendRow, 1).alignment = { horizontal: 'right', vertical: 'middle' };
  SUMMARY_KEYS.forEach((k, i) => {
    const cell = ws.getCell(legendRow, i + 3);
    cell.value = SUMMARY_HEADERS[i + 1]!;
    styleHeaderCell(cell, argb(k));
  });
  fitRowHeight(
    ws,
    legendRow,
    SUMMARY_HEADERS.slice(1, 1 + SUMMARY_KEYS.length),
    SUMMARY_KEYS.map(() => 14),
  );
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: headerRow }];
  printSetup(ws, headerRow);
}

export async function buildQuarterlyReport(
  db: Db,
  req: ReportRequest,
): Promise<{ fileName: string; data: Buffer; summary: SummaryLine[] }> {
  const selections = reportSelections(db, req);
  const dept = getDepartment(db);
  const date = req.date ?? new Date().toISOString().slice(0, 10);
  const district = dept.districtName.trim();
  // The header names the district too: the region reads many districts' reports side by side.
  const department = `${dept.fullName || 'Орган управления образованием'}${district ? ` — ${district}${dept.districtCode ? ` (ОКТМО ${dept.districtCode})` : ''}` : ''}`;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Дорожные карты РМК';
  wb.created = new Date(`${date}T00:00:00Z`);
  const summary = selections.map(summarize);
  summarySheet(wb, summary, { department, date, quarter: req.quarter });
  // Progress over the quarters up to the report's, for the report's roadmaps in the summary's order.
  const progress = progressByQuarter(db, { roadmapIds: selections.map((s) => s.roadmap.id), upTo: req.quarter });
  const order = new Map(selections.map((s, i) => [s.roadmap.id, i]));
  progress.roadmaps.sort((a, b) => order.get(a.roadmapId!)! - order.get(b.roadmapId!)!);
  addProgressSheet(wb, progressLines(progress), { department, quarter: req.quarter });
  const taken = new Set<string>(['сводка', PROGRESS_SHEET.toLocaleLowerCase('ru-RU')]);
  taken.add('данные').add('rmk-report').add(RISK_SHEET.toLocaleLowerCase('ru-RU'));
  for (const n of [INDICATOR_SHEET, INDICATOR_DATA_SHEET]) taken.add(n.toLocaleLowerCase('ru-RU'));
  for (const sel of selections) roadmapSheet(wb, sel, { department, date, preparedBy: req.preparedBy ?? '' }, taken);
  // Gathered once, drawn twice: the printed «Индикаторы» and the flat «Данные — индикаторы».
  const indicators = indicatorLines(
    db,
    selections.map((s) => s.roadmap.id),
    req.quarter,
  );
  addIndicatorSheet(wb, indicators, { quarter: req.quarter, department });
  addRiskSheet(wb, db, { quarter: req.quarter, roadmapIds: req.roadmapIds, department });
  addDataSheet(wb, dataRows(selections, { districtName: district, districtCode: dept.districtCode }));
  addIndicatorDataSheet(
    wb,
    indicators.map((l) => ({ ...l, district, districtCode: dept.districtCode, quarter: req.quarter })),
  );
  addReportMeta(wb, {
    created: new Date().toISOString(),
    date,
    districtName: district,
    districtCode: dept.districtCode,
    quarter: req.quarter,
  });
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const [y, q] = req.quarter.split('-Q');
  // «Отчёт_Ульчский_район_2022-Q2.xlsx»: every district's file has its own name in the region's mail.
  const fileName = district
    ? `${safeFileName(`Отчёт_${district.slice(0, 80)}_${req.quarter}`).replace(/\s+/g, '_')}.xlsx`
    : `Отчёт о реализации дорожных карт за ${q} квартал ${y} года.xlsx`;
  return { fileName, data, summary };
}
