/**
 * The quarterly report's sheet «Ход выполнения»: the share done by quarter for each roadmap of the
 * report and in total, as cells (a column per roadmap under «Доля выполненных, %», so any tool reads
 * them) and as a line-chart picture under them (./progress-chart.ts). The figures come from
 * db/progress.ts; quarters after the report's quarter are left empty: they are not over yet.
 */
import type ExcelJS from 'exceljs';
import type { ProgressSeries, Progress } from '../../db/progress';
import { lineColor } from '../../shared/progress-colors';
import { progressChartPng } from './progress-chart';
import { fitRowHeight, FONT, printSetup, restyle, styleBodyCell, styleHeaderCell } from './sheet-style';

export const PROGRESS_SHEET = 'Ход выполнения';
export const PROGRESS_TITLE = 'Ход выполнения по кварталам';
export const SHARE_HEADER = 'Доля выполненных, %';
/** The total line's name here: the sum of the report's roadmaps, as the summary's «Итого» row. */
export const TOTAL_TITLE = 'Итого';
const CHART_WIDTH = 720;
const CHART_HEIGHT = 300;

/** The lines of the sheet: the report's roadmaps, and their total when there are several. */
export function progressLines(p: Progress): ProgressSeries[] {
  return p.district && p.roadmaps.length > 1 ? [...p.roadmaps, { ...p.district, title: TOTAL_TITLE }] : p.roadmaps;
}

const argbOf = (rgb: [number, number, number]) =>
  `FF${rgb
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;

/** The printable height of A4 landscape inside the margins and a default row, in pixels at 96 dpi. */
const PAGE_PX = 680;
const ROW_PX = 20;

export function addProgressSheet(
  wb: ExcelJS.Workbook,
  lines: ProgressSeries[],
  ctx: { department: string; quarter: string },
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(PROGRESS_SHEET);
  const widths = [14, ...lines.map(() => 16)];
  ws.columns = widths.map((width) => ({ width }));
  const last = Math.max(widths.length, 8);
  const text = (row: number, value: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, 1, row, last);
    ws.getCell(row, 1).value = value;
    ws.getCell(row, 1).font = { ...FONT, ...font };
  };
  text(1, ctx.department, { bold: true, size: 12 });
  text(2, PROGRESS_TITLE, { bold: true, size: 12 });
  text(
    3,
    'Доля выполненных (в срок и с нарушением срока) из мероприятий, срок которых приходится на квартал; кварталы после отчётного не заполнены.',
    { italic: true },
  );

  // Two header rows: «Квартал» down both, «Доля выполненных, %» over the roadmaps' columns.
  const head = 5;
  styleHeaderCell(ws.getCell(head, 1));
  ws.getCell(head, 1).value = 'Квартал';
  ws.mergeCells(head, 1, head + 1, 1);
  if (lines.length) {
    for (let c = 2; c <= lines.length + 1; c++) styleHeaderCell(ws.getCell(head, c));
    ws.getCell(head, 2).value = SHARE_HEADER;
    ws.mergeCells(head, 2, head, lines.length + 1);
  }
  let k = 0;
  lines.forEach((s, i) => {
    const cell = ws.getCell(head + 1, i + 2);
    cell.value = s.title;
    styleHeaderCell(cell);
    // The line's colour as a thick bottom border: the column header is the chart's legend.
    const rgb = lineColor(s.roadmapId === null ? 0 : k++, s.roadmapId === null);
    restyle(cell, { border: { ...cell.border, bottom: { style: 'thick', color: { argb: argbOf(rgb) } } } });
  });
  fitRowHeight(
    ws,
    head + 1,
    lines.map((s) => s.title),
    widths.slice(1),
  );

  const quarters = [...new Set(lines.flatMap((s) => s.points.map((p) => p.quarter)))].sort();
  const labels = new Map(lines.flatMap((s) => s.points.map((p) => [p.quarter, p.label] as const)));
  const shares = lines.map((s) => new Map(s.points.map((p) => [p.quarter, p.share])));
  quarters.forEach((q, r) => {
    const row = ws.getRow(head + 2 + r);
    const label = row.getCell(1);
    label.value = labels.get(q) ?? q;
    styleBodyCell(label, { bold: q === ctx.quarter });
    shares.forEach((byQuarter, i) => {
      const share = byQuarter.get(q) ?? null;
      const cell = row.getCell(i + 2);
      // A number (66.7), not text: the region's tools add these up; empty where there is no share.
      cell.value = share === null ? null : Math.round(share * 1000) / 10;
      styleBodyCell(cell, { center: true, bold: q === ctx.quarter, numFmt: '0.0' });
    });
  });

  const chartTop = head + 2 + quarters.length + 1;
  // A picture is not split by Excel or LibreOffice at a page break: it is printed half on one page and
  // half on the next. When the table leaves less than the picture's height on the first A4 landscape page
  // (about 680 px of rows at 20 px a row), the picture starts a page of its own.
  if ((chartTop + 1) * ROW_PX + CHART_HEIGHT > PAGE_PX) ws.getRow(chartTop).addPageBreak();
  const image = wb.addImage({ buffer: progressChartPng(lines, CHART_WIDTH, CHART_HEIGHT) as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, { tl: { col: 0, row: chartTop }, ext: { width: CHART_WIDTH, height: CHART_HEIGHT } });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: head + 1 }];
  printSetup(ws, head + 1);
  return ws;
}
