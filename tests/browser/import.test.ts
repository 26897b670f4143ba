/** «Импорт» in Chromium: a Word file previewed (column mapping, warnings) and imported; a pasted table too. */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dumpRoadmap } from '../../db/dump';
import type { Db } from '../../db/open';

import { screenshot, useApp } from './chromium';

const app = useApp();
let db: Db;
let page: Page;
let errors: string[];
beforeAll(async () => {
  ({ db, page, errors } = app);
});

describe('importing a roadmap in the UI', () => {
  it('previews a Word file, lets the mapping be seen and changed, and imports it on confirmation', async () => {
    await page.getByRole('button', { name: 'Импорт из Word / Excel…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(path.resolve(__dirname, '../fixtures/import/ulchsky.docx'));
    await dialog.getByTestId('import-counts').waitFor();
    expect(await dialog.getByTestId('import-counts').textContent()).toBe('разделов: 2, мероприятий: 8');
    // The columns as found: captions with their meaning (executors before the term, as in the file).
    const mapping = await dialog.locator('.ant-select-content').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(mapping.slice(0, 5)).toEqual(['№', 'Мероприятие', 'Исполнители', 'Срок', 'Результат / показатель']);
    expect(db.sqlite.prepare('SELECT count(*) FROM roadmaps').pluck().get()).toBe(0);
    await screenshot(page, 'import-preview');
    await dialog.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByTestId('roadmap-title').waitFor();
    expect(await page.getByTestId('roadmap-title').textContent()).toMatch(/^ДОРОЖНАЯ КАРТА краевого проекта/);
    const id = db.sqlite.prepare('SELECT id FROM roadmaps').pluck().get() as number;
    expect(dumpRoadmap(db, id).sections.map((s) => s.measures.length)).toEqual([4, 4]);
    await page
      .locator('[data-testid="plan"] .ant-table-row', { hasText: 'Формирование состава муниципальных и школьных координаторов' })
      .waitFor();
  });

  it('imports a table pasted from Excel', async () => {
    await page.getByRole('menuitem', { name: 'Дорожные карты' }).click();
    await page.getByRole('button', { name: 'Импорт из Word / Excel…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('tab', { name: 'Вставить таблицу' }).click();
    await dialog
      .getByLabel('Вставленная таблица')
      .fill('План на 2025 год\n№\tМероприятие\tСрок\tОтветственные\n1.\tСовещание\tЯнварь 2025\tРМК\n2.\tМониторинг\tЕжеквартально\tРМК');
    await dialog.getByRole('button', { name: 'Разобрать' }).click();
    await dialog.getByTestId('import-counts').waitFor();
    expect(await dialog.getByTestId('import-counts').textContent()).toBe('разделов: 0, мероприятий: 2');
    await dialog.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByTestId('roadmap-title').waitFor();
    expect(await page.getByTestId('roadmap-title').textContent()).toBe('План на 2025 год');
  });

  it('shows the appendix mark «к Муниципальной программе …» in the preview and keeps it in the passport', async () => {
    const mark = 'Приложение 1 к Муниципальной программе поддержки школ с низкими образовательными результатами на 2022–2024 годы';
    await page.getByRole('menuitem', { name: 'Дорожные карты' }).click();
    await page.getByRole('button', { name: 'Импорт из Word / Excel…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('tab', { name: 'Вставить таблицу' }).click();
    await dialog
      .getByLabel('Вставленная таблица')
      .fill(
        `${mark}\nДорожная карта ГО Карпинск на 2022 год\n№\tМероприятие\tСрок\t\n1.\tСовещание\tмарт 2022\tРуководители ОО\n2.\tАнализ ВПР\tапрель 2022\tРМК`,
      );
    await dialog.getByRole('button', { name: 'Разобрать' }).click();
    await dialog.getByTestId('import-appendix-mark').waitFor();
    expect(await dialog.getByTestId('import-appendix-mark').textContent()).toBe(mark);
    await dialog.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByTestId('roadmap-title').waitFor();
    expect(await page.getByTestId('roadmap-title').textContent()).toBe('Дорожная карта ГО Карпинск на 2022 год');
    await page.getByRole('tab', { name: 'Паспорт и параметры' }).click();
    expect(await page.getByTestId('passport-appendix-mark').inputValue()).toBe(mark);
    const id = db.sqlite.prepare('SELECT max(id) FROM roadmaps').pluck().get() as number;
    expect(dumpRoadmap(db, id).sections[0]!.measures.map((m) => m.executors)).toEqual(['Руководители ОО', 'РМК']);
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
