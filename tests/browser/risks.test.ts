/**
 * «Риски» at 1366×768 on the demo district: «Риски без мероприятий» above the matrix, the matrix of
 * the three «500+» schools with the quarter's counts and no horizontal page scroll; a school's profile
 * edited and the gap it makes shown; a measure linked to a factor in its drawer; a factor added to the
 * list and deleted into the bin. Saves the page as a screenshot (tests/output/screenshots; with
 * UPDATE_SCREENSHOTS=1 also docs/screenshots/risks-1366x768.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { fillDemo } from '../../electron/demo';
import { apiOf } from '../helpers';
import { SCREENSHOTS, screenshot, useApp } from './chromium';

const app = useApp((db) => {
  fillDemo(db);
  // «Обновление антирисковых программ» (linked to the three «500+» schools) done in the first quarter.
  const updated = db.sqlite
    .prepare("SELECT m.id FROM measures m JOIN roadmaps r ON r.id = m.roadmap_id WHERE r.title LIKE '%Карпинск%' AND m.number = '1.3'")
    .pluck()
    .get() as number;
  apiOf(db)('execution.set', { measureId: updated, quarter: '2022-Q1', status: 'done' });
});
let db: Db;
let page: Page;
let errors: string[];
beforeAll(async () => {
  ({ db, page, errors } = app);
  await page.setViewportSize({ width: 1366, height: 768 });
});

const factorId = (name: string) => db.sqlite.prepare('SELECT id FROM risk_factors WHERE name = ?').pluck().get(name) as number;
const schoolId = (short: string) => db.sqlite.prepare('SELECT id FROM organizations WHERE short_name = ?').pluck().get(short) as number;
const matrixRow = (school: string) =>
  page.locator('[data-testid="risk-matrix"] .ant-table-row').filter({ has: page.getByText(school, { exact: true }) });

async function pickQuarter(label: string) {
  await page.getByLabel('Квартал').click();
  await page.locator(`.ant-select-item-option[title="${label}"]`).click();
}

describe('the «Риски» page', () => {
  it('lists the risks without measures first, then the matrix, within 1366×768', async () => {
    await page.getByRole('menuitem', { name: 'Риски' }).click();
    await page.getByTestId('risk-matrix').waitFor();
    await pickQuarter('I кв. 2022');
    await expect
      .poll(() => matrixRow('МАОУ СОШ № 2').getByTestId('risk-cell').allTextContents())
      .toEqual([
        'высокийнет мероприятий',
        'средниймероприятий: 1, выполнено в квартале: 1',
        'высокиймероприятий: 1, выполнено в квартале: 1',
        'средниймероприятий: 1, выполнено в квартале: 1',
      ]);
    expect(await page.locator('[data-testid="risk-matrix"] .ant-table-row').count()).toBe(3);
    // «Риски без мероприятий» stand above the matrix, high first.
    const gaps = page.getByTestId('risk-gaps');
    const gapsBox = (await gaps.boundingBox())!;
    const matrixBox = (await page.getByTestId('risk-matrix').boundingBox())!;
    expect(gapsBox.y + gapsBox.height).toBeLessThanOrEqual(matrixBox.y);
    const items = await gaps.locator('li').allTextContents();
    expect(items[0]).toBe('МАОУ СОШ № 2 — Дефицит педагогических кадров высокий');
    expect(items).toContain('МАОУ СОШ № 24 — Низкий уровень оснащения школы средний');
    // No horizontal scroll of the page, and the matrix ends inside the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(matrixBox.x + matrixBox.width).toBeLessThanOrEqual(1366);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await screenshot(page, 'risks-1366x768');
    const png = path.join(SCREENSHOTS, 'risks-1366x768.png');
    expect(fs.statSync(png).size).toBeGreaterThan(20_000);
    if (process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(png, path.resolve(__dirname, '../../docs/screenshots/risks-1366x768.png'));
  });

  it("edits a school's profile: a newly verified factor without measures shows up as a gap", async () => {
    await matrixRow('МАОУ СОШ № 24').getByText('МАОУ СОШ № 24').click();
    const profile = page.getByTestId('school-risk-profile');
    await profile.waitFor();
    await profile.getByLabel('Уровень: Дефицит педагогических кадров').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="высокий"]').click();
    await profile.getByRole('button', { name: 'Сохранить профиль' }).click();
    await page.getByText('Профиль сохранён').waitFor();
    const s24 = schoolId('МАОУ СОШ № 24');
    expect(
      db.sqlite
        .prepare('SELECT level, year FROM school_risks WHERE school_id = ? AND factor_id = ?')
        .get(s24, factorId('Дефицит педагогических кадров')),
    ).toEqual({ level: 'high', year: 2022 });
    await profile.getByRole('button', { name: '← Все школы' }).click();
    await expect
      .poll(() => page.getByTestId('risk-gaps').locator('li').allTextContents())
      .toContain('МАОУ СОШ № 24 — Дефицит педагогических кадров высокий');
  });

  it('links a measure to a risk factor in its drawer', async () => {
    const karpinsk = db.sqlite.prepare("SELECT id FROM roadmaps WHERE title LIKE '%Карпинск%'").pluck().get() as number;
    await page.evaluate((h) => (window.location.hash = h), `#/roadmaps/${karpinsk}/plan`);
    const row = page.locator('[data-testid="plan"] .ant-table-row', { hasText: 'Подведение итогов реализации' });
    await row.dblclick();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('Риски, на которые направлено').click();
    // The list is virtual (only the first options are in the page): typed, as a methodist would search it.
    await page.keyboard.type('вовлечённости');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="Низкий уровень вовлечённости родителей"]').click();
    // Executed by «Отдел образования» alone: the link would count for no school, and the drawer says so.
    const warning = drawer.getByText('Среди исполнителей нет школы');
    await warning.waitFor();
    const executors = drawer.getByLabel('Исполнители', { exact: true });
    await executors.fill('Отдел образования, МАОУ СОШ № 2');
    await warning.waitFor({ state: 'detached' });
    await drawer.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Сохранено').first().waitFor();
    const measure = db.sqlite
      .prepare('SELECT id FROM measures WHERE roadmap_id = ? AND name LIKE ?')
      .pluck()
      .get(karpinsk, 'Подведение итогов%') as number;
    await expect
      .poll(() => db.sqlite.prepare('SELECT factor_id FROM measure_risks WHERE measure_id = ?').pluck().all(measure))
      .toEqual([factorId('Низкий уровень вовлечённости родителей')]);
  });

  it('adds a factor to the list and deletes the unused one into the recycle bin', async () => {
    await page.evaluate(() => (window.location.hash = '#/risks'));
    await page.getByRole('button', { name: 'Факторы риска…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Новый фактор риска').fill('Низкая доступность дополнительного образования');
    await dialog.getByRole('button', { name: 'Добавить' }).click();
    const row = dialog.locator('.ant-table-row', { hasText: 'Низкая доступность дополнительного образования' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Удалить' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Удалить' }).click();
    await page.getByText('перемещён в корзину').waitFor();
    expect(db.sqlite.prepare("SELECT count(*) FROM trash WHERE kind = 'risk_factor'").pluck().get()).toBe(1);
    await dialog.getByRole('button', { name: 'Закрыть' }).first().click();
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
