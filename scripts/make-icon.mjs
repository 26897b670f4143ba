// Makes the application icon from its source, resources/icon/icon.svg: resources/icon.png (256 px,
// electron-builder's and the window's icon) and resources/icon.ico (16–256 px, the Windows .exe and
// installer). Run after changing the SVG and commit the results: `node scripts/make-icon.mjs`.
// The SVG is drawn by Debian's Chromium (the browser the tests use) so no image tool is needed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import pngToIco from 'png-to-ico';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(root, 'resources/icon/icon.svg'), 'utf8');
const SIZES = [16, 24, 32, 48, 64, 128, 256];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const pngs = [];
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace('width="256" height="256"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    pngs.push(await page.locator('svg').screenshot({ omitBackground: true }));
    await page.close();
  }
  fs.writeFileSync(path.join(root, 'resources/icon.png'), pngs.at(-1));
  fs.writeFileSync(path.join(root, 'resources/icon.ico'), await pngToIco(pngs));
  console.log(`resources/icon.png, resources/icon.ico (${SIZES.join(', ')} px)`);
} finally {
  await browser.close();
}
