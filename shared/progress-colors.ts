/**
 * The colours of the progress lines (ход выполнения по кварталам), one list for the page's chart.js
 * chart and the report's PNG (electron/reports/progress-chart.ts), so a roadmap wears the same colour
 * in both. Pure: no Node, no DOM.
 */
export type Rgb = [number, number, number];

/** Distinct on white and for the common colour blindnesses first (the Okabe–Ito order), then more. */
export const LINE_COLORS: Rgb[] = [
  [0, 114, 178],
  [230, 159, 0],
  [0, 158, 115],
  [213, 94, 0],
  [204, 121, 167],
  [86, 180, 233],
  [160, 130, 0],
  [114, 46, 209],
  [140, 86, 75],
  [127, 127, 127],
];

/** The district's line: near black, and thicker. */
export const DISTRICT_COLOR: Rgb = [38, 38, 38];

/** The colour of the n-th roadmap line (cycling), or the district's. */
export function lineColor(index: number, district: boolean): Rgb {
  return district ? DISTRICT_COLOR : LINE_COLORS[index % LINE_COLORS.length]!;
}

export const cssColor = ([r, g, b]: Rgb) => `rgb(${r}, ${g}, ${b})`;
