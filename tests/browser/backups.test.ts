/**
 * Настройки → «Резервные копии» in Chromium (browser mode): a copy made by hand appears in the list
 * with what is inside; restoring from it asks first, naming what will be replaced, then the page
 * shows the restored data; a damaged upload is refused with a message; «Сохранить копию как…»
 * downloads a sound copy. A read-only database shows the banner and cannot be changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrityProblems } from '../../db/backup';
import { closeDatabase, openDatabase } from '../../db/open';
import type { ApiContext } from '../../electron/api/define';
import { fillDemo } from '../../electron/demo';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { apiOf, tempDir } from '../helpers';
import { launch, screenshot, watchErrors } from './chromium';

const STATIC = path.resolve(__dirname, '../../dist/renderer');
let ctx: ApiContext;
let server: WebServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const db = openDatabase(path.join(tempDir(), 'rmk.sqlite'));
  fillDemo(db);
  // The context the server holds: a restore replaces ctx.db, so the test reads through it too.
  ctx = { db };
  server = await startWebServer(ctx, { staticDir: STATIC });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  errors = watchErrors(page);
  await page.goto(server.url + '#/settings');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (ctx?.db) closeDatabase(ctx.db);
});

const card = () => page.getByTestId('backups-card');
const people = () => ctx.db.sqlite.prepare('SELECT full_name FROM people ORDER BY id').pluck().all() as string[];

describe('backups in the settings screen', () => {
  it('makes a copy by hand and lists it with what is inside', async () => {
    await card().getByText('Копий пока нет').waitFor();
    await card().getByRole('button', { name: 'Создать копию сейчас' }).click();
    const row = card().locator('.ant-table-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const cells = await row.first().locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual([
      expect.stringMatching(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/),
      'сделана вручную',
      expect.stringMatching(/КБ|МБ/),
      '2',
      '38',
    ]);
    await screenshot(page, 'settings-backups');
  });

  it('restores from the list after a confirmation naming what is replaced; the page shows the restored data', async () => {
    apiOf(ctx.db)('people.create', { fullName: 'Добавлена после копии' });
    expect(people()).toContain('Добавлена после копии');
    const before = ctx.db;
    await card().locator('.ant-table-row').first().getByRole('button', { name: 'Восстановить…' }).click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.waitFor();
    expect(await dialog.getByTestId('restore-description').textContent()).toMatch(
      /^В копии от \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}: 2 дорожные карты, 38 мероприятий\.$/,
    );
    expect(await dialog.textContent()).toContain(before.path);
    await screenshot(page, 'restore-confirm');
    // «Отмена» changes nothing.
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(ctx.db).toBe(before);

    await card().locator('.ant-table-row').first().getByRole('button', { name: 'Восстановить…' }).click();
    const reloaded = page.waitForEvent('load');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Восстановить' }).click();
    await reloaded;
    expect(ctx.db).not.toBe(before);
    expect(people()).not.toContain('Добавлена после копии');
    // After the reload the list has the copy restored from and the copy of the replaced database.
    await card().locator('.ant-table-row').nth(1).waitFor();
    const kinds = await card().locator('.ant-table-row td:nth-child(2)').allTextContents();
    expect(kinds.sort()).toEqual(['перед восстановлением', 'сделана вручную']);
  });

  it('refuses a damaged file uploaded for restoring, with a message and nothing changed', async () => {
    const bad = path.join(tempDir(), 'повреждённая.sqlite');
    fs.writeFileSync(bad, Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(8192, 7)]));
    const db = ctx.db;
    const rows = people();
    await card().locator('input[type=file]').setInputFiles(bad);
    await page.locator('.ant-message-error', { hasText: 'повреждённая.sqlite' }).waitFor();
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
    expect(ctx.db).toBe(db);
    expect(people()).toEqual(rows);
    // The one refused call is the description of that file; nothing else went wrong.
    expect(errors).toEqual([expect.stringContaining('backups.describe')]);
    errors.length = 0;
  });

  it('«Сохранить копию как…» downloads a sound copy of the current database', async () => {
    const download = page.waitForEvent('download');
    await card().getByRole('button', { name: 'Сохранить копию как…' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^rmk-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-копия\.sqlite$/);
    const file = path.join(tempDir(), 'downloaded.sqlite');
    await d.saveAs(file);
    expect(integrityProblems(file)).toBeNull();
  });

  it('logged no other errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});

describe('a read-only database in the UI', () => {
  it('shows the banner on every screen and offers no changes to the backups', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'rmk.sqlite');
    const w = openDatabase(file);
    fillDemo(w);
    closeDatabase(w);
    const ro: ApiContext = { db: openDatabase(file, { readOnly: true }) };
    const roServer = await startWebServer(ro, { staticDir: STATIC });
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await p.goto(roServer.url);
      const banner = p.locator('.ant-alert', { hasText: 'База открыта только для чтения' });
      await banner.waitFor();
      await p.getByRole('menuitem', { name: 'Настройки' }).click();
      await banner.waitFor();
      await p.getByTestId('backups-card').waitFor();
      expect(await p.getByTestId('backups-card').getByRole('button', { name: 'Создать копию сейчас' }).isDisabled()).toBe(true);
      await screenshot(p, 'readonly-banner');
    } finally {
      await p.close();
      await roServer.close();
      closeDatabase(ro.db);
    }
  });
});
