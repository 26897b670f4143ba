/**
 * «Главная» in Chromium at 1366×768 on a given date (#/home?today=2024-11-15): its numbers are read
 * from the screen and compared with what «Сроки» lists for the same date and with the «Сводка» of
 * the quarterly report downloaded from «Отчёты и формы» — nothing assumed; a click on a number opens
 * «Сроки» filtered so (its rows checked); a line opens its measure. The screenshot is the README's
 * (tests/output/screenshots; with UPDATE_SCREENSHOTS=1 also docs/screenshots/home-1366x768.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveMeeting } from '../../db/meetings';
import type { Db } from '../../db/open';
import { SUMMARY_KEY_LABELS, SUMMARY_KEYS } from '../../shared/status-summary';
import { seedPlans } from '../bench/data';
import { tempDir } from '../helpers';
import { SCREENSHOTS, screenshot, useApp } from './chromium';

const TODAY = '2024-11-15';
const STATUSES = ['done', 'done_late', 'in_progress', 'not_done', 'postponed', 'not_started'] as const;

const app = useApp((db: Db) => {
  const school = db.sqlite.prepare("INSERT INTO organizations (kind, name, short_name) VALUES ('school', ?, ?)");
  // The generated executors name these schools (tests/bench/data.ts).
  for (const name of ['МБОУ СОШ с. Булава', 'МБОУ ООШ с. Солонцы', 'МБОУ СОШ п. Де-Кастри']) school.run(name, name.replace('МБОУ ', ''));
  seedPlans(db, 60, 30);
  const ids = db.sqlite.prepare('SELECT id FROM measures ORDER BY id').pluck().all() as number[];
  const mark = db.sqlite.prepare('INSERT INTO executions (measure_id, quarter, status) VALUES (?, ?, ?)');
  ids.forEach((id, i) => {
    for (let q = 1; q <= i % 5; q++) mark.run(id, `2024-Q${q}`, STATUSES[(i + q) % STATUSES.length]);
  });
  saveMeeting(db, null, {
    date: '2024-09-10',
    number: '4',
    place: '',
    chairId: null,
    secretaryId: null,
    attendeeIds: [],
    invitedIds: [],
    agenda: [
      {
        title: 'О мониторинге',
        heard: '',
        spoke: '',
        decisions: [
          { text: 'Подготовить справку о мониторинге', responsibleId: null, responsibleText: 'Русанова Е.А.', term: 'До 01.10.2024' },
        ],
      },
    ],
  });
});
let page: Page;
let errors: string[];
const base = () => app.server.url.split('#')[0]!;

beforeAll(async () => {
  ({ page, errors } = app);
  await page.setViewportSize({ width: 1366, height: 768 });
  page.setDefaultTimeout(15_000);
});

async function openHome(): Promise<void> {
  await page.goto(`${base()}#/home?today=${TODAY}`);
  await page.getByTestId('home-overdue-count').waitFor();
}

const countOf = async (window: string) => Number(await page.getByTestId(`home-${window}-count`).textContent());

/** «Сроки» as shown: its rows' first three cells, once the list has stopped loading. */
async function deadlineRows(): Promise<string[]> {
  await page.locator('.ant-table-wrapper').first().waitFor();
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  return page.$$eval('[data-testid="due-row"]', (rows) =>
    rows.map((r) =>
      [...r.querySelectorAll('td:not(.ant-table-row-expand-icon-cell)')]
        .slice(0, 3)
        .map((td) => td.textContent)
        .join(' | '),
    ),
  );
}

describe('«Главная»', () => {
  it('opens for a database with data, first in the menu, and shows every part', async () => {
    await page.goto(base());
    await page.getByTestId('home-page').waitFor();
    expect(await page.locator('.ant-menu-item').first().textContent()).toBe('Главная');
    await openHome();
    for (const part of ['home-overdue', 'home-week', 'home-month', 'home-progress', 'home-schools', 'home-imports'])
      expect(await page.getByTestId(part).isVisible(), part).toBe(true);
    // «Ход выполнения по кварталам»: the roadmaps in force now (the bars' roadmaps) and the district's line last.
    const bars = await page.getByTestId('home-progress-row').locator('a').allTextContents();
    const heads = await page.getByTestId('home-progress-chart').locator('[data-testid="progress-table"] thead th').allTextContents();
    expect(heads[0]).toBe('Квартал');
    expect(heads.at(-1)).toBe('Район');
    expect(heads.slice(1, -1).sort()).toEqual([...new Set(bars)].sort());
    await screenshot(page, 'home-1366x768');
    // The README's picture, refreshed on purpose only (as plan-layout.test.ts does).
    if (process.env.UPDATE_SCREENSHOTS === '1')
      fs.copyFileSync(path.join(SCREENSHOTS, 'home-1366x768.png'), path.resolve(__dirname, '../../docs/screenshots/home-1366x768.png'));
    expect(errors).toEqual([]);
  });

  for (const [window, title] of [
    ['overdue', 'Просрочено'],
    ['month', 'В этом месяце'],
  ] as const)
    it(`«${title}»: the number is the length of «Сроки» for the date, and opens it filtered, with the same first lines`, async () => {
      await openHome();
      const count = await countOf(window);
      expect(count).toBeGreaterThan(0);
      const first = await page
        .getByTestId(`home-${window}`)
        .getByTestId('home-line')
        .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
      await page.getByTestId(`home-${window}-count`).click();
      await page.waitForURL(new RegExp(`#/deadlines\\?window=${window}&today=${TODAY}$`));
      // The filter is on in the page: the window's switch and the date.
      expect(await page.locator('.ant-segmented-item-selected').textContent()).toBe(title);
      expect(await page.getByLabel('На дату').inputValue()).toBe('15.11.2024');
      const rows = await deadlineRows();
      expect(rows.length).toBe(count);
      // The start screen's lines are «Сроки»'s first ones: date and name in the same order.
      expect(first.length).toBe(Math.min(count, window === 'overdue' ? 5 : 3));
      first.forEach((line, i) => {
        const [due, number, name] = rows[i]!.split(' | ');
        expect(line).toBe(`${due}${number ? `${number}. ` : ''}${name}`);
      });
      // Overdue lines are before the date; the month's are in November.
      const isoOf = (ru: string) => ru.split('.').reverse().join('-');
      for (const r of rows) {
        const due = isoOf(r.split(' | ')[0]!);
        if (window === 'overdue') expect(due < TODAY).toBe(true);
        else expect(due.startsWith('2024-11')).toBe(true);
      }
    });

  it('a school opens «Сроки» filtered to the school and «просрочено», with as many lines as it says', async () => {
    await openHome();
    const schools = page.getByTestId('home-school');
    expect(await schools.count()).toBeGreaterThanOrEqual(2);
    const counts = (await page.getByTestId('home-school-count').allTextContents()).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const name = (await schools.nth(1).locator('span').first().textContent())!;
    await schools.nth(1).locator('a').click();
    await page.waitForURL(/#\/deadlines\?window=overdue&school=\d+&today=2024-11-15$/);
    // The school's name comes into the filter once «Сроки» has read the directory.
    await expect.poll(() => page.locator('.ant-select').filter({ hasText: name }).count()).toBe(1);
    expect((await deadlineRows()).length).toBe(counts[1]);
  });

  it('a line opens its measure in the plan', async () => {
    await openHome();
    const line = page.getByTestId('home-overdue').getByTestId('home-line').first();
    await line.click();
    await page.waitForURL(/#\/roadmaps\/\d+\/plan\/\d+$/);
    await page.locator('[data-testid="plan"]').waitFor();
  });

  it("the quarter's bars are the quarterly report's «Сводка» for the same quarter", async () => {
    await openHome();
    const bars = await page.getByTestId('home-progress-row').evaluateAll((rows) =>
      rows.map((r) => ({
        title: r.querySelector('a')?.textContent ?? '',
        total: r.querySelector('[data-testid="home-progress-total"]')?.textContent ?? '',
        segments: [...r.querySelectorAll('[data-status]')].map((s) => s.getAttribute('aria-label') ?? ''),
      })),
    );
    expect(bars.length).toBe(2);

    await page.getByRole('menuitem', { name: 'Отчёты и формы' }).click();
    await page.getByLabel('Квартал').click();
    await page.locator('.ant-select-item-option[title="IV кв. 2024"]').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать отчёт' }).click()]);
    const file = path.join(tempDir('rmk-ui-home-'), 'report.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Сводка')!;
    // Row 5 is the header: «Дорожная карта», «Мероприятий в отчёте», then the status columns in SUMMARY_KEYS order.
    expect(ws.getCell(5, 3).value).toBe(SUMMARY_KEY_LABELS.done);
    const report = bars.map((_, i) => {
      const row = ws.getRow(6 + i);
      return {
        title: String(row.getCell(1).value),
        total: `всего: ${row.getCell(2).value}`,
        segments: SUMMARY_KEYS.map((k, j) => ({
          label: `${SUMMARY_KEY_LABELS[k]}: ${row.getCell(3 + j).value}`,
          n: Number(row.getCell(3 + j).value),
        }))
          .filter((x) => x.n > 0)
          .map((x) => x.label),
      };
    });
    expect(bars).toEqual(report);
    expect(bars.some((b) => b.segments.length >= 3)).toBe(true);
    expect(errors).toEqual([]);
  });
});
