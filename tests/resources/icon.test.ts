/** The application icon as Windows and electron-builder read it: an .ico with every size up to 256 px, and a 256 px PNG. */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const resources = path.resolve(__dirname, '../../resources');

describe('the application icon', () => {
  it('icon.ico holds 16, 24, 32, 48, 64, 128 and 256 px images (ICONDIR as Windows reads it)', () => {
    const ico = fs.readFileSync(path.join(resources, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0); // reserved
    expect(ico.readUInt16LE(2)).toBe(1); // 1 = icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + i * 16;
      const width = ico[entry]! || 256; // 0 means 256
      const height = ico[entry + 1]! || 256;
      const bytes = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(height).toBe(width);
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      sizes.push(width);
    }
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('icon.png is 256 × 256 with a transparent corner and an opaque centre', () => {
    const png = PNG.sync.read(fs.readFileSync(path.join(resources, 'icon.png')));
    expect([png.width, png.height]).toEqual([256, 256]);
    const alpha = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(128, 128)).toBe(255);
  });

  it('is referenced where Windows needs it: the installer build and the window', () => {
    expect(fs.readFileSync(path.resolve(__dirname, '../../electron-builder.yml'), 'utf8')).toMatch(/icon: resources\/icon\.ico/);
    expect(fs.readFileSync(path.resolve(__dirname, '../../electron/main/index.ts'), 'utf8')).toMatch(/'icon\.png'/);
  });
});
