/**
 * An imported plan in a browser at 1366×768: Insert after «3.» gives «4.» and shifts the rest, Insert
 * after «4. 8» gives «4. 9»; switching automatic numbering on shows the numbers that would change
 * first; an impossible date typed into the period is named; no page error on the way.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { insertPlan } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { useApp } from './chromium';

const measure = (number: string, name: string) => ({ number, name, term: 'Май 2022', executors: 'РМК', result: '' });
const ids: Record<string, number> = {};
const app = useApp((db) => {
  const plain = createRoadmap(db, {
    title: 'План Зеи (как напечатан)',
    periodStart: '2022-01-01',
    periodEnd: '2022-12-31',
    autoNumber: false,
  });
  insertPlan(db, plain.id, [
    {
      number: '',
      title: null,
      measures: ['Совещание', 'Семинар', 'Анализ ВПР', 'Конференция', 'Отчёт'].map((n, i) => measure(`${i + 1}.`, n)),
    },
  ]);
  const spaced = createRoadmap(db, {
    title: 'План с номерами «4. 8»',
    periodStart: '2022-01-01',
    periodEnd: '2022-12-31',
    autoNumber: false,
  });
  insertPlan(db, spaced.id, [
    {
      number: '4.',
      title: 'Работа с педагогами',
      measures: [measure('4. 7', 'Курсы'), measure('4. 8', 'Наставничество'), measure('4. 9', 'Методический день')],
    },
  ]);
  ids.plain = plain.id;
  ids.spaced = spaced.id;
});
let db: Db;
let page: Page;
let errors: string[];
beforeAll(async () => {
  ({ db, page, errors } = app);
  await page.setViewportSize({ width: 1366, height: 768 });
});

const planRows = () =>
  page.$$eval('[data-testid="plan"] .ant-table-row', (rows) =>
    rows
      .filter((r) => !r.querySelector('[data-testid="section-row"]'))
      .map(
        (r) =>
          `${r.querySelector('[data-testid="measure-number"]')?.textContent} ${r.querySelector('[data-testid="measure-name"]')?.textContent}`,
      ),
  );
const row = (text: string) => page.locator('[data-testid="plan"] .ant-table-row', { hasText: text });
async function openPlan(id: number, waitText: string) {
  await page.evaluate((h) => (window.location.hash = h), `#/roadmaps/${id}/plan`);
  await row(waitText).first().waitFor();
}
async function insertAfter(rowText: string, name: string) {
  await row(rowText).click();
  await page.keyboard.press('Insert');
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('Наименование мероприятия').fill(name);
  await drawer.getByRole('button', { name: 'Сохранить' }).click();
  await row(name).waitFor();
}

describe('numbers as printed, in a browser at 1366×768', () => {
  it('Insert after «3.» gives «4.» and the following measures shift', async () => {
    await openPlan(ids.plain!, 'Анализ ВПР');
    await insertAfter('Анализ ВПР', 'Новое мероприятие');
    await expect
      .poll(planRows)
      .toEqual(['1. Совещание', '2. Семинар', '3. Анализ ВПР', '4. Новое мероприятие', '5. Конференция', '6. Отчёт']);
    expect(await row('Новое мероприятие').isVisible()).toBe(true);
  });

  it('Insert after «4. 8» gives «4. 9» and the rest of the section shifts', async () => {
    await openPlan(ids.spaced!, 'Наставничество');
    await insertAfter('Наставничество', 'Школа молодого педагога');
    await expect.poll(planRows).toEqual(['4. 7 Курсы', '4. 8 Наставничество', '4. 9 Школа молодого педагога', '4. 10 Методический день']);
  });

  it('an impossible date typed into the period is named, and nothing breaks', async () => {
    await page.getByRole('tab', { name: 'Паспорт и параметры' }).click();
    const start = page.getByPlaceholder('Начальная дата');
    await start.click();
    await start.fill('31.02.2024');
    await expect.poll(() => page.getByText('Такой даты нет: 31.02.2024').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  });

  it('switching automatic numbering on shows the changes first; cancel keeps the numbers, confirm renumbers', async () => {
    await page.getByRole('switch').click();
    const dialog = page.getByRole('dialog', { name: 'Нумеровать автоматически' });
    await dialog.getByText('4. 10').waitFor();
    const table = await dialog
      .locator('.ant-table-row')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(table).toEqual([
      ['Раздел', '4.', '1'],
      ['Мероприятие', '4. 7', '1.1'],
      ['Мероприятие', '4. 8', '1.2'],
      ['Мероприятие', '4. 9', '1.3'],
      ['Мероприятие', '4. 10', '1.4'],
    ]);
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    expect(db.sqlite.prepare('SELECT auto_number FROM roadmaps WHERE id = ?').pluck().get(ids.spaced)).toBe(0);
    await page.getByRole('switch').click();
    await dialog.getByRole('button', { name: 'Перенумеровать' }).click();
    await expect.poll(() => db.sqlite.prepare('SELECT auto_number FROM roadmaps WHERE id = ?').pluck().get(ids.spaced)).toBe(1);
    await page.getByRole('tab', { name: 'План мероприятий' }).click();
    await expect.poll(planRows).toEqual(['1.1 Курсы', '1.2 Наставничество', '1.3 Школа молодого педагога', '1.4 Методический день']);
    expect(errors).toEqual([]);
  });
});
