/**
 * The execution grid at 1366×768 on a roadmap of two years (8 quarters) with sections: section rows
 * as in the plan, every quarter reachable by scrolling sideways while № and the measure stay in view,
 * one scroll box (the page itself does not scroll), the year filter, and a cell marked from the grid.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setExecution } from '../../db/executions';
import type { Db } from '../../db/open';
import { addMeasure, addSection } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { screenshot, useApp } from './chromium';

let roadmapId = 0;
const app = useApp((db) => {
  const r = createRoadmap(db, { title: 'Дорожная карта на 2024–2025 годы', periodStart: '2024-01-01', periodEnd: '2025-12-31' });
  roadmapId = r.id;
  for (const [s, title] of ['Организационные мероприятия', 'Методическое сопровождение'].entries()) {
    const sectionId = addSection(db, r.id, title);
    for (let i = 1; i <= 12; i++) {
      const id = addMeasure(db, r.id, sectionId, {
        name: `Мероприятие ${s + 1}.${i}: ${'описание '.repeat(i % 5)}`,
        term: i % 2 ? 'Ежеквартально' : 'Декабрь 2025',
        executors: 'Рабочая группа',
      });
      if (s === 0 && i === 1)
        setExecution(db, { measureId: id, quarter: '2025-Q4', status: 'done', result: 'Итоги подведены', evidence: '', note: '' });
    }
  }
});
let db: Db;
let page: Page;
let errors: string[];
beforeAll(async () => {
  ({ db, page, errors } = app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.evaluate((h) => (window.location.hash = h), `#/execution/${roadmapId}`);
  await page.getByTestId('execution-grid').waitFor();
});

const grid = () => page.getByTestId('execution-grid');
const quarterHeads = () => page.getByTestId('grid-quarter').allTextContents();
const box = (sel: string) =>
  page
    .locator(sel)
    .first()
    .evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect);

describe('the execution grid', () => {
  it('shows the sections as full-width rows above their measures, in the plan order', async () => {
    const rows = await page.$$eval('[data-testid="execution-grid"] tbody tr', (trs) =>
      trs.map((tr) =>
        tr.getAttribute('data-testid') === 'grid-section'
          ? `§ ${tr.textContent}`
          : tr.querySelector('[data-testid="grid-number"]')?.textContent,
      ),
    );
    expect(rows.slice(0, 3)).toEqual(['§ 1. Организационные мероприятия', '1.1', '1.2']);
    expect(rows[13]).toBe('§ 2. Методическое сопровождение');
    expect(rows).toHaveLength(26);
    const section = await box('[data-testid="grid-section"] td');
    const table = await box('[data-testid="execution-grid"] table');
    expect(section.width).toBeCloseTo(table.width, 0);
  });

  it('has every quarter of the period, the last reachable by scrolling sideways, № and the measure staying in view', async () => {
    expect(await quarterHeads()).toEqual([
      'I кв. 2024',
      'II кв. 2024',
      'III кв. 2024',
      'IV кв. 2024',
      'I кв. 2025',
      'II кв. 2025',
      'III кв. 2025',
      'IV кв. 2025',
    ]);
    const frame = await grid().evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect);
    const lastHead = page.getByTestId('grid-quarter').last();
    // Not in view at first: the grid is wider than the screen.
    expect((await lastHead.evaluate((e) => e.getBoundingClientRect().left)) > frame.right).toBe(true);
    const numberBefore = await box('[data-testid="grid-number"]');
    await grid().evaluate((e) => (e.scrollLeft = e.scrollWidth));
    const last = await lastHead.evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect);
    expect(last.right).toBeLessThanOrEqual(frame.right);
    expect(last.left).toBeGreaterThan(frame.left);
    // Sticky: after the scroll the № cell and its header are where they were.
    const numberAfter = await box('[data-testid="grid-number"]');
    expect(numberAfter.left).toBeCloseTo(numberBefore.left, 0);
    expect((await box('[data-testid="grid-number-head"]')).left).toBeCloseTo(frame.left + 1, 0);
    // The section's heading stays in view too.
    const heading = await box('[data-testid="grid-section"] td > div');
    expect(heading.left).toBeGreaterThanOrEqual(frame.left);
    expect(heading.left).toBeLessThan(frame.left + 20);
    // The status marked for IV кв. 2025 is in the last column.
    expect(await page.locator('[data-testid="grid-row"]').first().locator('td[data-quarter="2025-Q4"]').textContent()).toContain(
      'Итоги подведены',
    );
    await screenshot(page, 'execution-grid-scrolled');
  });

  it('fits 1366×768 with one vertical scrollbar: the grid scrolls, the page does not', async () => {
    const page_ = await page.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      inner: window.innerHeight,
      scrollW: document.documentElement.scrollWidth,
      innerW: window.innerWidth,
    }));
    expect(page_.scroll).toBeLessThanOrEqual(page_.inner);
    expect(page_.scrollW).toBeLessThanOrEqual(page_.innerW);
    const g = await grid().evaluate((e) => ({ scroll: e.scrollHeight, client: e.clientHeight }));
    expect(g.scroll).toBeGreaterThan(g.client);
    // The header stays on top while scrolling down.
    const frame = await grid().evaluate((e) => e.getBoundingClientRect().top);
    await grid().evaluate((e) => (e.scrollTop = e.scrollHeight));
    expect((await box('[data-testid="grid-number-head"]')).top).toBeCloseTo(frame + 1, 0);
    await grid().evaluate((e) => (e.scrollTop = 0));
  });

  it('shows one year or all of them', async () => {
    await page.getByTestId('grid-year').click();
    await page.locator('.ant-select-item-option[title="2025 год"]').click();
    await expect.poll(quarterHeads).toEqual(['I кв. 2025', 'II кв. 2025', 'III кв. 2025', 'IV кв. 2025']);
    // A year's four quarters fit at 1366 px and at 1280 px: the measure column gives up width, nothing is hidden to the right.
    const fits = () => grid().evaluate((e) => e.scrollWidth <= e.clientWidth);
    await expect.poll(fits).toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(fits).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('grid-quarter-filter').click();
    await page.locator('.ant-select-item-option[title="IV квартал"]').click();
    await expect.poll(quarterHeads).toEqual(['IV кв. 2025']);
    await page.getByTestId('grid-year').click();
    await page.locator('.ant-select-item-option[title="Все годы"]').click();
    await expect.poll(quarterHeads).toEqual(['IV кв. 2024', 'IV кв. 2025']);
    await page.getByTestId('grid-quarter-filter').click();
    await page.locator('.ant-select-item-option[title="Все кварталы"]').click();
    await expect.poll(async () => (await quarterHeads()).length).toBe(8);
  });

  it('marks execution from a cell', async () => {
    await page.locator('[data-testid="grid-row"]').nth(1).locator('td[data-quarter="2024-Q1"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Достигнутый результат').fill('Совещание проведено');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await page
      .locator('[data-testid="grid-row"]')
      .nth(1)
      .locator('td[data-quarter="2024-Q1"]', { hasText: 'Совещание проведено' })
      .waitFor();
    expect(db.sqlite.prepare("SELECT result FROM executions WHERE quarter = '2024-Q1'").pluck().all()).toEqual(['Совещание проведено']);
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
