/**
 * «Ход выполнения по кварталам» on the execution page at 1366×768: the chart's hidden table holds the
 * shares of a roadmap with known marks (a late completion counted as done), the canvas says them in its
 * aria-label, a mark made in the grid moves the line, and the grid still fits the screen under it.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setExecution } from '../../db/executions';
import type { Db } from '../../db/open';
import { addMeasure } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { screenshot, useApp } from './chromium';

let roadmapId = 0;
let mayMeeting = 0;
const app = useApp((db) => {
  const r = createRoadmap(db, { title: 'Дорожная карта ШНОР на 2024 год', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  roadmapId = r.id;
  const add = (name: string, term: string) => addMeasure(db, r.id, null, { name, term, executors: 'Рабочая группа' });
  const mark = (measureId: number, quarter: string, status: 'done' | 'done_late' | 'in_progress') =>
    setExecution(db, { measureId, quarter, status, result: '', evidence: '', note: '' });
  const report = add('Отчёт о реализации', 'ежеквартально');
  const analysis = add('Анализ результатов ВПР', 'до 25 марта 2024');
  const seminar = add('Семинар для учителей', 'Март 2024');
  mayMeeting = add('Совещание руководителей', 'до 15 мая 2024');
  add('Курсы повышения квалификации', 'Октябрь 2024');
  mark(report, '2024-Q1', 'done');
  mark(report, '2024-Q2', 'done');
  mark(report, '2024-Q3', 'in_progress');
  mark(analysis, '2024-Q1', 'done');
  // Done late, marked in the next quarter: still done for March.
  mark(seminar, '2024-Q2', 'done_late');
});
let db: Db;
let page: Page;
let errors: string[];
beforeAll(async () => {
  ({ db, page, errors } = app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.evaluate((h) => (window.location.hash = h), `#/execution/${roadmapId}`);
  await page.getByTestId('execution-grid').waitFor();
  await page.getByTestId('progress-table').waitFor({ state: 'attached' });
});

const tableRows = () =>
  page.$$eval('[data-testid="progress-table"] tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));

describe('progress by quarter on the execution page', () => {
  it('lists the share done of the measures due in each quarter, a late completion included', async () => {
    expect(await tableRows()).toEqual([
      ['Квартал', 'Дорожная карта ШНОР на 2024 год'],
      ['I кв. 2024', '100 % (3 из 3)'],
      ['II кв. 2024', '50 % (1 из 2)'],
      ['III кв. 2024', '0 % (0 из 1)'],
      ['IV кв. 2024', '0 % (0 из 2)'],
    ]);
    const label = await page.locator('[data-testid="progress-chart"] canvas').getAttribute('aria-label');
    expect(label).toContain('Дорожная карта ШНОР на 2024 год: I кв. 2024 — 100 %, II кв. 2024 — 50 %');
    // The chart is drawn (a canvas with pixels of the line's colour), not an empty box.
    const drawn = await page.locator('[data-testid="progress-chart"] canvas').evaluate((c: HTMLCanvasElement) => {
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] === 0 && px[i + 1] === 114 && px[i + 2] === 178) n++;
      return { width: c.width, n };
    });
    expect(drawn.width).toBeGreaterThan(600);
    expect(drawn.n).toBeGreaterThan(50);
  });

  it('keeps the grid on the screen under the chart: the grid scrolls, the page does not', async () => {
    const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollHeight, inner: window.innerHeight }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.inner);
    const chart = await page.getByTestId('execution-progress').boundingBox();
    const grid = await page.getByTestId('execution-grid').boundingBox();
    expect(grid!.y).toBeGreaterThanOrEqual(chart!.y + chart!.height);
    expect(grid!.height).toBeGreaterThan(250);
    await screenshot(page, 'execution-progress');
  });

  it('moves the line when a measure is marked done in the grid', async () => {
    const row = page.locator('[data-testid="grid-row"]', { hasText: 'Совещание руководителей' });
    await row.locator('td[data-quarter="2024-Q2"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option[title="выполнено"]').click();
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(async () => (await tableRows())[2]).toEqual(['II кв. 2024', '100 % (2 из 2)']);
    expect(db.sqlite.prepare('SELECT status FROM executions WHERE measure_id = ?').pluck().get(mayMeeting)).toBe('done');
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
