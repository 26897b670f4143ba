/**
 * The report's «Ход выполнения по кварталам» as a picture (pngjs, like ./chart.ts: exceljs cannot
 * write Excel charts): the share done (0–100 %) by quarter, gridlines at every 25 %, one polyline per
 * roadmap in the colours of shared/progress-colors.ts, the total thicker. A quarter without a share is
 * a gap in its line. Text is the 3×5 digit font of ./chart-digits.ts: «100%» on the left, the quarter's
 * Roman numeral under each tick and the year under each first quarter.
 */
import { PNG } from 'pngjs';
import type { ProgressSeries } from '../../db/progress';
import { lineColor, type Rgb } from '../../shared/progress-colors';
import { drawNumber, NUMBER_HEIGHT, numberWidth } from './chart-digits';

const GRID: Rgb = [217, 217, 217];
const AXIS: Rgb = [89, 89, 89];
const ROMAN = ['I', 'II', 'III', 'IV'];

export interface PlotBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The plot area inside a picture of this size: room on the left for «100%», below for two lines of labels. */
export function plotBox(width: number, height: number): PlotBox {
  return { left: numberWidth('100%') + 14, right: width - 24, top: 10, bottom: height - (NUMBER_HEIGHT * 2 + 22) };
}

/** Where a quarter's point stands: evenly spread, a single quarter in the middle. */
export const xOf = (box: PlotBox, i: number, n: number) =>
  n <= 1 ? Math.round((box.left + box.right) / 2) : Math.round(box.left + ((box.right - box.left) * i) / (n - 1));
export const yOf = (box: PlotBox, share: number) => Math.round(box.bottom - (box.bottom - box.top) * share);

function fillRect(png: PNG, x0: number, y0: number, x1: number, y1: number, [r, g, b]: Rgb): void {
  const w = png.width;
  const from = Math.max(0, x0);
  const to = Math.min(w, x1);
  if (to <= from) return;
  const px = Buffer.from([r, g, b, 255]);
  for (let y = Math.max(0, y0); y < Math.min(png.height, y1); y++) png.data.fill(px, (y * w + from) * 4, (y * w + to) * 4);
}

/** A line of the given thickness: a square of that size stamped along it (Bresenham); a few hundred steps a line. */
function drawLine(png: PNG, x0: number, y0: number, x1: number, y1: number, thick: number, rgb: Rgb): void {
  const half = Math.floor(thick / 2);
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    fillRect(png, x0 - half, y0 - half, x0 - half + thick, y0 - half + thick, rgb);
    if (x0 === x1 && y0 === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x0 += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y0 += sy;
    }
  }
}

export function progressChartPng(series: ProgressSeries[], width = 720, height = 300): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(255);
  const box = plotBox(width, height);
  const quarters = [...new Set(series.flatMap((s) => s.points.map((p) => p.quarter)))].sort();
  const n = quarters.length;

  // Gridlines and their captions: 0, 25, 50, 75, 100 %.
  for (const pct of [0, 25, 50, 75, 100]) {
    const y = yOf(box, pct / 100);
    fillRect(png, box.left, y, box.right + 1, y + 1, pct === 0 ? AXIS : GRID);
    const text = `${pct}%`;
    drawNumber(png, text, box.left - 8 - numberWidth(text), y - Math.floor(NUMBER_HEIGHT / 2), AXIS);
  }
  fillRect(png, box.left, box.top, box.left + 1, box.bottom + 1, AXIS);

  // Ticks and quarter labels; Arabic 1–4 when Roman numerals would not fit between the ticks.
  const step = n > 1 ? (box.right - box.left) / (n - 1) : Infinity;
  const roman = step >= numberWidth('III') + 6;
  quarters.forEach((q, i) => {
    const x = xOf(box, i, n);
    const qn = Number(q.slice(-1));
    fillRect(png, x, box.bottom, x + 1, box.bottom + 5, AXIS);
    if (step >= numberWidth('4') + 4) {
      const label = roman ? ROMAN[qn - 1]! : String(qn);
      drawNumber(png, label, x - Math.floor(numberWidth(label) / 2), box.bottom + 8, AXIS);
    }
    if (qn === 1 || i === 0) {
      const year = q.slice(0, 4);
      const left = Math.min(width - numberWidth(year) - 1, Math.max(0, x - Math.floor(numberWidth(year) / 2)));
      drawNumber(png, year, left, box.bottom + 12 + NUMBER_HEIGHT, AXIS);
    }
  });

  // The lines: the roadmaps first, the total last so that it lies on top.
  const roadmapLines = series.filter((s) => s.roadmapId !== null).length;
  const ordered = [...series.filter((s) => s.roadmapId !== null), ...series.filter((s) => s.roadmapId === null)];
  let k = 0;
  for (const s of ordered) {
    const district = s.roadmapId === null;
    const rgb = lineColor(district ? 0 : k++, district);
    const thick = district && roadmapLines > 1 ? 5 : 2;
    const shares = new Map(s.points.map((p) => [p.quarter, p.share]));
    let prev: [number, number] | null = null;
    quarters.forEach((q, i) => {
      const share = shares.get(q) ?? null;
      if (share === null) {
        prev = null;
        return;
      }
      const at: [number, number] = [xOf(box, i, n), yOf(box, share)];
      if (prev) drawLine(png, prev[0], prev[1], at[0], at[1], thick, rgb);
      const dot = thick + 3;
      fillRect(
        png,
        at[0] - Math.floor(dot / 2),
        at[1] - Math.floor(dot / 2),
        at[0] - Math.floor(dot / 2) + dot,
        at[1] - Math.floor(dot / 2) + dot,
        rgb,
      );
      prev = at;
    });
  }
  // The «Up» filter alone, as in ./chart.ts: trying all five filters on every line costs five times as much.
  return PNG.sync.write(png, { filterType: 2 });
}
