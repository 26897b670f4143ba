/** «Отчёты и формы» in Chromium: a school's form with the sheet «Показатели» filled, its indicator values previewed «было → станет» and written. */
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { fillDemo } from '../../electron/demo';
import { formLines } from '../../electron/reports/form';
import { createIndicator, indicatorBoard, setIndicatorValue } from '../../db/indicators';
import { tempDir } from '../helpers';
import { useApp } from './chromium';

const NAME = 'Доля обучающихся, успешно выполнивших ВПР (браузер)';
const dir = tempDir('rmk-ui-form-indicators-');
const seeded = { school: 0, roadmap: 0, indicator: 0 };
const app = useApp((db: Db) => {
  fillDemo(db);
  seeded.school = db.sqlite.prepare("SELECT id FROM organizations WHERE short_name = 'МАОУ СОШ № 2'").pluck().get() as number;
  seeded.roadmap = formLines(db, '2022-Q2', seeded.school)[0]!.roadmapId;
  seeded.indicator = createIndicator(db, seeded.roadmap, { name: NAME, unit: 'percent' }).id;
  setIndicatorValue(db, { indicatorId: seeded.indicator, schoolId: seeded.school, kind: 'actual', year: 2022, value: 60 });
});
let db: Db;
let page: Page;
let errors: string[];
beforeAll(async () => {
  ({ db, page, errors } = app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('menuitem', { name: 'Отчёты и формы' }).click();
  await page.getByLabel('Квартал').click();
  await page.locator('.ant-select-item-option[title="II кв. 2022"]').click();
});

describe('indicator values through the school form, in the UI', () => {
  it('the filled «Показатели» values are listed «было → станет» and written on confirmation', async () => {
    await page.locator('.ant-select').filter({ hasText: 'Школа' }).click();
    await page.locator('.ant-select-item-option[title="МАОУ СОШ № 2"]').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать форму' }).click()]);
    const form = path.join(dir, download.suggestedFilename());
    await download.saveAs(form);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    let filled = 0;
    wb.getWorksheet('Показатели')!.eachRow((row) => {
      if (Number(row.getCell(1).value) !== seeded.indicator) return;
      row.getCell(7).value = '75,5';
      row.getCell(9).value = 'Протокол ВПР';
      filled++;
    });
    expect(filled).toBe(1);
    const answered = path.join(dir, 'answered.xlsx');
    fs.writeFileSync(answered, Buffer.from(await wb.xlsx.writeBuffer()));

    await page.locator('input[type=file]').setInputFiles(answered);
    await page.getByText('Значения индикаторов (лист «Показатели»): 1').waitFor();
    const row = page.getByRole('table').last().locator('.ant-table-row', { hasText: NAME });
    expect(await row.textContent()).toContain('60');
    expect(await row.textContent()).toContain('75,5 · Протокол ВПР');
    await page.getByRole('button', { name: 'Записать выбранные (0) и значения индикаторов (1)' }).click();
    await page.getByText('Ответы записаны').waitFor();
    const line = indicatorBoard(db, seeded.roadmap, { schoolId: seeded.school })
      .indicators.find((i) => i.id === seeded.indicator)!
      .lines.find((l) => l.schoolId === seeded.school)!;
    expect(line.years.find((y) => y.year === 2022)).toMatchObject({ actual: 75.5, evidence: 'Протокол ВПР' });
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
