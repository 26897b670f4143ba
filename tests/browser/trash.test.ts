/**
 * «Корзина» in a real browser: a roadmap deleted from its editor lands in the bin with its counts,
 * comes back with the same ids and execution; an item is deleted for good after a confirmation
 * naming what is inside; «Очистить корзину». And a form opened before another window's save gets
 * the «Обновить» / «Перезаписать» choice instead of overwriting silently.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setExecution } from '../../db/executions';
import type { Db } from '../../db/open';
import { createPerson, deletePerson, updatePerson } from '../../db/people';
import { addMeasure, addSection, updateMeasure } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { screenshot, useApp } from './chromium';

let roadmapId = 0;
let measureIds: number[] = [];
let personId = 0;
const app = useApp((db) => {
  const r = createRoadmap(db, { title: 'Дорожная карта ШНОР 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  roadmapId = r.id;
  const s = addSection(db, r.id, 'Организационные мероприятия');
  measureIds = ['Заседание рабочей группы', 'Анализ ВПР', 'Семинар'].map((name) => addMeasure(db, r.id, s, { name, term: 'Май 2024' }));
  setExecution(db, { measureId: measureIds[0]!, quarter: '2024-Q2', status: 'done', result: 'Проведено', evidence: '', note: '' });
  personId = createPerson(db, { fullName: 'Гокова В.Я.', position: 'методист' }).id;
  deletePerson(db, createPerson(db, { fullName: 'Лишний Человек' }).id);
});
let db: Db;
let page: Page;
let errors: string[];
beforeAll(() => {
  ({ db, page, errors } = app);
});

const rows = () =>
  page.$$eval('.ant-table-tbody tr.ant-table-row', (trs) =>
    trs.map((tr) =>
      [...tr.querySelectorAll('td')]
        .filter((_, i) => i !== 2)
        .slice(0, 3)
        .map((td) => td.textContent)
        .join(' | '),
    ),
  );
const count = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;

describe('«Корзина»', () => {
  it('a roadmap deleted in its editor goes to the bin, said in the confirmation', async () => {
    await page.goto(`${app.server.url.split('#')[0]}#/roadmaps/${roadmapId}/plan`);
    await page.getByRole('button', { name: 'Удалить карту' }).click();
    await page.getByText('Она попадёт в корзину: её можно будет восстановить целиком.').waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Удалить' }).click();
    await page.waitForURL(/#\/roadmaps$/);
    expect(count('SELECT count(*) FROM roadmaps')).toBe(0);
  });

  it('lists what, when and how much is inside', async () => {
    await page.getByRole('menuitem', { name: 'Корзина' }).click();
    await page.getByRole('heading', { name: 'Корзина' }).waitFor();
    await expect
      .poll(rows)
      .toEqual([
        'Дорожная карта | Дорожная карта ШНОР 2024 | 1 раздел, 3 мероприятия, 1 отметка исполнения',
        'Человек | Лишний Человек | только сама запись',
      ]);
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').first().locator('td').nth(2).textContent()).toMatch(
      /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/,
    );
    await screenshot(page, 'trash');
  });

  it('«Удалить навсегда» names what is inside and deletes only after the confirmation', async () => {
    await page.locator('tr', { hasText: 'Лишний Человек' }).getByRole('button', { name: 'Удалить навсегда' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.locator('.ant-modal-confirm-title').textContent()).toBe('Удалить навсегда «Лишний Человек»?');
    expect(await confirm.locator('.ant-modal-confirm-content').textContent()).toBe(
      'Человек, внутри: только сама запись. Всё это будет удалено без возможности восстановления.',
    );
    await confirm.getByRole('button', { name: 'Отмена' }).click();
    expect(count('SELECT count(*) FROM trash')).toBe(2);
    await page.locator('tr', { hasText: 'Лишний Человек' }).getByRole('button', { name: 'Удалить навсегда' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Удалить навсегда' }).click();
    await expect.poll(rows).toEqual(['Дорожная карта | Дорожная карта ШНОР 2024 | 1 раздел, 3 мероприятия, 1 отметка исполнения']);
    expect(count('SELECT count(*) FROM trash')).toBe(1);
  });

  it('«Восстановить» brings the roadmap back with the same ids and its execution', async () => {
    await page.locator('tr', { hasText: 'Дорожная карта ШНОР 2024' }).getByRole('button', { name: 'Восстановить' }).click();
    await page.getByText('Корзина пуста').waitFor();
    expect(db.sqlite.prepare('SELECT id FROM measures WHERE roadmap_id = ? ORDER BY id').pluck().all(roadmapId)).toEqual(measureIds);
    expect(db.sqlite.prepare('SELECT status, result FROM executions WHERE measure_id = ?').get(measureIds[0])).toEqual({
      status: 'done',
      result: 'Проведено',
    });
    expect(await page.getByRole('button', { name: 'Очистить корзину' }).isDisabled()).toBe(true);
  });

  it('«Очистить корзину» asks first, then empties the bin', async () => {
    deletePerson(db, createPerson(db, { fullName: 'Ещё Один' }).id);
    await page.getByRole('menuitem', { name: 'Люди' }).click();
    await page.getByRole('menuitem', { name: 'Корзина' }).click();
    await expect.poll(rows).toEqual(['Человек | Ещё Один | только сама запись']);
    await page.getByRole('button', { name: 'Очистить корзину' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect
      .poll(() => confirm.locator('.ant-modal-confirm-content').textContent())
      .toMatch(/^Все записи в корзине \(1\) будут удалены навсегда/);
    await confirm.getByRole('button', { name: 'Очистить корзину' }).click();
    await page.getByText('Корзина пуста').waitFor();
    expect(count('SELECT count(*) FROM trash')).toBe(0);
  });
});

describe('a form opened before another window saved', () => {
  const dialog = () => page.locator('.ant-modal').filter({ hasText: 'Изменить' });

  it('is refused with the choice; «Обновить» shows the newer data, «Перезаписать» saves over it', async () => {
    await page.getByRole('menuitem', { name: 'Люди' }).click();
    await page.locator('tr', { hasText: 'Гокова В.Я.' }).getByRole('button', { name: 'Изменить' }).click();
    await dialog().getByLabel('Должность').fill('старший методист');
    // Another window saves the same person meanwhile.
    updatePerson(db, personId, { position: 'заместитель директора' });
    await dialog().getByRole('button', { name: 'Сохранить' }).click();
    const conflict = page.locator('.ant-modal-confirm');
    await expect
      .poll(() => conflict.locator('.ant-modal-confirm-title').textContent())
      .toBe('Запись изменена после того, как вы её открыли');
    // Both versions side by side: only the field that differs.
    const diff = () =>
      conflict
        .locator('[data-testid="stale-diff"] tbody tr.ant-table-row')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    await expect.poll(diff).toEqual([['Должность', 'заместитель директора', 'старший методист']]);
    await page.waitForTimeout(500); // the modal's opening animation, for the picture only
    await screenshot(page, 'stale-conflict');
    await conflict.getByRole('button', { name: 'Обновить' }).click();
    await expect.poll(() => dialog().getByLabel('Должность').inputValue()).toBe('заместитель директора');
    expect(db.sqlite.prepare('SELECT position FROM people WHERE id = ?').pluck().get(personId)).toBe('заместитель директора');

    // Refreshed, the form saves normally; then another conflict, overwritten knowingly.
    await dialog().getByLabel('Телефон').fill('8-900');
    updatePerson(db, personId, { email: 'other@example.ru' });
    await dialog().getByRole('button', { name: 'Сохранить' }).click();
    await conflict.getByRole('button', { name: 'Перезаписать' }).click();
    await expect.poll(() => db.sqlite.prepare('SELECT phone FROM people WHERE id = ?').pluck().get(personId)).toBe('8-900');
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it('the measure drawer: «Отмена» keeps what was typed, then «Перезаписать»', async () => {
    const id = measureIds[1]!;
    await page.goto(`${app.server.url.split('#')[0]}#/roadmaps/${roadmapId}/plan/${id}`);
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('Мероприятие 1.2').waitFor();
    await drawer.getByLabel('Ожидаемый результат').fill('Справка по итогам ВПР');
    updateMeasure(db, id, { result: 'Аналитическая справка' }); // another window
    const conflict = page.locator('.ant-modal-confirm');
    const diff = () =>
      conflict
        .locator('[data-testid="stale-diff"] tbody tr.ant-table-row')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    await drawer.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(diff).toEqual([['Ожидаемый результат', 'Аналитическая справка', 'Справка по итогам ВПР']]);
    await conflict.getByRole('button', { name: 'Отмена' }).click();
    await expect.poll(() => conflict.count()).toBe(0);
    expect(await drawer.getByLabel('Ожидаемый результат').inputValue()).toBe('Справка по итогам ВПР');
    await drawer.getByRole('button', { name: 'Сохранить' }).click();
    await conflict.getByRole('button', { name: 'Перезаписать' }).click();
    await expect.poll(() => db.sqlite.prepare('SELECT result FROM measures WHERE id = ?').pluck().get(id)).toBe('Справка по итогам ВПР');
    // The four refusals were the conflicts themselves; nothing else failed.
    expect(errors.filter((e) => !e.includes('Запись изменена после того, как вы её открыли'))).toEqual([]);
    expect(errors).toHaveLength(4);
  });
});
