/**
 * Schools in executors, in a real browser at 1366×768: a school's other spellings edited in the
 * directory; «Связать исполнителей со школами…» on a plan with «МБОУ "СОШ №2"» and «СОШ № 24», one
 * row unchecked, the rest linked; the measure's form shows the linked school.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../db/organizations';
import { addMeasure } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { screenshot, useApp } from './chromium';

const ids = { roadmap: 0, two: 0, twentyFour: 0, ivanovka: 0, m2: 0, m24: 0, mIvanovka: 0 };
const app = useApp((db) => {
  ids.two = createOrganization(db, { kind: 'school', name: 'Средняя общеобразовательная школа № 2', shortName: 'МАОУ СОШ № 2' }).id;
  ids.twentyFour = createOrganization(db, {
    kind: 'school',
    name: 'Средняя общеобразовательная школа № 24',
    shortName: 'МАОУ СОШ № 24',
  }).id;
  ids.ivanovka = createOrganization(db, {
    kind: 'school',
    name: 'Основная общеобразовательная школа д. Ивановка',
    shortName: 'МКОУ ООШ д. Ивановка',
  }).id;
  const r = createRoadmap(db, { title: 'Дорожная карта ШНОР на 2024 год', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  ids.roadmap = r.id;
  ids.m2 = addMeasure(db, r.id, null, { name: 'Методический десант во вторую школу', term: 'Март 2024', executors: 'МБОУ "СОШ №2"' });
  ids.m24 = addMeasure(db, r.id, null, { name: 'Семинар в двадцать четвёртой', term: 'Апрель 2024', executors: 'СОШ № 24' });
  ids.mIvanovka = addMeasure(db, r.id, null, { name: 'Выездное совещание', term: 'Май 2024', executors: 'Ивановская школа, РМК' });
});
let page: Page;
let errors: string[];
const base = () => app.server.url.split('?')[0];
beforeAll(async () => {
  ({ page, errors } = app);
  await page.setViewportSize({ width: 1366, height: 768 });
});

const links = () =>
  app.db.sqlite
    .prepare(
      'SELECT measure_id AS m, organization_id AS o FROM measure_executors WHERE organization_id IS NOT NULL ORDER BY measure_id, organization_id',
    )
    .all() as { m: number; o: number }[];

describe('schools recognised in executors', () => {
  it("edits a school's other spellings («Другие написания») in the directory", async () => {
    await page.goto(`${base()}#/organizations`);
    const row = page.locator('tr', { hasText: 'МКОУ ООШ д. Ивановка' });
    await row.getByRole('button', { name: 'Изменить' }).click();
    const dialog = page.locator('.ant-modal', { hasText: 'Изменить организацию' });
    const aliases = dialog.getByLabel('Другие написания');
    await aliases.fill('Ивановская школа\nШкола в Ивановке');
    await dialog.getByText('По одному на строку').waitFor();
    await screenshot(page, 'school-aliases');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await row.getByTestId('org-aliases').waitFor();
    expect(await row.getByTestId('org-aliases').textContent()).toBe('Ивановская школа; Школа в Ивановке');
    expect(app.db.sqlite.prepare('SELECT aliases FROM organizations WHERE id = ?').pluck().get(ids.ivanovka)).toBe(
      'Ивановская школа\nШкола в Ивановке',
    );
  });

  it('proposes the links in one list, links the checked rows only, and the measure form shows the school', async () => {
    await page.goto(`${base()}#/roadmaps/${ids.roadmap}/plan`);
    await page.getByRole('button', { name: 'Связать исполнителей со школами…' }).click();
    const dialog = page.locator('.ant-modal', { hasText: 'Связать исполнителей со школами' });
    const list = dialog.getByTestId('school-links');
    await list.getByText('Выездное совещание').waitFor();
    const rows = list.locator('tbody tr.ant-table-row');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent)))).toEqual([
      ['1', 'Методический десант во вторую школу', 'МБОУ "СОШ №2"', 'МАОУ СОШ № 2'],
      ['2', 'Семинар в двадцать четвёртой', 'СОШ № 24', 'МАОУ СОШ № 24'],
      ['3', 'Выездное совещание', 'Ивановская школа, РМК', 'МКОУ ООШ д. Ивановка'],
    ]);
    // All checked by default; the methodist unchecks «СОШ № 24».
    expect(await rows.locator('input[type="checkbox"]:checked').count()).toBe(3);
    await rows.nth(1).locator('input[type="checkbox"]').uncheck();
    await dialog.getByText('Выбрано: 2 мероприятия, 2 связи.').waitFor();
    await screenshot(page, 'school-links');
    await dialog.getByRole('button', { name: 'Связать' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(links()).toEqual([
      { m: ids.m2, o: ids.two },
      { m: ids.mIvanovka, o: ids.ivanovka },
    ]);

    // Opened afresh, as after a restart: the form reads the links from the database, not from the dialog.
    await page.goto(`${base()}#/roadmaps/${ids.roadmap}/plan/${ids.m2}`);
    await page.reload();
    const drawer = page.locator('.ant-drawer');
    const linked = drawer.locator('.ant-form-item', { hasText: 'Исполнители из справочника' }).locator('.ant-select-selection-item');
    // The label comes with the directory: wait for it, not for the raw value.
    await linked.filter({ hasText: 'МАОУ СОШ № 2' }).waitFor();
    expect(await linked.allTextContents()).toEqual(['МАОУ СОШ № 2']);
  });

  it('has nothing left to propose but the unchecked row', async () => {
    await page.goto(`${base()}#/roadmaps/${ids.roadmap}/plan`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Связать исполнителей со школами…' }).click();
    const dialog = page.locator('.ant-modal', { hasText: 'Связать исполнителей со школами' });
    await dialog.getByTestId('school-links').getByText('Семинар в двадцать четвёртой').waitFor();
    expect(await dialog.locator('tbody tr.ant-table-row').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(links()).toHaveLength(2);
  });

  it('offers the links right after an import, before the new plan opens', async () => {
    await page.goto(`${base()}#/roadmaps`);
    await page.getByRole('button', { name: 'Импорт из Word / Excel…' }).click();
    const importing = page.getByRole('dialog');
    await importing.getByRole('tab', { name: 'Вставить таблицу' }).click();
    await importing
      .getByLabel('Вставленная таблица')
      .fill(
        'План на 2025 год\n№\tМероприятие\tСрок\tОтветственные\n1.\tСовещание\tЯнварь 2025\tРМК\n2.\tМониторинг\tЕжеквартально\tМАОУ «СОШ № 2», СОШ №24',
      );
    await importing.getByRole('button', { name: 'Разобрать' }).click();
    await importing.getByTestId('import-counts').waitFor();
    await importing.getByRole('button', { name: 'Импортировать' }).click();
    const dialog = page.locator('.ant-modal', { hasText: 'Связать исполнителей со школами' });
    await dialog.getByTestId('school-links').getByText('Мониторинг').waitFor();
    expect(await dialog.locator('tbody tr.ant-table-row .ant-tag').allTextContents()).toEqual(['МАОУ СОШ № 2', 'МАОУ СОШ № 24']);
    await dialog.getByRole('button', { name: 'Связать' }).click();
    await page.getByTestId('roadmap-title').getByText('План на 2025 год').waitFor();
    const imported = app.db.sqlite.prepare("SELECT id FROM roadmaps WHERE title = 'План на 2025 год'").pluck().get() as number;
    const monitoring = app.db.sqlite
      .prepare("SELECT id FROM measures WHERE roadmap_id = ? AND name = 'Мониторинг'")
      .pluck()
      .get(imported) as number;
    expect(links().filter((l) => l.m === monitoring)).toEqual([
      { m: monitoring, o: ids.two },
      { m: monitoring, o: ids.twentyFour },
    ]);
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
