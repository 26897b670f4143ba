/**
 * «Сроки» at 1366×768 as a methodist reads it: a weekly measure is one line («еженедельно — просрочено
 * 13 раз, следующий срок 07.12.2025») that expands to its dates; the list sorts by a column and is
 * saved to Excel as shown; a protocol decision opens the protocol at that decision, is marked done
 * there and leaves the overdue list; a measure's line opens the measure's address in its plan.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveMeeting } from '../../db/meetings';
import type { Db } from '../../db/open';
import { addMeasure } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { tempDir } from '../helpers';
import { readXlsx } from '../reports/xlsx';
import { screenshot, useApp } from './chromium';

let roadmapId = 0;
let weeklyId = 0;
let meetingId = 0;
let decisionId = 0;
const app = useApp((db) => {
  const r = createRoadmap(db, { title: 'Дорожная карта ШНОР 2025/26', periodStart: '2025-09-01', periodEnd: '2026-05-31' });
  roadmapId = r.id;
  weeklyId = addMeasure(db, r.id, null, { name: 'Мониторинг посещаемости', term: 'еженедельно', executors: 'Русанова Е.А.' });
  addMeasure(db, r.id, null, { name: 'Отчёт о мониторинге', term: 'до 15 октября 2025', executors: 'Гокова В.Я.' });
  const m = saveMeeting(db, null, {
    date: '2025-10-01',
    number: '5',
    place: '',
    chairId: null,
    secretaryId: null,
    attendeeIds: [],
    invitedIds: [],
    agenda: [
      {
        title: 'О плане',
        heard: '',
        spoke: '',
        decisions: [
          { text: 'Подготовить справку', responsibleId: null, responsibleText: 'Абрамова О.П.', term: 'До 20.11.2025' },
          { text: 'Провести семинар', responsibleId: null, responsibleText: 'Яковлева Н.Н.', term: 'До 25.11.2025' },
        ],
      },
    ],
  });
  meetingId = m;
  decisionId = db.sqlite.prepare("SELECT id FROM decisions WHERE text = 'Подготовить справку'").pluck().get() as number;
});
let db: Db;
let page: Page;
let errors: string[];
beforeAll(async () => {
  ({ db, page, errors } = app);
  await page.setViewportSize({ width: 1366, height: 768 });
});

const lines = () =>
  page.$$eval('[data-testid="due-row"]', (rows) =>
    rows.map((r) => [...r.querySelectorAll('td:not(.ant-table-row-expand-icon-cell)')].map((td) => td.textContent ?? '')),
  );
const names = async () => (await lines()).map((l) => l[2]);

async function openOverdueOn(date: string) {
  await page.getByRole('menuitem', { name: 'Сроки' }).click();
  const input = page.getByLabel('На дату');
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Сроки' }).click();
}

describe('«Сроки» one line per measure', () => {
  it('shows the weekly measure as one line with its overdue count and next date', async () => {
    await openOverdueOn('04.12.2025');
    await expect.poll(names).toEqual(['Мониторинг посещаемости', 'Отчёт о мониторинге', 'Подготовить справку', 'Провести семинар']);
    const weekly = (await lines())[0]!;
    expect(weekly.slice(0, 2)).toEqual(['07.09.2025', '1']);
    expect(weekly[4]).toBe('еженедельно — просрочено 13 раз, следующий срок 07.12.2025');
    // One line each: no line per date.
    expect(await page.locator('[data-testid="due-row"]').count()).toBe(4);
  });

  it('expands the line to its dates', async () => {
    await page.locator('[data-testid="due-row"]', { hasText: 'Мониторинг посещаемости' }).locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => page.locator('[data-testid="due-date"]').count()).toBe(13);
    expect(await page.locator('[data-testid="due-date"] td').first().textContent()).toBe('07.09.2025');
    expect(await page.locator('[data-testid="due-date"]').last().locator('td').first().textContent()).toBe('30.11.2025');
    // Expanding did not navigate away.
    expect(page.url()).toMatch(/#\/deadlines$/);
    await screenshot(page, 'deadlines-grouped-1366');
    await page.locator('[data-testid="due-row"]', { hasText: 'Мониторинг посещаемости' }).locator('.ant-table-row-expand-icon').click();
  });

  it('sorts by executor, both ways, and back', async () => {
    const header = page.locator('th', { hasText: 'Исполнители' });
    const byExecutor = ['Подготовить справку', 'Отчёт о мониторинге', 'Мониторинг посещаемости', 'Провести семинар'];
    await header.click();
    await expect.poll(names).toEqual(byExecutor);
    await header.click();
    await expect.poll(names).toEqual([...byExecutor].reverse());
    await page.locator('th', { hasText: 'Карта / протокол' }).click();
    await expect.poll(names).toEqual(['Мониторинг посещаемости', 'Отчёт о мониторинге', 'Подготовить справку', 'Провести семинар']);
    await header.click();
    await expect.poll(names).toEqual(byExecutor);
  });

  it('saves the list to Excel as shown (sorted by executor)', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Сохранить в Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('Сроки — Просрочено на 04.12.2025.xlsx');
    const file = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(file);
    const rows = readXlsx(file)[0]!.rows.slice(3);
    expect(rows.map((r) => [r[2], r[5], r[7]])).toEqual([
      ['Подготовить справку', 'Абрамова О.П.', 1],
      ['Отчёт о мониторинге', 'Гокова В.Я.', 1],
      ['Мониторинг посещаемости', 'Русанова Е.А.', 13],
      ['Провести семинар', 'Яковлева Н.Н.', 1],
    ]);
  });

  it('marks a decision done from its line in «Сроки»: it leaves the list, the screen stays', async () => {
    // With decisions in the list (their «Отметить» button in the last column) the page still fits 1366 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page
      .locator('[data-testid="due-row"]', { hasText: 'Провести семинар' })
      .getByRole('button', { name: 'Отметить исполнение' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Исполнение решения' });
    await dialog.getByLabel('Результат').fill('Семинар проведён, 24 участника');
    // An impossible date is named and the field emptied: nothing is saved with today's date instead.
    const date = dialog.getByLabel('Дата исполнения');
    await date.fill('31.02.2024');
    await page.getByText('Такой даты нет: 31.02.2024').waitFor();
    await date.press('Tab');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByText('Укажите дату').waitFor();
    expect(
      db.sqlite
        .prepare("SELECT count(*) FROM executions x JOIN decisions d ON d.id = x.decision_id WHERE d.text = 'Провести семинар'")
        .pluck()
        .get(),
    ).toBe(0);
    await date.fill('10.04.2024');
    await date.press('Enter');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(names).toEqual(['Подготовить справку', 'Отчёт о мониторинге', 'Мониторинг посещаемости']);
    expect(page.url()).toMatch(/#\/deadlines$/);
    expect(
      db.sqlite
        .prepare(
          "SELECT x.status, x.result, x.done_on AS doneOn FROM executions x JOIN decisions d ON d.id = x.decision_id WHERE d.text = 'Провести семинар'",
        )
        .get(),
    ).toEqual({
      status: 'done',
      result: 'Семинар проведён, 24 участника',
      doneOn: '2024-04-10',
    });
  });

  it('opens a decision in its protocol, scrolled to and highlighted', async () => {
    await page.locator('[data-testid="due-row"]', { hasText: 'Подготовить справку' }).locator('td').nth(3).click();
    await page.waitForURL(new RegExp(`#/meetings/${meetingId}/decision/${decisionId}$`));
    const focused = page.getByTestId('decision-focused');
    await focused.waitFor();
    expect(await focused.getAttribute('data-decision-id')).toBe(String(decisionId));
    expect(
      await focused.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    await expect.poll(() => focused.getByTestId('decision-state').textContent()).toBe('просрочено');
  });

  it('marks the decision done on the protocol screen, and it leaves the overdue list', async () => {
    const focused = page.getByTestId('decision-focused');
    await focused.getByRole('button', { name: 'Отметить исполнение' }).click();
    const dialog = page.getByRole('dialog', { name: 'Исполнение решения' });
    await dialog.getByLabel('Результат').fill('Справка подготовлена и направлена в школы');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => focused.getByTestId('decision-state').textContent()).toMatch(/^выполнено \d\d\.\d\d\.\d{4}$/);
    await screenshot(page, 'decision-marked-done');
    const mark = db.sqlite.prepare('SELECT status, result FROM executions WHERE decision_id = ?').get(decisionId);
    expect(mark).toEqual({ status: 'done', result: 'Справка подготовлена и направлена в школы' });
    await openOverdueOn('04.12.2025');
    await expect.poll(names).toEqual(['Мониторинг посещаемости', 'Отчёт о мониторинге']);
  });

  it("opens a measure's line at the measure's address in its plan", async () => {
    await page.locator('[data-testid="due-row"]', { hasText: 'Мониторинг посещаемости' }).locator('td').nth(3).click();
    await page.waitForURL(new RegExp(`#/roadmaps/${roadmapId}/plan/${weeklyId}$`));
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('Наименование мероприятия').waitFor();
    expect(await drawer.getByLabel('Наименование мероприятия').inputValue()).toBe('Мониторинг посещаемости');
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
