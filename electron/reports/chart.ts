/**
 * The summary's bar chart as a picture. exceljs cannot write Excel charts, so the bars are drawn into
 * a PNG (pngjs): one stacked bar per roadmap, in the order of the table, coloured by status; the
 * table's header cells carry the same colours and serve as the legend.
 */
import { PNG } from 'pngjs';
import { DARK_TEXT, STATUS_COLORS } from '../../shared/status-colors';
import type { SummaryKey } from '../../shared/status-summary';
import { drawNumber, NUMBER_HEIGHT, numberWidth } from './chart-digits';

// The colours live in shared/status-colors.ts: the start screen's bars in the page use the same list.
export { STATUS_COLORS };

const rgba = Object.fromEntries(Object.entries(STATUS_COLORS).map(([k, [r, g, b]]) => [k, Buffer.from([r, g, b, 255])]));

export const argb = (key: string) =>
  `FF${STATUS_COLORS[key as SummaryKey]
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;

export interface BarRow {
  counts: Record<string, number>;
}

/** With `values`, each segment wide enough shows its count and each bar ends with its total. */
export function barChartPng(rows: BarRow[], order: string[], width = 720, opts: { values?: boolean } = {}): Buffer {
  const barHeight = 22;
  const gap = 10;
  const height = Math.max(1, rows.length) * (barHeight + gap) + gap;
  const png = new PNG({ width, height });
  png.data.fill(255);
  const max = Math.max(1, ...rows.map((r) => order.reduce((n, k) => n + (r.counts[k] ?? 0), 0)));
  // Room at the right for the totals.
  const span = width - 20 - (opts.values ? numberWidth(String(max)) + 8 : 0);
  rows.forEach((r, i) => {
    let x = 10;
    const y0 = gap + i * (barHeight + gap);
    for (const key of order) {
      const w = Math.round(((r.counts[key] ?? 0) / max) * span);
      // A segment is a run of one RGBA value per line: Buffer.fill repeats it natively.
      const x1 = Math.min(width - 10, x + w);
      if (x1 > x) for (let y = y0; y < y0 + barHeight; y++) png.data.fill(rgba[key]!, (y * width + x) * 4, (y * width + x1) * 4);
      const label = String(r.counts[key] ?? 0);
      if (opts.values && (r.counts[key] ?? 0) > 0 && w >= numberWidth(label) + 4)
        drawNumber(
          png,
          label,
          x + Math.floor((w - numberWidth(label)) / 2),
          y0 + Math.floor((barHeight - NUMBER_HEIGHT) / 2),
          DARK_TEXT.has(key as SummaryKey) ? [0, 0, 0] : [255, 255, 255],
        );
      x += w;
    }
    if (opts.values)
      drawNumber(
        png,
        String(order.reduce((n, k) => n + (r.counts[k] ?? 0), 0)),
        x + 6,
        y0 + Math.floor((barHeight - NUMBER_HEIGHT) / 2),
        [0, 0, 0],
      );
  });
  // The «Up» filter alone: a bar's lines repeat the line above, so they filter to zeros. pngjs tries
  // all five filters on every line by default, five times the work of one.
  return PNG.sync.write(png, { filterType: 2 });
}
