/** «Создать на следующий год…» in a real browser: the period suggested a year on, the copy made, the terms to check listed, the new plan opened. */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMeasure, addSection } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { tempDir } from '../helpers';
import { readXlsx } from '../reports/xlsx';
import { screenshot, useApp } from './chromium';

let roadmapId = 0;
const app = useApp((db) => {
  const r = createRoadmap(db, { title: 'Дорожная карта ШНОР на 2024 год', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  roadmapId = r.id;
  const s = addSection(db, r.id, 'Организационные мероприятия');
  addMeasure(db, r.id, s, { name: 'Анализ ВПР', term: 'Октябрь 2024', executors: 'РМК' });
  addMeasure(db, r.id, s, { name: 'Отчёт', term: 'до 29.02.2024', executors: 'РМК' });
});
let page: Page;
let errors: string[];
beforeAll(async () => {
  ({ page, errors } = app);
  await page.goto(`${app.server.url.split('?')[0]}#/roadmaps/${roadmapId}/plan`);
});

describe('a roadmap copied into the next year', () => {
  it('suggests the same period a year on, copies, lists the 29 February, and opens the new plan with its terms moved', async () => {
    await page.getByRole('button', { name: 'Создать на следующий год…' }).click();
    const dialog = page.locator('.ant-modal');
    expect(await dialog.locator('input').first().inputValue()).toBe('01.01.2025');
    expect(await dialog.locator('input').nth(1).inputValue()).toBe('31.12.2025');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await dialog.getByText('Дорожная карта создана: «Дорожная карта ШНОР на 2025 год», 2 мероприятия, сроки сдвинуты у 2.').waitFor();
    expect(await dialog.getByText(/«до 28\.02\.2025» — дата 29\.02\.2024 перенесена/).count()).toBe(1);
    await screenshot(page, 'roadmap-copy');
    await dialog.getByRole('button', { name: 'Открыть новую карту' }).click();
    await expect.poll(() => page.getByTestId('roadmap-title').textContent()).toBe('Дорожная карта ШНОР на 2025 год');
    const terms = await page.$$eval('[data-testid="plan"] [data-testid="term-understood"]', (xs) => xs.map((x) => x.textContent));
    expect(terms).toEqual(['→ 01.10.2025 — 31.10.2025', '→ до 28.02.2025']);
  });

  it('downloads the plan table as Excel, as the editor shows it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Таблица в Excel' }).click()]);
    const file = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('План — Дорожная карта ШНОР на 2025 год.xlsx');
    const rows = readXlsx(file)[0]!.rows;
    expect(rows.slice(3)).toEqual([
      ['1. Организационные мероприятия', null, null, null, null],
      ['1.1', 'Анализ ВПР', 'Октябрь 2025', 'РМК', null],
      ['1.2', 'Отчёт', 'до 28.02.2025', 'РМК', null],
    ]);
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
