/**
 * The plan table's geometry: column widths that fit the screen, and a quick count of the lines a
 * text wraps to in a column — the guess that tells plan/row-heights.ts which cells of a row may be its
 * tallest, the only ones it lays out. Pure: text widths come from a `measure` function (a canvas in
 * the table's own font).
 */

export const COLUMNS = ['number', 'name', 'term', 'executors', 'result'] as const;
export type ColumnKey = (typeof COLUMNS)[number];
export type Widths = Record<ColumnKey, number>;

/** Shares of the width, and the least a column may get (the term column holds «Февраль–ноябрь 2022» on a line). */
const SHARE: Widths = { number: 0.07, name: 0.36, term: 0.17, executors: 0.18, result: 0.22 };
export const MIN_WIDTH: Widths = { number: 56, name: 200, term: 168, executors: 120, result: 130 };

/** Widths that add up to `available` (or to the minimums, if the screen is narrower still). */
export function fitWidths(available: number): Widths {
  const w = {} as Widths;
  let rest = Math.floor(available);
  let shares = 1;
  // Columns whose share is under their minimum take the minimum; the others share what is left.
  const pinned = new Set<ColumnKey>();
  for (let changed = true; changed;) {
    changed = false;
    for (const k of COLUMNS) {
      if (pinned.has(k)) continue;
      if ((rest * SHARE[k]) / shares < MIN_WIDTH[k]) {
        pinned.add(k);
        rest -= MIN_WIDTH[k];
        shares -= SHARE[k];
        changed = true;
      }
    }
  }
  let used = 0;
  for (const k of COLUMNS) {
    w[k] = pinned.has(k) ? MIN_WIDTH[k] : Math.max(MIN_WIDTH[k], Math.floor((rest * SHARE[k]) / shares));
    used += w[k];
  }
  // Pixels lost to rounding go to the name.
  if (used < available) w.name += Math.floor(available) - used;
  return w;
}

/**
 * The widths to draw: the user's own widths where he dragged a column (kept per roadmap), the fitted
 * ones elsewhere; if all together are narrower than the screen, the last column takes the rest, so the
 * table always fills the width. Wider than the screen — the user asked for it: a horizontal scrollbar.
 */
export function effectiveWidths(available: number, own: Partial<Widths>): Widths {
  const fitted = fitWidths(available);
  const w = { ...fitted };
  for (const k of COLUMNS) if (own[k] !== undefined) w[k] = Math.max(40, Math.round(own[k]!));
  const total = COLUMNS.reduce((a, k) => a + w[k], 0);
  if (total < available) w.result += Math.floor(available) - total;
  return w;
}

export const total = (w: Widths) => COLUMNS.reduce((a, k) => a + w[k], 0);

/** How many lines a text takes in a column: greedy word wrap as the browser does it, line breaks kept. */
export function lineCount(text: string, width: number, measure: (s: string) => number): number {
  if (!text) return 0;
  const space = measure(' ');
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let x = 0;
    for (const word of paragraph.split(/[ \t]+/)) {
      if (!word) continue;
      const ww = measure(word);
      if (x === 0) x = ww;
      else if (x + space + ww <= width) x += space + ww;
      else {
        lines++;
        x = ww;
      }
      // A word wider than the column is broken inside (overflow-wrap).
      while (x > width) {
        lines++;
        x -= width;
      }
    }
  }
  return lines;
}
