/**
 * The browser mode against a real Chromium: the token leaves the address bar, a page on another port of
 * 127.0.0.1 — which Chromium lets send our SameSite=Strict cookie, ports being the same site — cannot
 * create or change anything, and a picked file travels by upload, not as base64 in the JSON.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { snapshotAll } from '../helpers';
import { useApp } from './chromium';

const app = useApp();
let db: Db;
let page: Page;

/** A stranger's page on another port: on load it posts to our API the ways a web page can without CORS. */
let evil: http.Server;
let evilPort = 0;
beforeAll(async () => {
  ({ db, page } = app);
  const target = `http://127.0.0.1:${app.server.port}`;
  const html = `<!doctype html><meta charset="utf-8"><title>чужая страница</title>
<form id="f" method="POST" enctype="text/plain" action="${target}/api/people.create"><input name='{"fullName":"Форма","x":"' value='"}'></form>
<script>
  fetch('${target}/api/people.create', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ fullName: 'Чужой' }) })
    .catch(() => {})
    .finally(() => { document.title = 'fetched'; document.getElementById('f').submit(); });
</script>`;
  evil = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
  evilPort = (evil.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => evil.close(() => r())));

describe('the browser mode in Chromium', () => {
  it('drops the token from the address bar after the first load', async () => {
    expect(page.url()).toBe(`http://127.0.0.1:${app.server.port}/`);
    // The cookie is HttpOnly: the page's scripts cannot read it either.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.getByRole('menuitem', { name: 'Дорожные карты' }).waitFor();
  });

  it('sends a picked file to /upload and names it by its id in the import', async () => {
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    await page.getByRole('menuitem', { name: 'Дорожные карты' }).click();
    await page.getByRole('button', { name: 'Импорт из Word / Excel…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(path.resolve(__dirname, '../fixtures/import/tambov.docx'));
    await dialog.getByTestId('import-counts').waitFor();
    const upload = requests.find((r) => r.url().endsWith('/upload'))!;
    expect(upload.method()).toBe('POST');
    expect(upload.headers()['content-type']).toBe('application/octet-stream');
    const preview = requests.find((r) => r.url().endsWith('/api/import.preview'))!;
    const body = JSON.parse(preview.postData()!) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['fileName', 'uploadId']);
    expect(body.uploadId).toMatch(/^[0-9a-f]{32}$/);
    await dialog.getByRole('button', { name: 'Отмена' }).click();
  });

  it('refuses a page on another port posting text/plain with our cookie, and nothing changes', async () => {
    const before = snapshotAll(db);
    // The same browser (the same cookie jar) that has our page open goes to the stranger's page.
    const stranger = page;
    const seen: { method: string; cookie: string; origin: string; status: number }[] = [];
    stranger.on('response', (r) => {
      if (!r.url().includes('/api/')) return;
      void r
        .request()
        .allHeaders()
        .then((h) => seen.push({ method: r.request().method(), cookie: h.cookie ?? '', origin: h.origin ?? '', status: r.status() }));
    });
    await stranger.goto(`http://127.0.0.1:${evilPort}/`);
    await stranger.waitForURL(`http://127.0.0.1:${app.server.port}/api/people.create`);
    await expect.poll(() => seen.length).toBe(2);
    expect(seen.map((r) => [r.method, r.status])).toEqual([
      ['POST', 403],
      ['POST', 403],
    ]);
    // The form's request carried our cookie (Chromium reports no headers for the opaque no-cors fetch):
    // without the Origin check it would have been let in.
    expect(seen).toContainEqual({
      method: 'POST',
      cookie: `rmk_token=${app.server.token}`,
      origin: `http://127.0.0.1:${evilPort}`,
      status: 403,
    });
    expect(snapshotAll(db)).toEqual(before);
  });
});
