/**
 * Every main screen opened on the demo district, checked for its key content and saved as a
 * screenshot (tests/output/screenshots) to be looked at; plus the 500-measure plan.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { addMeasure, addSection } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { fillDemo } from '../../electron/demo';
import { screenshot, useApp } from './chromium';

let bigId = 0;
const app = useApp((db) => {
  fillDemo(db);
  bigId = db.sqlite.transaction(() => {
    const r = createRoadmap(db, { title: 'Большая дорожная карта (500 мероприятий)', periodStart: '2024-01-01', periodEnd: '2026-12-31' });
    for (let s = 1; s <= 10; s++) {
      const sectionId = addSection(db, r.id, `Раздел ${s}`);
      for (let i = 1; i <= 50; i++)
        addMeasure(db, r.id, sectionId, {
          name: `Мероприятие ${s}-${i}: ${'длинное описание '.repeat(i % 7)}`,
          term: 'Ежеквартально',
          executors: 'Рабочая группа',
          result: 'Результат',
        });
    }
    return r.id;
  })();
});
let db: Db;
let page: Page;
let errors: string[];
beforeAll(() => {
  ({ db, page, errors } = app);
});

const zeyaId = () => db.sqlite.prepare("SELECT id FROM roadmaps WHERE title LIKE '%МОАУ ЦО%'").pluck().get() as number;
const open = async (hash: string, waitText: string) => {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByText(waitText, { exact: false }).first().waitFor();
  await page.waitForTimeout(300);
};

describe('the main screens on the demo district', () => {
  it('roadmaps', async () => {
    await open('#/roadmaps', 'Большая дорожная карта');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(3);
    await screenshot(page, 'roadmaps');
  });

  it('the Zeya plan with its own captions and numbers as stored', async () => {
    await open(`#/roadmaps/${zeyaId()}/plan`, 'Целевые ориентиры');
    expect(await page.locator('th', { hasText: 'Сроки исполнения' }).count()).toBe(1);
    expect(await page.getByTestId('measure-number').first().textContent()).toBe('1.');
    await screenshot(page, 'plan-zeya');
  });

  it('the passport', async () => {
    await open(`#/roadmaps/${zeyaId()}/passport`, 'Заголовки столбцов');
    await screenshot(page, 'passport');
  });

  it('execution by quarter', async () => {
    await open(`#/execution/${zeyaId()}`, 'II кв. 2022');
    expect(await page.getByText('выполнено с нарушением срока').count()).toBeGreaterThan(0);
    await screenshot(page, 'execution');
  });

  it('meetings and a protocol', async () => {
    await open('#/meetings', 'каб. 12');
    await page.locator('.ant-table-row').first().click();
    await page.getByText('Решили:').first().waitFor();
    await screenshot(page, 'protocol');
  });

  it('orders, working group, organisations, people, search, settings', async () => {
    for (const [hash, text, name] of [
      ['#/orders', '38-д', 'orders'],
      ['#/group', 'Гокова В.Я.', 'working-group'],
      ['#/organizations', 'МАОУ СОШ № 2', 'organizations'],
      ['#/people', 'Русанова Е.А.', 'people'],
      ['#/settings', 'Муниципальный координатор', 'settings'],
    ] as const) {
      await open(hash, text);
      await screenshot(page, name);
    }
    await open('#/search', 'Поиск по всем дорожным картам');
    await page.getByPlaceholder('Например').fill('впр');
    await page.keyboard.press('Enter');
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'search');
    // A hit opens its plan at that measure (selected, highlighted, its card open), not at the top.
    await page.locator('.ant-table-row').first().click();
    await page.waitForURL(/#\/roadmaps\/\d+\/plan\/\d+$/);
    await page.locator('.ant-drawer-open').waitFor();
  });

  it('a 500-measure plan renders only what is on screen and scrolls to the end', async () => {
    await open(`#/roadmaps/${bigId}/plan`, 'Мероприятий: 500');
    // Virtualised: far fewer rows in the DOM than in the plan.
    expect(await page.locator('[data-testid="plan"] .ant-table-row').count()).toBeLessThan(80);
    await page.getByText('Мероприятие 1-1:').click();
    for (let i = 0; i < 3; i++) await page.locator('[data-testid="plan"] .ant-table-body').evaluate((el) => el.scrollBy(0, 1e6));
    await page.getByText('Мероприятие 10-50:').waitFor();
    await screenshot(page, 'plan-500');
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
