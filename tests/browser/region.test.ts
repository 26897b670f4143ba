/** «Свод по региону» in Chromium (1366×768): districts' reports uploaded, consolidated and downloaded; a foreign file named and left out. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDemo } from '../../electron/demo';
import { buildQuarterlyReport } from '../../electron/reports/quarterly';
import { setDepartment, getDepartment } from '../../db/settings';
import { closeDatabase, freshDb, tempDir } from '../helpers';
import { readXlsx } from '../reports/xlsx';
import { screenshot, useApp } from './chromium';

const dir = tempDir('rmk-ui-region-');
const app = useApp(fillDemo);
let page: Page;
let errors: string[];
const files: string[] = [];
let expectedTotal = 0;

beforeAll(async () => {
  ({ page, errors } = app);
  await page.setViewportSize({ width: 1366, height: 768 });
  // Two districts: the app's own database and another with its own name.
  const other = freshDb();
  try {
    fillDemo(other);
    const { version: _v, ...d } = getDepartment(other);
    setDepartment(other, { ...d, districtName: 'Ульчский район', districtCode: '08650000' });
    for (const [db, name] of [
      [app.db, 'Карпинск.xlsx'],
      [other, 'Ульчский.xlsx'],
    ] as const) {
      const r = await buildQuarterlyReport(db, { quarter: '2022-Q2', date: '2022-07-05' });
      expectedTotal += r.summary.reduce((n, l) => n + l.total, 0);
      fs.writeFileSync(path.join(dir, name), r.data);
      files.push(path.join(dir, name));
    }
  } finally {
    closeDatabase(other);
  }
  const foreign = new ExcelJS.Workbook();
  foreign.addWorksheet('Лист1').getCell('A1').value = 'Смета';
  await foreign.xlsx.writeFile(path.join(dir, 'Смета.xlsx'));
  files.push(path.join(dir, 'Смета.xlsx'));
  await page.getByRole('menuitem', { name: 'Свод по региону' }).click();
});

describe('«Свод по региону» in the UI', () => {
  it('takes several files, consolidates them into a download and names the refused one', async () => {
    await page.locator('input[type=file]').setInputFiles(files);
    await page.getByText('Смета.xlsx').waitFor();
    expect(await page.locator('.ant-list-item').count()).toBe(3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Свести и скачать' }).click()]);
    expect(download.suggestedFilename()).toBe('Свод_по_региону_2022-Q2.xlsx');
    const out = path.join(dir, download.suggestedFilename());
    await download.saveAs(out);
    await page.getByText('Результат свода').waitFor();
    await page.getByText('Файл «Смета.xlsx» — не квартальный отчёт программы «Дорожные карты РМК»', { exact: false }).waitFor();
    expect(await page.getByText(`Районов: 2; мероприятий: ${expectedTotal}`).count()).toBe(1);
    const rows = await page.locator('.ant-table-row').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^Городской округ КарпинскII кв\. 2022/);
    expect(rows[1]).toMatch(/^Ульчский районII кв\. 2022/);
    expect(rows[2]).toMatch(new RegExp(`^Итого${expectedTotal}\\d`));
    const sheets = readXlsx(out);
    // The demo districts' indicators side by side in «Индикаторы».
    expect(sheets.map((s) => s.name)).toEqual(['Свод', 'Просрочено', 'Данные', 'Индикаторы']);
    expect(sheets[2]!.rows.length - 1).toBe(expectedTotal);
    // Nothing sticks out of a 1366-pixel window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await screenshot(page, 'region');
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
