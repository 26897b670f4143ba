/**
 * The summary's bar chart as a picture. exceljs cannot write Excel charts, so the bars are drawn into
 * a PNG (pngjs): one stacked bar per roadmap, in the order of the table, coloured by status; the
 * table's header cells carry the same colours and serve as the legend.
 */
import { PNG } from 'pngjs';

export const STATUS_COLORS: Record<string, [number, number, number]> = {
  done: [82, 196, 26],
  done_late: [250, 173, 20],
  in_progress: [22, 119, 255],
  not_done: [245, 34, 45],
  postponed: [114, 46, 209],
  none: [191, 191, 191],
};

export const argb = (key: string) => `FF${STATUS_COLORS[key]!.map((c) => c.toString(16).padStart(2, '0')).join('').toUpperCase()}`;

export interface BarRow {
  counts: Record<string, number>;
}

export function barChartPng(rows: BarRow[], order: string[], width = 720): Buffer {
  const barHeight = 22;
  const gap = 10;
  const height = Math.max(1, rows.length) * (barHeight + gap) + gap;
  const png = new PNG({ width, height });
  png.data.fill(255);
  const max = Math.max(1, ...rows.map((r) => order.reduce((n, k) => n + (r.counts[k] ?? 0), 0)));
  rows.forEach((r, i) => {
    let x = 10;
    const y0 = gap + i * (barHeight + gap);
    for (const key of order) {
      const w = Math.round(((r.counts[key] ?? 0) / max) * (width - 20));
      const [cr, cg, cb] = STATUS_COLORS[key]!;
      for (let y = y0; y < y0 + barHeight; y++)
        for (let xx = x; xx < Math.min(width - 10, x + w); xx++) {
          const idx = (y * width + xx) * 4;
          png.data[idx] = cr;
          png.data[idx + 1] = cg;
          png.data[idx + 2] = cb;
          png.data[idx + 3] = 255;
        }
      x += w;
    }
  });
  return PNG.sync.write(png);
}
