/**
 * «Сроки» in a real browser: a roadmap with known terms and a protocol decision, a given "today",
 * the right lines listed as overdue and as due this month; a line opens its measure. And the term
 * hint in the measure form follows the text as it is typed.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setExecution } from '../../db/executions';
import { saveMeeting } from '../../db/meetings';
import { addMeasure } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { screenshot, useApp } from './chromium';

let roadmapId = 0;
let seminarId = 0;
const app = useApp((db) => {
  const r = createRoadmap(db, { title: 'Дорожная карта ШНОР 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  roadmapId = r.id;
  const add = (name: string, term: string) => addMeasure(db, r.id, null, { name, term, executors: 'Рабочая группа' });
  add('Отчёт о мониторинге', 'до 25 марта 2024');
  const meetings = add('Заседания рабочей группы', 'ежеквартально');
  seminarId = add('Семинар для педагогов', '10–20 апреля 2024');
  add('Анализ ВПР', 'Май 2024');
  add('Консультации', 'По мере поступления запросов');
  setExecution(db, { measureId: meetings, quarter: '2024-Q1', status: 'done', result: 'Проведено', evidence: '', note: '' });
  saveMeeting(db, null, {
    date: '2024-02-01',
    number: '3',
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
        decisions: [{ text: 'Подготовить справку', responsibleId: null, responsibleText: 'Русанова Е.А.', term: 'До 05.04.2024' }],
      },
    ],
  });
});
let page: Page;
let errors: string[];
beforeAll(() => {
  ({ page, errors } = app);
});

// The first cell of a line is the expand button of its dates (empty for a single date): skipped.
const lines = () =>
  page.$$eval('[data-testid="due-row"]', (rows) =>
    rows.map((r) =>
      [...r.querySelectorAll('td:not(.ant-table-row-expand-icon-cell)')]
        .slice(0, 3)
        .map((td) => td.textContent)
        .join(' | '),
    ),
  );

describe('«Сроки»', () => {
  it('lists what is overdue on 08.04.2024: the March report and the protocol decision, not the quarterly meeting marked done', async () => {
    await page.getByRole('menuitem', { name: 'Сроки' }).click();
    const date = page.getByLabel('На дату');
    await date.click();
    await date.fill('08.04.2024');
    await date.press('Enter');
    await expect.poll(lines).toEqual(['25.03.2024 | 1 | Отчёт о мониторинге', '05.04.2024 | 1.1 | Подготовить справку']);
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Сроки' }).click();
    await screenshot(page, 'deadlines-overdue');
  });

  it('lists what is due this month, and this quarter', async () => {
    await page.getByText('В этом месяце').click();
    await expect.poll(lines).toEqual(['05.04.2024 | 1.1 | Подготовить справку', '20.04.2024 | 3 | Семинар для педагогов']);
    await page.getByText('В этом квартале').click();
    await expect
      .poll(lines)
      .toEqual([
        '05.04.2024 | 1.1 | Подготовить справку',
        '20.04.2024 | 3 | Семинар для педагогов',
        '31.05.2024 | 4 | Анализ ВПР',
        '30.06.2024 | 2 | Заседания рабочей группы',
      ]);
  });

  it('filters by roadmap (decisions belong to none)', async () => {
    await page.locator('.ant-select').filter({ hasText: 'Дорожная карта' }).click();
    await page.locator('.ant-select-item-option', { hasText: 'Дорожная карта ШНОР 2024' }).click();
    await expect
      .poll(lines)
      .toEqual(['20.04.2024 | 3 | Семинар для педагогов', '31.05.2024 | 4 | Анализ ВПР', '30.06.2024 | 2 | Заседания рабочей группы']);
  });

  it('opens the measure from its line', async () => {
    await page.locator('[data-testid="due-row"]', { hasText: 'Семинар для педагогов' }).click();
    await page.waitForURL(new RegExp(`#/roadmaps/${roadmapId}/plan/${seminarId}$`));
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('Мероприятие 3').waitFor();
    expect(await drawer.getByLabel('Наименование мероприятия').inputValue()).toBe('Семинар для педагогов');
  });

  it('explains the term as it is typed, and marks what it cannot read', async () => {
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.getByTestId('term-understood').textContent()).toBe('→ 10.04.2024 — 20.04.2024');
    await drawer.getByLabel('Сроки').fill('ежеквартально');
    await expect.poll(() => drawer.getByTestId('term-understood').textContent()).toBe('→ ежеквартально: 31.03, 30.06, 30.09, 31.12');
    await drawer.getByLabel('Сроки').fill('по мере поступления запросов');
    await expect.poll(() => drawer.getByTestId('term-understood').textContent()).toBe('⚠ срок не распознан');
    await screenshot(page, 'term-hint');
    await drawer.getByRole('button', { name: 'Отмена' }).click();
    // In the table, every term carries how it was understood.
    const hints = await page.$$eval('[data-testid="plan"] [data-testid="term-understood"]', (xs) => xs.map((x) => x.textContent));
    expect(hints).toEqual([
      '→ до 25.03.2024',
      '→ ежеквартально: 31.03, 30.06, 30.09, 31.12',
      '→ 10.04.2024 — 20.04.2024',
      '→ 01.05.2024 — 31.05.2024',
      '⚠ срок не распознан',
    ]);
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
