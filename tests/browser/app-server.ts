/**
 * Debian's Chromium (driven by playwright-core, never a downloaded browser) and the app's browser mode
 * serving a database: what the browser tests (chromium.ts) and the benchmark (tests/bench/cases/chromium.ts)
 * both start. No vitest here, so the benchmark can import it outside the test runner.
 * playwright-core gives every launch a fresh temporary profile (it refuses a --user-data-dir argument).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { Db } from '../../db/open';
import { startWebServer, type WebServer } from '../../electron/web/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');

export const rendererBuilt = (): boolean => fs.existsSync(path.join(RENDERER_DIR, 'index.html'));

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function serve(db: Db): Promise<WebServer> {
  if (!rendererBuilt()) throw new Error('dist/renderer is missing: run `npm run build:renderer` (npm test does it first)');
  return startWebServer({ db }, { staticDir: RENDERER_DIR });
}
