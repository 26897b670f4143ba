/**
 * Nothing typed is lost by accident: the measure drawer, the protocol and the roadmap forms ask
 * «Сохранить изменения?» on Escape, a click outside, switching pages and a reload, and do what the
 * answer says — «Отмена» keeps the form, «Не сохранять» drops the changes, «Сохранить» saves them.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { addMeasure, addSection } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { useApp } from './chromium';

let roadmapId = 0;
let measureId = 0;
const app = useApp((db) => {
  const r = createRoadmap(db, { title: 'Дорожная карта ШНОР 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  roadmapId = r.id;
  const s = addSection(db, r.id, 'Организационные мероприятия');
  measureId = addMeasure(db, r.id, s, { name: 'Заседание рабочей группы', term: 'Ежеквартально' });
});
let db: Db;
let page: Page;
let errors: string[];
beforeAll(() => {
  ({ db, page, errors } = app);
  // A step that waits in vain fails on its own line, not as the whole test's timeout.
  page.setDefaultTimeout(10_000);
});

const prompt = () => page.getByRole('dialog', { name: 'Сохранить изменения?' });
const answer = async (button: 'Сохранить' | 'Не сохранять' | 'Отмена') => {
  // A click while the question is still zooming in can be lost on a loaded machine: wait for it to settle.
  await expect.poll(() => prompt().evaluate((el) => el.className)).not.toMatch(/zoom-(appear|enter)/);
  await prompt().getByRole('button', { name: button, exact: true }).click();
  await prompt().waitFor({ state: 'hidden' });
};
const measureName = () => db.sqlite.prepare('SELECT name FROM measures WHERE id = ?').pluck().get(measureId);
const drawer = () => page.locator('.ant-drawer:visible');
const nameField = () => drawer().getByLabel('Наименование мероприятия');
const menu = (name: string) => page.getByRole('menuitem', { name }).click();

/** Reloads the page and answers the browser's own «leave the site?» question with «stay». */
async function reloadAndStay(): Promise<string> {
  const dialog = page.waitForEvent('dialog');
  void page.evaluate(() => window.location.reload()).catch(() => {});
  const d = await dialog;
  const type = d.type();
  await d.dismiss();
  return type;
}

async function openMeasure(): Promise<void> {
  await page.goto(`${app.server.url}#/roadmaps/${roadmapId}/plan`);
  await page.locator('[data-testid="plan"] .ant-table-row', { hasText: 'Заседание рабочей группы' }).dblclick();
  await nameField().waitFor();
}

describe('the measure drawer', () => {
  it('Escape asks, and «Отмена» keeps the drawer with what was typed', async () => {
    await openMeasure();
    await nameField().fill('Заседание рабочей группы (изменено)');
    await page.keyboard.press('Escape');
    await prompt().waitFor();
    await answer('Отмена');
    expect(await nameField().inputValue()).toBe('Заседание рабочей группы (изменено)');
  });

  it('a click outside asks, and «Не сохранять» closes it without saving', async () => {
    await page.mouse.click(40, 450);
    await prompt().waitFor();
    await answer('Не сохранять');
    await drawer().waitFor({ state: 'hidden' });
    expect(measureName()).toBe('Заседание рабочей группы');
  });

  it('a drawer without changes closes on Escape without asking', async () => {
    await page.locator('[data-testid="plan"] .ant-table-row', { hasText: 'Заседание рабочей группы' }).dblclick();
    await nameField().waitFor();
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
    expect(await prompt().count()).toBe(0);
  });

  it("a reload asks the browser's question, and staying keeps the text", async () => {
    await openMeasure();
    await nameField().fill('Заседание рабочей группы — не потерять');
    expect(await reloadAndStay()).toBe('beforeunload');
    expect(await nameField().inputValue()).toBe('Заседание рабочей группы — не потерять');
  });

  it("switching pages (the drawer's mask covers the menu: an address change, as Back does) asks, and «Сохранить» saves, then goes", async () => {
    await page.evaluate(() => void (window.location.hash = '#/people'));
    await prompt().waitFor();
    await answer('Сохранить');
    await page.getByRole('heading', { name: 'Люди' }).waitFor();
    expect(measureName()).toBe('Заседание рабочей группы — не потерять');
  });
});

describe('the protocol', () => {
  const meetings = () => db.sqlite.prepare('SELECT count(*) FROM meetings').pluck().get();

  it('«Новое заседание» writes nothing until it is saved', async () => {
    await menu('Заседания и протоколы');
    await page.getByRole('button', { name: 'Новое заседание' }).click();
    await page.getByLabel('Место').waitFor();
    expect(meetings()).toBe(0);
  });

  it('switching pages with changes asks; «Отмена» stays on the protocol', async () => {
    await page.getByLabel('Место').fill('Отдел образования, каб. 12');
    await menu('Люди');
    await prompt().waitFor();
    await answer('Отмена');
    expect(page.url()).toMatch(/#\/meetings\/new$/);
    expect(await page.getByLabel('Место').inputValue()).toBe('Отдел образования, каб. 12');
  });

  it("a reload asks the browser's question", async () => {
    expect(await reloadAndStay()).toBe('beforeunload');
    expect(await page.getByLabel('Место').inputValue()).toBe('Отдел образования, каб. 12');
  });

  it("the browser's Back asks too; «Не сохранять» leaves and nothing is written", async () => {
    await page.evaluate(() => window.history.back());
    await prompt().waitFor();
    await answer('Не сохранять');
    await page.getByRole('button', { name: 'Новое заседание' }).waitFor();
    expect(meetings()).toBe(0);
  });

  it('«Сохранить» from the question saves the protocol once', async () => {
    await page.getByRole('button', { name: 'Новое заседание' }).click();
    await page.getByLabel('Место').fill('Каб. 5');
    await menu('Приказы');
    await prompt().waitFor();
    await answer('Сохранить');
    await page
      .getByRole('heading', { name: /Приказы/ })
      .first()
      .waitFor();
    expect(db.sqlite.prepare('SELECT place FROM meetings').pluck().all()).toEqual(['Каб. 5']);
  });
});

describe('the roadmap forms', () => {
  const roadmaps = () => db.sqlite.prepare('SELECT count(*) FROM roadmaps').pluck().get();

  it('the new roadmap form asks on Escape and on a click outside', async () => {
    await menu('Дорожные карты');
    await page.getByRole('button', { name: 'Новая дорожная карта' }).click({ timeout: 10_000 });
    await page
      .getByRole('dialog', { name: 'Новая дорожная карта' })
      .getByLabel('Название')
      .fill('Дорожная карта на 2025 год', { timeout: 10_000 });
    await page.keyboard.press('Escape');
    await prompt().waitFor();
    await answer('Отмена');
    expect(await page.getByLabel('Название').inputValue()).toBe('Дорожная карта на 2025 год');
    await page.mouse.click(20, 20);
    await prompt().waitFor();
    await answer('Не сохранять');
    await page.getByRole('dialog', { name: 'Новая дорожная карта' }).waitFor({ state: 'hidden' });
    expect(roadmaps()).toBe(1);
  });

  it('the passport asks when leaving its tab, and «Сохранить» saves it as an undoable step', async () => {
    await page.goto(`${app.server.url}#/roadmaps/${roadmapId}/passport`);
    await page.getByLabel('Цель').fill('Повышение качества образования');
    await page.getByRole('tab', { name: 'План мероприятий' }).click();
    await prompt().waitFor();
    await answer('Сохранить');
    await page.getByTestId('plan').waitFor();
    expect(db.sqlite.prepare('SELECT goal FROM roadmaps WHERE id = ?').pluck().get(roadmapId)).toBe('Повышение качества образования');
    await page.getByRole('button', { name: /Отменить$/ }).click();
    await expect.poll(() => db.sqlite.prepare('SELECT goal FROM roadmaps WHERE id = ?').pluck().get(roadmapId)).toBe('');
    expect(errors).toEqual([]);
  });
});

describe('text longer than a field allows', () => {
  it('is not cut: the counter shows it and saving is refused with how long it may be', async () => {
    // Still on the plan, with the passport tab visited: its «Название» must not be taken for the section's.
    await page.getByTestId('plan').waitFor();
    await page.getByRole('button', { name: /^(plus )?Раздел$/ }).click();
    const title = page.getByLabel('Название раздела');
    await title.fill('Раздел '.repeat(300));
    expect((await title.inputValue()).length).toBe(2100);
    await page.getByText('2100 / 2000').waitFor();
    await page.getByRole('dialog', { name: 'Новый раздел' }).getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText('Не более 2000 символов (сейчас 2100)').waitFor();
    expect(db.sqlite.prepare('SELECT count(*) FROM sections WHERE roadmap_id = ?').pluck().get(roadmapId)).toBe(1);
    await page.keyboard.press('Escape');
    await answer('Не сохранять');
  });
});
