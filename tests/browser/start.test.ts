/**
 * The first start in Chromium at 1366×768: an empty database opens on the start page with its three
 * steps, a database with data on «Главная»; «Открыть демонстрационный район» switches to the demo file with its banner and back, the
 * user's file unchanged; F1 opens the help and Esc closes it; «Файл» lists the recent databases.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/open';
import { createRoadmap } from '../../db/roadmaps';
import { type Session, startSession } from '../../electron/session';
import type { WebServer } from '../../electron/web/server';
import { startWebServer } from '../../electron/web/server';
import { tempDir } from '../helpers';
import { launch, screenshot, watchErrors } from './chromium';

let session: Session;
let server: WebServer;
let browser: Browser;
let page: Page;
let errors: string[];
let dir: string;
let mine: string;
let other: string;

beforeAll(async () => {
  dir = tempDir();
  mine = path.join(dir, 'рмк.sqlite');
  other = path.join(dir, 'копия', 'другая.sqlite');
  const o = openDatabase(other);
  createRoadmap(o, { title: 'Карта из другой базы', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  closeDatabase(o);
  // As the browser mode starts (electron/web/main.ts): the data folder beside the database.
  session = await startSession(mine, {}, {}, { dataDir: dir });
  server = await startWebServer(session.ctx, { staticDir: path.resolve(__dirname, '../../dist/renderer') });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  errors = watchErrors(page);
  // A step that cannot happen fails with the locator it waited for, not the test's bare timeout.
  page.setDefaultTimeout(10_000);
  await page.goto(server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  session?.close();
});

const stepsDone = () =>
  page.$$eval('[data-testid="start-step"]', (els) =>
    els.map((e) => `${e.querySelector('h5')?.textContent} ${e.getAttribute('data-done')}`),
  );

describe('the first start', () => {
  it('opens an empty database on the start page with the three steps, none done', async () => {
    await page.getByTestId('start-page').waitFor();
    expect(await stepsDone()).toEqual(['Заполните «Настройки» no', 'Добавьте школы no', 'Создайте или импортируйте дорожную карту no']);
    // The steps are links to their screens.
    expect(await page.getByRole('link', { name: 'Добавьте школы' }).getAttribute('href')).toBe('#/organizations');
    await screenshot(page, 'start-page');
  });

  it('opens the demo district in its own file with a banner, and goes back to the user database untouched', async () => {
    // The user's file as it is on disk: the WAL folded in, so that the bytes can be compared after.
    session.ctx.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const sha = () => crypto.createHash('sha256').update(fs.readFileSync(mine)).digest('hex');
    const before = sha();
    await page.getByRole('button', { name: 'Открыть демонстрационный район' }).click();
    await page.getByTestId('demo-banner').waitFor();
    expect(await page.getByTestId('demo-banner').textContent()).toContain('Демонстрационная база — ваши данные не затронуты');
    // Not empty: «Главная» (issue 17), not the start page, with the demo's roadmaps in its quarter's bars.
    await page.getByTestId('home-page').waitFor();
    expect(await page.getByTestId('start-page').count()).toBe(0);
    await page.getByRole('menuitem', { name: 'Дорожные карты' }).click();
    await page.getByRole('heading', { name: 'Дорожные карты', exact: true }).waitFor();
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(1);
    expect(session.ctx.db.path).toBe(path.join(dir, 'demo', 'Демонстрационный район.sqlite'));
    expect(sha()).toBe(before);
    await screenshot(page, 'demo-banner');

    await page.getByRole('button', { name: 'Вернуться к своей базе' }).click();
    await page.getByTestId('start-page').waitFor();
    expect(await page.getByTestId('demo-banner').count()).toBe(0);
    expect(session.ctx.db.path).toBe(mine);
    expect(session.ctx.db.sqlite.prepare('SELECT count(*) FROM roadmaps').pluck().get()).toBe(0);
  });

  it('ticks a step once it is done, and is no longer forced once the database has data', async () => {
    await page.getByRole('button', { name: 'Новая дорожная карта' }).click();
    await page.getByLabel('Название').fill('План на 2025 год');
    await page.getByPlaceholder('Начальная дата').click();
    await page.getByPlaceholder('Начальная дата').fill('01.01.2025');
    await page.keyboard.press('Enter');
    await page.getByPlaceholder('Конечная дата').fill('31.12.2025');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.getByTestId('roadmap-title').waitFor();
    await page.goto(server.url.split('?')[0]!.split('#')[0]!);
    // A database with data opens on «Главная» (issue 17; before it, on the list of roadmaps).
    await page.getByTestId('home-page').waitFor();
    expect(await page.getByTestId('start-page').count()).toBe(0);
    // Still reachable: «Файл» → «Первые шаги», with the third step ticked.
    await page.getByRole('button', { name: /Файл/ }).click();
    await page.getByRole('menuitem', { name: 'Первые шаги' }).click();
    await page.getByTestId('start-page').waitFor();
    expect(await stepsDone()).toEqual(['Заполните «Настройки» no', 'Добавьте школы no', 'Создайте или импортируйте дорожную карту yes']);
  });

  it('lists the recent databases in «Файл», the open one marked', async () => {
    await page.getByRole('button', { name: /Файл/ }).click();
    const items = page.getByTestId('recent-database');
    await items.first().waitFor();
    expect(await items.allTextContents()).toEqual(['рмк.sqliteоткрыта']);
    await page.keyboard.press('Escape');
  });

  it('asks about unsaved changes before switching, and «Отмена» keeps the database open', async () => {
    await page.evaluate(() => (window.location.hash = '#/settings'));
    await page.getByLabel('Полное наименование').waitFor();
    // After the form has taken the stored values (which would overwrite a quicker typist's text).
    await page.waitForTimeout(500);
    await page.getByLabel('Полное наименование').fill('Отдел образования');
    await page.getByRole('button', { name: /Файл/ }).click();
    await page.getByRole('menuitem', { name: 'Открыть демонстрационный район' }).click();
    const question = page.locator('.ant-modal', { hasText: 'Сохранить изменения?' });
    await question.waitFor();
    await question.getByRole('button', { name: 'Отмена' }).click();
    await question.waitFor({ state: 'hidden' });
    expect(session.ctx.db.path).toBe(mine);
    expect(await page.getByLabel('Полное наименование').inputValue()).toBe('Отдел образования');
    expect(await page.getByTestId('demo-banner').count()).toBe(0);
    // «Не сохранять» puts the form back and lets the switch go on (here: to the typed path, next test).
    await page.getByRole('button', { name: /Файл/ }).click();
    await page.getByRole('menuitem', { name: 'Открыть другую базу…' }).click();
    await question.waitFor();
    await question.getByRole('button', { name: 'Не сохранять' }).click();
  });

  it('opens another database by a typed path in the browser mode, and comes back through the recent list', async () => {
    const dialog = page.locator('.ant-modal', { hasText: 'Открыть другую базу' });
    await dialog.waitFor();
    await dialog.getByLabel('Путь к файлу').fill(other);
    await dialog.getByRole('button', { name: 'Открыть' }).click();
    // A database with data opens on «Главная» (issue 17); its roadmaps are in the list.
    await page.getByTestId('home-page').waitFor();
    await page.getByRole('menuitem', { name: 'Дорожные карты' }).click();
    await page.getByText('Карта из другой базы').waitFor();
    expect(session.ctx.db.path).toBe(other);

    await page.getByRole('button', { name: /Файл/ }).click();
    expect(await page.getByTestId('recent-database').allTextContents()).toEqual(['другая.sqliteоткрыта', `рмк.sqlite${mine}`]);
    await page.getByRole('menuitem', { name: /рмк\.sqlite/ }).click();
    await page.getByTestId('home-page').waitFor();
    await page.getByRole('menuitem', { name: 'Дорожные карты' }).click();
    await page.getByText('План на 2025 год').waitFor();
    expect(session.ctx.db.path).toBe(mine);
    // Nothing of the discarded form reached the user's database.
    expect(session.ctx.db.sqlite.prepare("SELECT count(*) FROM settings WHERE value LIKE '%Отдел образования%'").pluck().get()).toBe(0);
  });

  it('opens the help with F1 anywhere and closes it with Esc', async () => {
    await page.locator('body').click({ position: { x: 700, y: 700 } });
    await page.keyboard.press('F1');
    const drawer = page.locator('.help-drawer .ant-drawer-body');
    await drawer.waitFor();
    expect(await drawer.textContent()).toContain('Квартальный отчёт');
    expect(await drawer.textContent()).toContain('Ctrl+Z');
    await screenshot(page, 'help');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
