/**
 * The arithmetic of the plan's virtual body (plan/useVirtualRows.tsx): every row has its own height,
 * the rows' tops are their running sum, and the rows drawn are those within the screen and a margin.
 * Pure, so that it is tested without a browser.
 */

/** Where each row starts: `offsets[i]` is the top of row i, `offsets[heights.length]` the total height. */
export function offsetsOf(heights: readonly number[]): number[] {
  const offsets = new Array<number>(heights.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
  return offsets;
}

/** The row under the point `y` from the top (the last row for a `y` past the end). */
export function rowAt(offsets: readonly number[], y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  // The last row whose top is at or above y.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The rows to draw, [start, end), for a screen `view` px tall scrolled to `top`, with `margin` px more on both sides. */
export function windowOf(offsets: readonly number[], top: number, view: number, margin: number): { start: number; end: number } {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const start = rowAt(offsets, Math.max(0, top - margin));
  const end = Math.min(n, rowAt(offsets, top + view + margin) + 1);
  return { start, end };
}

/**
 * Where to scroll to show row `index`: its top at the screen's top ('start'), or the least move that
 * brings it whole into view ('nearest', as the arrow keys want).
 */
export function scrollTopFor(offsets: readonly number[], index: number, align: 'start' | 'nearest', top: number, view: number): number {
  const rowTop = offsets[index] ?? 0;
  const rowBottom = offsets[index + 1] ?? rowTop;
  if (align === 'start' || rowTop < top) return rowTop;
  if (rowBottom > top + view) return Math.min(rowTop, rowBottom - view);
  return top;
}
