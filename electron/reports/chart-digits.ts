/**
 * Numbers drawn straight into a PNG's pixels (the chart has no text renderer): a 3×5 digit font,
 * scaled, for the counts on a bar chart's segments and the progress chart's axes.
 */
import type { PNG } from 'pngjs';

const GLYPHS: Record<string, string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  // For the progress chart's axes (progress-chart.ts): «100%», the quarters «I»…«IV».
  '%': ['101', '001', '010', '100', '101'],
  I: ['111', '010', '010', '010', '111'],
  V: ['101', '101', '101', '101', '010'],
};

export const DIGIT_SCALE = 2;
/** Pixel width of a number drawn by `drawNumber`. */
export const numberWidth = (text: string) => text.length * 4 * DIGIT_SCALE - DIGIT_SCALE;
export const NUMBER_HEIGHT = 5 * DIGIT_SCALE;

export function drawNumber(png: PNG, text: string, x0: number, y0: number, rgb: [number, number, number]): void {
  [...text].forEach((ch, n) => {
    const glyph = GLYPHS[ch];
    if (!glyph) return;
    glyph.forEach((line, gy) =>
      [...line].forEach((bit, gx) => {
        if (bit !== '1') return;
        for (let dy = 0; dy < DIGIT_SCALE; dy++)
          for (let dx = 0; dx < DIGIT_SCALE; dx++) {
            const x = x0 + (n * 4 + gx) * DIGIT_SCALE + dx;
            const y = y0 + gy * DIGIT_SCALE + dy;
            if (x < 0 || y < 0 || x >= png.width || y >= png.height) continue;
            const i = (y * png.width + x) * 4;
            png.data[i] = rgb[0];
            png.data[i + 1] = rgb[1];
            png.data[i + 2] = rgb[2];
            png.data[i + 3] = 255;
          }
      }),
    );
  });
}
