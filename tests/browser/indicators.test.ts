/**
 * «Показатели» at 1366×768: an indicator added with the form, the passport's indicators added after
 * their preview, values typed into the grid with the keyboard (Enter down a column, Tab along a line),
 * a share of 140 % refused in its cell, the achievement tags and the district's value computed from
 * the schools', the chart's hidden table of figures, unsaved values guarded, and the school's
 * «Показатели» on «Школы и организации», an indicator deleted into the bin and restored. Saves screenshots (tests/output/screenshots; with
 * UPDATE_SCREENSHOTS=1 also docs/screenshots/indicators-1366x768.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../db/organizations';
import { addMeasure } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { SCREENSHOTS, screenshot, useApp } from './chromium';

const ids = { roadmap: 0, a: 0, b: 0 };
const app = useApp((db) => {
  ids.a = createOrganization(db, { kind: 'school', name: 'Средняя школа № 1', shortName: 'СОШ № 1' }).id;
  ids.b = createOrganization(db, { kind: 'school', name: 'Средняя школа № 2', shortName: 'СОШ № 2' }).id;
  createOrganization(db, { kind: 'school', name: 'Основная школа д. Ивановка', shortName: 'ООШ д. Ивановка' });
  const r = createRoadmap(db, {
    title: 'Поддержка ШНОР на 2024–2025 годы',
    periodStart: '2024-01-01',
    periodEnd: '2025-12-31',
    indicators: 'Средний балл ОГЭ по математике;\nДоля обучающихся с неудовлетворительными отметками',
  });
  ids.roadmap = r.id;
  const m = addMeasure(db, r.id, null, { name: 'Методический десант', term: 'Март 2024', executors: 'СОШ № 1, СОШ № 2' });
  const link = db.sqlite.prepare('INSERT INTO measure_executors (measure_id, organization_id) VALUES (?, ?)');
  link.run(m, ids.a);
  link.run(m, ids.b);
});
let page: Page;
let errors: string[];
const base = () => app.server.url.split('?')[0];
beforeAll(async () => {
  ({ page, errors } = app);
  await page.setViewportSize({ width: 1366, height: 768 });
});
const values = () =>
  app.db.sqlite.prepare('SELECT school_id AS s, kind, year, value FROM indicator_values ORDER BY school_id, kind, year').all() as {
    s: number | null;
    kind: string;
    year: number;
    value: number;
  }[];
const line = (school: string) => page.locator(`[data-testid="grid-line"][data-school="${school}"]`);
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));

describe('«Показатели»', () => {
  it('adds an indicator with the form', async () => {
    await page.goto(`${base()}#/roadmaps/${ids.roadmap}/indicators`);
    await page.getByRole('button', { name: 'Добавить индикатор' }).click();
    const dialog = page.locator('.ant-modal', { hasText: 'Новый индикатор' });
    await dialog.getByLabel('Название').fill('Доля выпускников, сдавших ЕГЭ');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByTestId('indicator-list').getByText('Доля выпускников, сдавших ЕГЭ').waitFor();
    expect(app.db.sqlite.prepare('SELECT name, unit, direction FROM indicators').all()).toEqual([
      { name: 'Доля выпускников, сдавших ЕГЭ', unit: 'percent', direction: 'higher' },
    ]);
  });

  it('fills from the passport after showing the rows it would add', async () => {
    await page.getByRole('button', { name: 'Заполнить из паспорта' }).click();
    const dialog = page.locator('.ant-modal', { hasText: 'Заполнить из паспорта' });
    const rows = dialog.locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toBe('Средний балл ОГЭ по математикебаллыбольше — лучшеОГЭ');
    expect(await rows.nth(1).textContent()).toContain('меньше — лучше');
    await dialog.getByRole('button', { name: 'Добавить 2' }).click();
    await expect.poll(() => page.locator('[data-testid="indicator-list"] .ant-table-row').count()).toBe(3);
    expect(app.db.sqlite.prepare('SELECT name FROM indicators ORDER BY position').pluck().all()).toEqual([
      'Доля выпускников, сдавших ЕГЭ',
      'Средний балл ОГЭ по математике',
      'Доля обучающихся с неудовлетворительными отметками',
    ]);
  });

  it('takes values typed with the keyboard, refuses a share of 140 % in its cell, shows achievement and the district computed', async () => {
    // The first indicator is chosen; the grid offers the district and the two schools linked to the plan, not the third.
    await expect
      .poll(() => page.getByTestId('grid-line').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-school'))))
      .toEqual(['Район', 'СОШ № 1', 'СОШ № 2']);
    await page.getByLabel('СОШ № 1, 2024: план').click();
    await page.keyboard.type('80');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('СОШ № 2, 2024: план');
    await page.keyboard.type('75');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('СОШ № 2, 2024: факт');
    await page.keyboard.type('140');
    await page.keyboard.press('Shift+Enter');
    expect(await focused()).toBe('СОШ № 1, 2024: факт');
    await page.keyboard.type('85,5 %');
    await page.keyboard.press('Enter');
    const problem = line('СОШ № 2').getByTestId('cell-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toBe('Доля в процентах должна быть от 0 до 100');
    await page.getByTestId('grid-save').click();
    await page.getByTestId('grid-refusal').waitFor();
    expect(values()).toEqual([]);

    await page.getByLabel('СОШ № 2, 2024: факт').fill('60');
    await page.getByTestId('grid-save').click();
    await expect.poll(values).toEqual([
      { s: ids.a, kind: 'actual', year: 2024, value: 85.5 },
      { s: ids.a, kind: 'target', year: 2024, value: 80 },
      { s: ids.b, kind: 'actual', year: 2024, value: 60 },
      { s: ids.b, kind: 'target', year: 2024, value: 75 },
    ]);
    await expect.poll(() => line('СОШ № 1').getByTestId('achievement').first().textContent()).toBe('Достигнуто');
    expect(await line('СОШ № 2').getByTestId('achievement').first().textContent()).toBe('Не достигнуто');
    expect(await line('СОШ № 1').getByTestId('achievement').nth(1).textContent()).toBe('Нет данных');
    // The district's fact is the schools' mean, shown (not entered) and said to be computed.
    expect(await line('Район').getByLabel('Район, 2024: факт').getAttribute('placeholder')).toBe('72,8');
    expect(await line('Район').getByTestId('computed').first().textContent()).toBe('рассчитано по школам');
  });

  it("the chart's figures are in its hidden table and aria-label", async () => {
    const table = page.getByTestId('indicator-chart-table');
    const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    expect(cells).toEqual([
      ['Район: план', 'нет', 'нет'],
      ['Район: факт', '72,8', 'нет'],
    ]);
    await page.getByLabel('Школа на графике').click();
    await page.locator('.ant-select-item-option[title="СОШ № 1"]').click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    expect(await table.locator('tbody tr').nth(3).textContent()).toBe('СОШ № 1: факт85,5нет');
    expect(await page.locator('[data-testid="indicator-chart"] canvas').getAttribute('aria-label')).toContain('СОШ № 1: план — 2024: 80');
    await page.mouse.move(0, 0);
    // Without the «Значения сохранены» toast over the list.
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'indicators-1366x768');
    const png = path.join(SCREENSHOTS, 'indicators-1366x768.png');
    expect(fs.statSync(png).size).toBeGreaterThan(20_000);
    if (process.env.UPDATE_SCREENSHOTS === '1')
      fs.copyFileSync(png, path.resolve(__dirname, '../../docs/screenshots/indicators-1366x768.png'));
  });

  it('asks before leaving the tab with values typed and not saved', async () => {
    await page.getByLabel('Район, 2025: план').fill('90');
    await page.getByRole('tab', { name: 'Паспорт и параметры' }).click();
    const prompt = page.locator('.ant-modal', { hasText: 'Сохранить изменения?' });
    await prompt.waitFor();
    await prompt.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/roadmaps/${ids.roadmap}/passport`);
    expect(values()).toContainEqual({ s: null, kind: 'target', year: 2025, value: 90 });
  });

  it("shows the school's indicators on «Школы и организации»", async () => {
    await page.goto(`${base()}#/organizations`);
    await page.locator('tr', { hasText: 'Средняя школа № 1' }).getByRole('button', { name: 'Показатели' }).click();
    const drawer = page.getByTestId('school-indicators');
    await drawer.waitFor();
    await drawer.getByText('Поддержка ШНОР на 2024–2025 годы').waitFor();
    const row = drawer.locator('.ant-table-row', { hasText: 'Доля выпускников, сдавших ЕГЭ' });
    expect(await row.textContent()).toContain('2024: план 80, факт 85,5 Достигнуто');
    expect(await row.textContent()).toContain('2024: план —, факт 72,8 (рассчитано по школам) Нет данных');
    expect(await drawer.locator('.ant-table-row').count()).toBe(3);
    await screenshot(page, 'school-indicators-1366x768');
  });

  it('deletes an indicator into the bin, which lists it and restores it to its tab', async () => {
    await page.goto(`${base()}#/roadmaps/${ids.roadmap}/indicators`);
    const row = page.locator('[data-testid="indicator-list"] .ant-table-row', { hasText: 'Средний балл ОГЭ по математике' });
    await row.getByRole('button', { name: 'Удалить индикатор' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Удалить' }).click();
    await expect.poll(() => page.locator('[data-testid="indicator-list"] .ant-table-row').count()).toBe(2);
    await page.goto(`${base()}#/trash`);
    const item = page.locator('.ant-table-row', { hasText: 'Индикатор «Средний балл ОГЭ по математике»' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Индикатор');
    await item.getByRole('button', { name: /Восстановить/ }).click();
    await expect.poll(() => app.db.sqlite.prepare('SELECT count(*) FROM indicators').pluck().get()).toBe(3);
    // The message opens the restored indicator's place: its roadmap's «Показатели».
    await page.locator('.ant-message-notice', { hasText: 'Восстановлено: Индикатор' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/roadmaps/${ids.roadmap}/indicators`);
    await page.getByTestId('indicator-list').getByText('Средний балл ОГЭ по математике').waitFor();
    expect(errors).toEqual([]);
  });
});
