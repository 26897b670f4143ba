/**
 * «Свод по региону»: many districts' quarterly reports made into one workbook — per district and in
 * total the counts by status and the share done («Свод», with a bar chart whose bars carry their
 * numbers), the overdue measures of all districts («Просрочено») and every row of every district
 * («Данные», the same columns as a district's report). Gather-then-render: `consolidateModel` reads
 * and resolves the files into a plain model, `renderConsolidation` writes it.
 */
import ExcelJS from 'exceljs';
import { AppError, toAppError } from '../../db/errors';
import { ruDate } from '../../db/terms/dates';
import { quarterWords, styleBodyCell, styleHeaderCell, fitRowHeight, FONT, PERCENT_FORMAT, printSetup } from './sheet-style';
import { argb, barChartPng } from './chart';
import { readDistrictReport, type ReadReport } from './consolidate-read';
import { addDataSheet, type DataRow } from './data-sheet';
import { addIndicatorDataSheet, type IndicatorDataRow } from './indicator-data-sheet';
import { SUMMARY_KEYS } from './quarterly';
import { SUMMARY_KEY_LABELS } from '../../shared/status-summary';
import { doneShare, isDoneStatus, isOverdue as isDueOverdue } from '../../shared/execution-rules';
import type { ExecutionStatus } from '../../shared/labels';

export interface ReportFile {
  name: string;
  data: Buffer;
}

/** At most this many rows in one consolidation: far above a region's real reports, well below a spreadsheet's limit. */
export const MAX_CONSOLIDATED_ROWS = 500_000;

export interface DistrictLine {
  district: string;
  districtCode: string;
  quarter: string;
  file: string;
  total: number;
  counts: Record<(typeof SUMMARY_KEYS)[number], number>;
  share: number;
}

export interface Consolidation {
  lines: DistrictLine[];
  total: Omit<DistrictLine, 'file' | 'districtCode' | 'quarter'>;
  overdue: DataRow[];
  rows: DataRow[];
  /** Every district's indicator lines («Данные — индикаторы»), in the order of the districts. */
  indicators: IndicatorDataRow[];
  /** Files taken, in the order given. */
  used: string[];
  /** One Russian message per refused file (nothing from it is in the consolidation). */
  refused: string[];
  warnings: string[];
}

function countLine(rows: DataRow[]): Pick<DistrictLine, 'total' | 'counts' | 'share'> {
  const counts = Object.fromEntries(SUMMARY_KEYS.map((k) => [k, 0])) as DistrictLine['counts'];
  // The district's own summary counts the same way (quarterly.ts summarize): no mark or «не начато» is «нет отметки».
  for (const r of rows) counts[(SUMMARY_KEYS as string[]).includes(r.statusCode) ? (r.statusCode as keyof typeof counts) : 'none']++;
  const total = rows.length;
  return { total, counts, share: doneShare(counts, total) };
}

/** Overdue on the report's date: a due date of the quarter already past, and the measure not done. */
export function isOverdue(row: DataRow, reportDate: string): boolean {
  const done = isDoneStatus(row.statusCode as ExecutionStatus);
  return reportDate !== '' && row.dueInQuarter.some((d) => isDueOverdue(d, reportDate, done));
}

const districtKey = (r: ReadReport) =>
  `${r.districtCode || r.districtName.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim()}|${r.quarter}`;
const newer = (a: ReadReport, b: ReadReport) => (a.date !== b.date ? a.date > b.date : a.created > b.created);
/** What made one report the newer: its date, or — both of one date — when the file was made (UTC, as stored). */
const whenText = (r: ReadReport, other: ReadReport) =>
  r.date !== other.date
    ? r.date
      ? `отчёт от ${ruDate(r.date)}`
      : 'дата отчёта не указана'
    : r.created
      ? `создан ${ruDate(r.created.slice(0, 10))} в ${r.created.slice(11, 19)}`
      : 'время создания неизвестно';

export function consolidateModel(files: ReportFile[]): Consolidation {
  const refused: string[] = [];
  const warnings: string[] = [];
  const chosen = new Map<string, ReadReport>();
  for (const f of files) {
    let report: ReadReport;
    try {
      report = readDistrictReport(f.name, f.data);
    } catch (err) {
      const e = toAppError(err);
      refused.push(e.code === 'internal' ? `Файл «${f.name}» не удалось прочитать как отчёт. Из него ничего не взято.` : e.message);
      continue;
    }
    warnings.push(...report.warnings);
    if (!report.districtName) {
      report.districtName = f.name.replace(/\.xlsx$/i, '');
      warnings.push(`В отчёте «${f.name}» не указан район (Настройки → «Район»): в своде он назван по имени файла.`);
      for (const r of report.rows) r.district = report.districtName;
    }
    const key = districtKey(report);
    const before = chosen.get(key);
    if (before) {
      const [win, lose] = newer(report, before) ? [report, before] : [before, report];
      warnings.push(
        `Отчёты «${before.file}» и «${report.file}» — об одном районе («${report.districtName}») за ${quarterWords(report.quarter)}: взят более новый «${win.file}» (${whenText(win, lose)}), «${lose.file}» (${whenText(lose, win)}) не учтён.`,
      );
      chosen.set(key, win);
    } else chosen.set(key, report);
  }
  const reports = [...chosen.values()].sort(
    (a, b) => a.quarter.localeCompare(b.quarter) || a.districtName.localeCompare(b.districtName, 'ru'),
  );
  const rows = reports.flatMap((r) => r.rows);
  if (rows.length > MAX_CONSOLIDATED_ROWS)
    throw new AppError('too_many_rows', `В отчётах больше ${MAX_CONSOLIDATED_ROWS} строк: сведите их частями.`);
  if (!reports.length)
    throw new AppError('nothing_to_consolidate', `Ни один файл не подошёл для свода.${refused.length ? ` ${refused.join(' ')}` : ''}`);
  const lines = reports.map((r) => ({
    district: r.districtName,
    districtCode: r.districtCode,
    quarter: r.quarter,
    file: r.file,
    ...countLine(r.rows),
  }));
  const overdue = reports.flatMap((r) => r.rows.filter((row) => isOverdue(row, r.date)));
  if (refused.length) warnings.push(`Не вошли в свод файлы (${refused.length}); остальные сведены.`);
  return {
    lines,
    total: { district: 'Итого', ...countLine(rows) },
    overdue,
    rows,
    indicators: reports.flatMap((r) => r.indicators),
    used: reports.map((r) => r.file),
    refused,
    warnings,
  };
}

// The status columns' captions are the summary's one list (shared/status-summary.ts), between the total and the share.
const SUMMARY_HEADERS = ['Мероприятий', ...SUMMARY_KEYS.map((k) => SUMMARY_KEY_LABELS[k]), 'Доля выполненных'];

function summarySheet(wb: ExcelJS.Workbook, c: Consolidation): void {
  const ws = wb.addWorksheet('Свод');
  const widths = [36, 13, 10, ...SUMMARY_HEADERS.map(() => 13)];
  ws.columns = widths.map((width) => ({ width }));
  const quarters = [...new Set(c.lines.map((l) => l.quarter))];
  ws.mergeCells(1, 1, 1, widths.length);
  ws.getCell(1, 1).value = `Свод по региону: реализация дорожных карт за ${quarters.map(quarterWords).join(', ')}`;
  ws.getCell(1, 1).font = { ...FONT, bold: true, size: 12 };
  ws.mergeCells(2, 1, 2, widths.length);
  ws.getCell(2, 1).value = `Районов: ${c.lines.length}; файлы: ${c.used.join(', ')}`;
  ws.getCell(2, 1).font = { ...FONT, italic: true };
  ws.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  fitRowHeight(ws, 2, [String(ws.getCell(2, 1).value)], [widths.reduce((a, b) => a + b, 0)]);
  const headerRow = 4;
  const headers = ['Район', 'Код района', 'Квартал', ...SUMMARY_HEADERS];
  headers.forEach((h, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = h;
    // The status columns wear the chart's colours: the header is the chart's legend.
    styleHeaderCell(cell, i >= 4 && i <= 9 ? argb(SUMMARY_KEYS[i - 4]!) : undefined);
  });
  fitRowHeight(ws, headerRow, headers, widths);
  const all = [...c.lines.map((l) => ({ ...l, bold: false })), { ...c.total, districtCode: '', quarter: '', bold: true }];
  all.forEach((l, i) => {
    const r = headerRow + 1 + i;
    const values: (string | number)[] = [l.district, l.districtCode, l.quarter, l.total, ...SUMMARY_KEYS.map((k) => l.counts[k]), l.share];
    values.forEach((v, col) => {
      const cell = ws.getCell(r, col + 1);
      cell.value = v;
      styleBodyCell(cell, { bold: l.bold, center: col > 0, numFmt: col === values.length - 1 ? PERCENT_FORMAT : undefined });
    });
    fitRowHeight(ws, r, [l.district], [widths[0]!]);
  });
  const chartTop = headerRow + all.length + 2;
  ws.getCell(chartTop, 1).value =
    'Исполнение по районам (в порядке таблицы; цвета — как в заголовке таблицы, на полосах — число мероприятий):';
  ws.getCell(chartTop, 1).font = { ...FONT, italic: true };
  const image = wb.addImage({
    buffer: barChartPng(c.lines, SUMMARY_KEYS, 720, { values: true }) as unknown as ExcelJS.Buffer,
    extension: 'png',
  });
  ws.addImage(image, { tl: { col: 0, row: chartTop }, ext: { width: 720, height: c.lines.length * 32 + 10 } });
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  printSetup(ws, headerRow);
}

const OVERDUE_COLUMNS: { header: string; width: number; value: (r: DataRow) => string }[] = [
  { header: 'Район', width: 22, value: (r) => r.district },
  { header: 'Квартал', width: 10, value: (r) => r.quarter },
  { header: 'Дорожная карта', width: 34, value: (r) => r.roadmap },
  { header: '№', width: 7, value: (r) => r.number },
  { header: 'Мероприятие', width: 46, value: (r) => r.name },
  { header: 'Срок', width: 18, value: (r) => r.term },
  { header: 'Сроки в квартале', width: 14, value: (r) => r.dueInQuarter.map(ruDate).join(', ') },
  { header: 'Статус', width: 18, value: (r) => r.status || 'нет отметки' },
  { header: 'Примечание', width: 30, value: (r) => r.note },
];

function overdueSheet(wb: ExcelJS.Workbook, rows: DataRow[]): void {
  const ws = wb.addWorksheet('Просрочено');
  const widths = OVERDUE_COLUMNS.map((c) => c.width);
  ws.columns = widths.map((width) => ({ width }));
  OVERDUE_COLUMNS.forEach((c, i) => {
    ws.getCell(1, i + 1).value = c.header;
    styleHeaderCell(ws.getCell(1, i + 1));
  });
  rows.forEach((row, i) => {
    const values = OVERDUE_COLUMNS.map((c) => c.value(row));
    values.forEach((v, col) => {
      ws.getCell(i + 2, col + 1).value = v;
      styleBodyCell(ws.getCell(i + 2, col + 1), { center: col === 1 || col === 3 });
    });
    fitRowHeight(ws, i + 2, values, widths);
  });
  if (!rows.length) {
    ws.mergeCells(2, 1, 2, OVERDUE_COLUMNS.length);
    ws.getCell(2, 1).value = 'Просроченных мероприятий нет.';
  } else ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: OVERDUE_COLUMNS.length } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  printSetup(ws, 1);
}

export async function renderConsolidation(c: Consolidation, created = new Date()): Promise<{ fileName: string; data: Buffer }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Дорожные карты РМК';
  wb.created = created;
  summarySheet(wb, c);
  overdueSheet(wb, c.overdue);
  addDataSheet(wb, c.rows);
  // The districts' indicators side by side, the same columns as a district's «Данные — индикаторы».
  addIndicatorDataSheet(wb, c.indicators, 'Индикаторы');
  const quarters = [...new Set(c.lines.map((l) => l.quarter))].join('_');
  return { fileName: `Свод_по_региону_${quarters}.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}
