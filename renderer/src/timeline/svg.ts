/**
 * The timeline drawn as SVG markup from the layout (shared/timeline-layout.ts): the same pieces make
 * the rows on screen, the PNG and the printed pages, so the three cannot differ. Plain strings, no DOM:
 * the screen puts a row's markup into its <svg>, the PNG and print put a whole picture on a page.
 */
import { STATUS_LABELS, type ExecutionStatus } from '../../../shared/labels';
import { statusHex } from '../../../shared/status-colors';
import { marksOf, xOf, type Header, type Mark, type Scale, type TimelineRow } from '../../../shared/timeline-layout';

export const ROW_H = 24;
export const BAND_H = 18;
export const NAME_W = 340;
const TODAY = '#cf1322';
const GRID = '#f0f0f0';
const GRID_STRONG = '#d9d9d9';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => String(Math.round(v * 10) / 10);
const ru = (iso: string) => iso.split('-').reverse().join('.');

export const headerHeight = (header: Header) => BAND_H * (header.months.length ? 3 : 2);

/** The label of a colour: a status's own words, or «нет отметки». */
export function colorLabel(color: Mark['color']): string {
  return color === 'none' ? 'нет отметки' : STATUS_LABELS[color as ExecutionStatus];
}

/** The scale at the top: years, quarters (or четверти), months; the grid lines and today below it. */
export function headerSvg(header: Header, scale: Scale, today: string): string {
  const bands = [header.years, header.quarters, header.months].filter((b) => b.length);
  const parts: string[] = [`<rect x="0" y="0" width="${n(scale.width)}" height="${bands.length * BAND_H}" fill="#fafafa"/>`];
  bands.forEach((band, i) => {
    const y = i * BAND_H;
    for (const c of band) {
      parts.push(`<line x1="${n(c.x)}" y1="${y}" x2="${n(c.x)}" y2="${y + BAND_H}" stroke="${GRID_STRONG}"/>`);
      // A label wider than its cell would run into the next: narrow cells stay unnamed (the tooltip names them).
      const fits = c.label.length * 6.5 + 4 <= c.width;
      // A year is named at its start (its middle may be far off screen); quarters and months in their middle.
      const at = i === 0 ? `x="${n(c.x + 4)}"` : `x="${n(c.x + c.width / 2)}" text-anchor="middle"`;
      parts.push(
        `<g data-testid="scale-cell"><title>${esc(c.title)}</title>${fits ? `<text ${at} y="${y + 13}" font-size="11" fill="#262626"${i === 0 ? ' font-weight="600"' : ''}>${esc(c.label)}</text>` : ''}<rect x="${n(c.x)}" y="${y}" width="${n(c.width)}" height="${BAND_H}" fill="transparent"/></g>`,
      );
    }
    parts.push(`<line x1="0" y1="${y + BAND_H - 0.5}" x2="${n(scale.width)}" y2="${y + BAND_H - 0.5}" stroke="${GRID_STRONG}"/>`);
  });
  parts.push(todaySvg(scale, today, 0, bands.length * BAND_H));
  return parts.join('');
}

function todaySvg(scale: Scale, today: string, y: number, height: number): string {
  if (today < scale.start || today >= scale.end) return '';
  const x = n(xOf(scale, today) + scale.dayPx / 2);
  return `<line data-testid="today-line" x1="${x}" y1="${y}" x2="${x}" y2="${y + height}" stroke="${TODAY}" stroke-width="1.5"/>`;
}

/** Where the vertical grid lines go: every quarter (or четверть) boundary, strong at a year. */
export function gridOf(header: Header): { x: number; strong: boolean }[] {
  return [...header.quarters.map((c) => ({ x: c.x, strong: false })), ...header.years.map((c) => ({ x: c.x, strong: true }))];
}

function markSvg(mark: Mark, y: number): string {
  const fill = statusHex(mark.color);
  // An overdue date or window is outlined in dark red; a tick is too thin to outline (its tooltip says it).
  const stroke = mark.overdue && mark.shape !== 'tick' ? ' stroke="#820014" stroke-width="1.5"' : '';
  const title = `<title>${mark.from === mark.to ? ru(mark.from) : `${ru(mark.from)} – ${ru(mark.to)}`}: ${esc(colorLabel(mark.color))}${mark.overdue ? ', просрочено' : ''}</title>`;
  const data = `data-testid="timeline-mark" data-shape="${mark.shape}" data-from="${mark.from}" data-to="${mark.to}" data-color="${mark.color}" fill="${fill}"${stroke}`;
  const mid = y + ROW_H / 2;
  if (mark.shape === 'bar')
    return `<rect ${data} x="${n(mark.x)}" y="${y + 6}" width="${n(Math.max(1, mark.width))}" height="${ROW_H - 12}" rx="2">${title}</rect>`;
  if (mark.shape === 'tick') return `<rect ${data} x="${n(mark.x - 1.5)}" y="${y + 4}" width="3" height="${ROW_H - 8}">${title}</rect>`;
  const r = 6;
  return `<polygon ${data} points="${n(mark.x)},${mid - r} ${n(mark.x + r)},${mid} ${n(mark.x)},${mid + r} ${n(mark.x - r)},${mid}">${title}</polygon>`;
}

/** The grid lines and today's line over a height: drawn once behind the screen's rows, or per row in a picture. */
export function gridSvg(scale: Scale, grid: { x: number; strong: boolean }[], today: string, y: number, height: number): string {
  const lines = grid.map(
    (g) => `<line x1="${n(g.x)}" y1="${y}" x2="${n(g.x)}" y2="${y + height}" stroke="${g.strong ? GRID_STRONG : GRID}"/>`,
  );
  return lines.join('') + todaySvg(scale, today, y, height);
}

/**
 * One row's picture at height y: the measure's marks (a section's row is a band), over the grid and
 * today's line when `grid` is given — the screen draws those once behind all its rows instead.
 */
export function rowSvg(row: TimelineRow, scale: Scale, grid: { x: number; strong: boolean }[] | null, today: string, y = 0): string {
  const parts: string[] = [];
  // See-through, so that the grid and today's line behind the screen's rows are not cut at a section.
  if (row.kind === 'section')
    parts.push(`<rect x="0" y="${y}" width="${n(scale.width)}" height="${ROW_H}" fill="#e8e8e8" fill-opacity="0.45"/>`);
  if (grid) parts.push(gridSvg(scale, grid, today, y, ROW_H));
  if (row.kind === 'measure') for (const m of marksOf(row.measure, scale, today)) parts.push(markSvg(m, y));
  return parts.join('');
}

/** The names column's text of a row, cut to the column's width for the pictures (the screen cuts with CSS). */
function nameSvg(row: TimelineRow, y: number, width: number): string {
  const max = Math.floor((width - 12) / 6.2);
  const text = row.label.length > max ? `${row.label.slice(0, max - 1)}…` : row.label;
  const weight = row.kind === 'section' ? ' font-weight="600"' : '';
  const bg = row.kind === 'section' ? `<rect x="0" y="${y}" width="${width}" height="${ROW_H}" fill="#f5f5f5"/>` : '';
  return `${bg}<text x="6" y="${y + 16}" font-size="11"${weight} fill="#262626">${esc(text)}</text><line x1="0" y1="${y + ROW_H - 0.5}" x2="${width}" y2="${y + ROW_H - 0.5}" stroke="${GRID}"/>`;
}

/**
 * A whole picture: the title, the names column, the scale and the rows [from, to) — the PNG is one
 * such picture of every row, a printed page one of the rows that fit it.
 */
export function pictureSvg(opts: { title: string; rows: TimelineRow[]; scale: Scale; header: Header; today: string; nameWidth?: number }): {
  svg: string;
  width: number;
  height: number;
} {
  const nameWidth = opts.nameWidth ?? NAME_W;
  const titleH = 24;
  const hh = headerHeight(opts.header);
  const width = Math.ceil(nameWidth + opts.scale.width);
  const height = titleH + hh + opts.rows.length * ROW_H;
  const grid = gridOf(opts.header);
  const body = opts.rows.map((r, i) => rowSvg(r, opts.scale, grid, opts.today, i * ROW_H)).join('');
  const names = opts.rows.map((r, i) => nameSvg(r, i * ROW_H, nameWidth)).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, 'Liberation Sans', sans-serif">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<text x="6" y="16" font-size="13" font-weight="600" fill="#262626">${esc(opts.title)}</text>` +
    `<g transform="translate(0 ${titleH})"><rect width="${nameWidth}" height="${hh}" fill="#fafafa"/><text x="6" y="${hh - 6}" font-size="11" fill="#595959">Раздел, мероприятие</text></g>` +
    `<g transform="translate(${nameWidth} ${titleH})">${headerSvg(opts.header, opts.scale, opts.today)}</g>` +
    `<g transform="translate(0 ${titleH + hh})">${names}</g>` +
    `<g transform="translate(${nameWidth} ${titleH + hh})">${body}</g>` +
    `<line x1="${nameWidth - 0.5}" y1="${titleH}" x2="${nameWidth - 0.5}" y2="${height}" stroke="${GRID_STRONG}"/>` +
    `</svg>`;
  return { svg, width, height };
}
