/** «Отчёты и формы» in Chromium: the report and a school's form as downloads; the answered form uploaded, previewed and applied. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { fillDemo } from '../../electron/demo';
import { quartersOfPeriod } from '../../shared/quarters';
import { apiOf, tempDir } from '../helpers';
import { screenshot, useApp } from './chromium';

const dir = tempDir('rmk-ui-reports-');
// The demo district, and a roadmap of 2024 that the II quarter of 2022 must not offer.
const app = useApp((db: Db) => {
  fillDemo(db);
  apiOf(db)('roadmaps.create', { title: 'Дорожная карта на 2024 год', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
});
let db: Db;
let page: Page;
let errors: string[];
beforeAll(async () => {
  ({ db, page, errors } = app);
  await page.getByRole('menuitem', { name: 'Отчёты и формы' }).click();
  await page.getByLabel('Квартал').click();
  await page.locator('.ant-select-item-option[title="II кв. 2022"]').click();
});

describe('reports and forms in the UI', () => {
  it('downloads the quarterly report', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать отчёт' }).click()]);
    expect(download.suggestedFilename()).toBe('Отчёт_Городской_округ_Карпинск_2022-Q2.xlsx');
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const names = spawnSync(
      '/usr/bin/python3',
      ['-c', 'import sys; from openpyxl import load_workbook; print([ws.title for ws in load_workbook(sys.argv[1]).worksheets])', file],
      { encoding: 'utf8' },
    ).stdout;
    expect(names).toContain('Сводка');
  });

  it('offers only the roadmaps in force in the chosen quarter', async () => {
    const all = apiOf(db)('roadmaps.list');
    const inForce = all.filter((r) => quartersOfPeriod(r.periodStart, r.periodEnd).includes('2022-Q2')).map((r) => r.title);
    // The seed adds a roadmap of 2024, or this could not fail.
    expect(all.length).toBeGreaterThan(inForce.length);
    // The roadmaps' select is the page's only multiple one; its dropdown is the one holding a roadmap in force.
    await page.locator('.ant-select-multiple').first().click();
    const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`.ant-select-item-option[title="${inForce[0]}"]`) });
    await dropdown.waitFor();
    const offered = await dropdown.locator('.ant-select-item-option').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(offered.sort()).toEqual([...inForce].sort());
    await page.keyboard.press('Escape');
  });

  it("downloads a school's form, takes it back filled in, shows old → new and writes it on confirmation", async () => {
    await page.locator('.ant-select').filter({ hasText: 'Школа' }).click();
    await page.locator('.ant-select-item-option[title="МАОУ СОШ № 2"]').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать форму' }).click()]);
    const form = path.join(dir, download.suggestedFilename());
    await download.saveAs(form);
    const measureId = db.sqlite
      .prepare("SELECT m.id FROM measures m JOIN roadmaps r ON r.id = m.roadmap_id WHERE r.title LIKE '%Карпинск%' AND m.number = '1.3'")
      .pluck()
      .get() as number;
    const answered = path.join(dir, 'answered.xlsx');
    const fill = spawnSync(
      '/usr/bin/python3',
      [
        path.join(__dirname, '../reports/fill_form.py'),
        form,
        answered,
        JSON.stringify({
          answers: { [measureId]: { status: 'выполнено не в срок', result: 'Программы обновлены' } },
          filledBy: 'Петрова А.С., зам. директора по УВР',
        }),
      ],
      { encoding: 'utf8' },
    );
    expect(fill.status, fill.stderr).toBe(0);

    await page.locator('input[type=file]').setInputFiles(answered);
    await page.getByText('Изменений: 1, с конфликтами: 0').waitFor();
    const row = page.locator('.ant-table-row').first();
    // Read as «с нарушением срока», with the school's own words and who filled the form in beside it.
    expect(await row.textContent()).toContain('—выполнено с нарушением срока · Программы обновлены');
    expect(await row.getByTestId('typed-status').textContent()).toBe('в форме: «выполнено не в срок»');
    expect(await row.textContent()).toContain('заполнил(а): Петрова А.С., зам. директора по УВР');
    expect(db.sqlite.prepare("SELECT count(*) FROM executions WHERE measure_id = ? AND quarter = '2022-Q2'").pluck().get(measureId)).toBe(
      0,
    );
    await screenshot(page, 'answers-preview');
    await page.getByRole('button', { name: 'Записать выбранные (1)' }).click();
    await page.getByText('Ответы записаны').waitFor();
    expect(
      db.sqlite
        .prepare("SELECT status, result, filled_by AS filledBy FROM executions WHERE measure_id = ? AND quarter = '2022-Q2'")
        .get(measureId),
    ).toEqual({ status: 'done_late', result: 'Программы обновлены', filledBy: 'Петрова А.С., зам. директора по УВР' });
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
