/** The browser tests' harness: the app served to Debian's Chromium (app-server.ts) with page errors collected. */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../../db/open';
import { afterAll, beforeAll } from 'vitest';
import type { WebServer } from '../../electron/web/server';
import { closeDatabase, freshDb } from '../helpers';
import { launch, serve } from './app-server';

export { CHROMIUM, launch, serve } from './app-server';
export const SCREENSHOTS = path.resolve(__dirname, '../output/screenshots');

/** Fails the test on any error the page logs or any API call refused: a broken screen must not pass quietly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('response', (r) => {
    if (!r.url().includes('/api/')) return;
    // A body that can no longer be read belongs to a page the test navigated away from (goto, reload):
    // the request was cut off, not refused. A body that is there but is not JSON is a fault.
    void r.text().then(
      (text) => {
        let body: { ok: boolean; error?: { message: string } };
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          errors.push(`${r.url()}: not JSON`);
          return;
        }
        if (!body.ok) errors.push(`${r.url()}: ${body.error?.message}`);
      },
      () => {},
    );
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

export interface AppSession {
  db: Db;
  server: WebServer;
  browser: Browser;
  page: Page;
  errors: string[];
}

/**
 * One browser test file's app: a fresh database (prepared by `seed`), the browser mode serving it,
 * Chromium on its printed address with page errors and refused API calls collected; all closed after.
 */
export function useApp(seed: (db: Db) => void = () => {}): AppSession {
  const s = {} as AppSession;
  beforeAll(async () => {
    s.db = freshDb();
    seed(s.db);
    s.server = await serve(s.db);
    s.browser = await launch();
    s.page = await s.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    s.errors = watchErrors(s.page);
    await s.page.goto(s.server.url);
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.server?.close();
    if (s.db) closeDatabase(s.db);
  });
  return s;
}
