/** The plan's virtual body (renderer/src/pages/plan/virtual.ts): rows at their own heights, the window drawn, where to scroll. */
import { describe, expect, it } from 'vitest';
import { offsetsOf, rowAt, scrollTopFor, windowOf } from '../../renderer/src/pages/plan/virtual';

// A section line, then measures of one, three and five lines (22 px a line, 17 px of padding).
const heights = [39, 39, 83, 127, 39, 83];
const offsets = offsetsOf(heights);

describe('the plan’s virtual body', () => {
  it('puts every row at the sum of the heights above it; the total is all of them', () => {
    expect(offsets).toEqual([0, 39, 78, 161, 288, 327, 410]);
    expect(offsetsOf([])).toEqual([0]);
  });

  it('finds the row under a point, the last one past the end', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 38.9)).toBe(0);
    expect(rowAt(offsets, 39)).toBe(1);
    expect(rowAt(offsets, 200)).toBe(3);
    expect(rowAt(offsets, 5000)).toBe(5);
    expect(rowAt([0], 10)).toBe(0);
  });

  it('draws the rows on screen and within the margin, no more', () => {
    // A 100 px screen at 161: rows 3 (161–288) only; with 40 px more each side, rows 2 to 4.
    expect(windowOf(offsets, 161, 100, 0)).toEqual({ start: 3, end: 4 });
    expect(windowOf(offsets, 161, 100, 40)).toEqual({ start: 2, end: 5 });
    expect(windowOf(offsets, 0, 1000, 100)).toEqual({ start: 0, end: 6 });
    // Scrolled past the end (the rows got fewer): the last rows, never an empty window.
    expect(windowOf(offsets, 9000, 100, 0)).toEqual({ start: 5, end: 6 });
    expect(windowOf([0], 0, 100, 100)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls a row to the top, or as little as brings it whole into view', () => {
    expect(scrollTopFor(offsets, 3, 'start', 0, 100)).toBe(161);
    // Below the screen: its bottom at the screen's bottom.
    expect(scrollTopFor(offsets, 2, 'nearest', 0, 100)).toBe(61);
    // Above: its top at the top. Already in view: no move.
    expect(scrollTopFor(offsets, 1, 'nearest', 100, 100)).toBe(39);
    expect(scrollTopFor(offsets, 2, 'nearest', 70, 100)).toBe(70);
    // Taller than the screen: its top, not its bottom.
    expect(scrollTopFor(offsets, 3, 'nearest', 0, 100)).toBe(161);
  });
});
