/**
 * The methodist's story in a real browser, on a fresh database: a roadmap with two sections and three
 * measures, one edited, one moved by keyboard and one by dragging, a reload — everything still there and
 * numbered right; then a meeting with its protocol.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getMeeting, listMeetings } from '../../db/meetings';
import type { Db } from '../../db/open';
import { getPlan } from '../../db/plan';

import { screenshot, useApp } from './chromium';

const app = useApp();
let db: Db;
let page: Page;
let errors: string[];
beforeAll(async () => {
  ({ db, page, errors } = app);
});

const planRows = () =>
  page.$$eval('[data-testid="plan"] .ant-table-row', (rows) =>
    rows.map((r) => {
      const section = r.querySelector('[data-testid="section-row"]');
      if (section) return `§ ${section.textContent}`;
      return `${r.querySelector('[data-testid="measure-number"]')?.textContent} ${r.querySelector('[data-testid="measure-name"]')?.textContent}`;
    }),
  );
const row = (text: string) => page.locator('[data-testid="plan"] .ant-table-row', { hasText: text });

async function addSection(title: string) {
  await page.getByRole('button', { name: /^(plus )?Раздел$/ }).click();
  await page.getByLabel('Название раздела').fill(title);
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить', exact: true }).click();
  await row(title).waitFor();
}

async function addMeasure(name: string, term: string) {
  await page.getByRole('button', { name: /^(plus )?Мероприятие$/ }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('Наименование мероприятия').fill(name);
  await drawer.getByLabel('Сроки').fill(term);
  await drawer.getByLabel('Ответственные исполнители').fill('Рабочая группа');
  await drawer.getByRole('button', { name: 'Сохранить' }).click();
  await row(name).waitFor();
}

describe('the plan editor in a browser', () => {
  it('creates a roadmap with a period typed as ДД.ММ.ГГГГ', async () => {
    await page.getByRole('button', { name: 'Новая дорожная карта' }).click();
    await page.getByLabel('Название').fill('Дорожная карта по поддержке ШНОР на 2024 год');
    await page.getByPlaceholder('Начальная дата').click();
    await page.getByPlaceholder('Начальная дата').fill('01.01.2024');
    await page.keyboard.press('Enter');
    await page.getByPlaceholder('Конечная дата').fill('31.12.2024');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.getByTestId('roadmap-title').waitFor();
    expect(await page.getByTestId('roadmap-title').textContent()).toBe('Дорожная карта по поддержке ШНОР на 2024 год');
  });

  it('adds two sections and three measures, numbered as they go', async () => {
    await addSection('Организационные мероприятия');
    await addSection('Методическое сопровождение');
    await row('Организационные мероприятия').click();
    await addMeasure('Заседание рабочей группы', 'Ежеквартально');
    await addMeasure('Анализ результатов ВПР', 'Май – июнь 2024');
    await row('Методическое сопровождение').click();
    await addMeasure('Консультации для педагогов', 'Февраль –ноябрь 2024');
    expect(await planRows()).toEqual([
      '§ 1. Организационные мероприятия',
      '1.1 Заседание рабочей группы',
      '1.2 Анализ результатов ВПР',
      '§ 2. Методическое сопровождение',
      '2.1 Консультации для педагогов',
    ]);
  });

  it('edits a measure in its form', async () => {
    await row('Анализ результатов ВПР').dblclick();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('Наименование мероприятия').fill('Анализ результатов ВПР и региональных мониторингов');
    await drawer.getByLabel('Наименование мероприятия').press('Control+Enter');
    await row('региональных мониторингов').waitFor();
  });

  it('moves a measure by keyboard (Alt+↑ crosses into the section above) and another by dragging', async () => {
    await row('Консультации для педагогов').click();
    await page.keyboard.press('Alt+ArrowUp');
    await page.waitForFunction(() => !document.body.textContent!.includes('2.1Консультации'));
    await expect
      .poll(planRows)
      .toEqual([
        '§ 1. Организационные мероприятия',
        '1.1 Заседание рабочей группы',
        '1.2 Анализ результатов ВПР и региональных мониторингов',
        '1.3 Консультации для педагогов',
        '§ 2. Методическое сопровождение',
      ]);
    await row('Заседание рабочей группы').dragTo(row('Методическое сопровождение'));
    await expect
      .poll(planRows)
      .toEqual([
        '§ 1. Организационные мероприятия',
        '1.1 Анализ результатов ВПР и региональных мониторингов',
        '1.2 Консультации для педагогов',
        '§ 2. Методическое сопровождение',
        '2.1 Заседание рабочей группы',
      ]);
  });

  it('after a reload everything is still there, numbered right, with terms as typed', async () => {
    await page.reload();
    await row('Заседание рабочей группы').waitFor();
    expect(await planRows()).toEqual([
      '§ 1. Организационные мероприятия',
      '1.1 Анализ результатов ВПР и региональных мониторингов',
      '1.2 Консультации для педагогов',
      '§ 2. Методическое сопровождение',
      '2.1 Заседание рабочей группы',
    ]);
    const roadmapId = db.sqlite.prepare('SELECT id FROM roadmaps').pluck().get() as number;
    const plan = getPlan(db, roadmapId);
    expect(plan.flatMap((s) => s.measures.map((m) => [m.number, m.term]))).toEqual([
      ['1.1', 'Май – июнь 2024'],
      ['1.2', 'Февраль –ноябрь 2024'],
      ['2.1', 'Ежеквартально'],
    ]);
    await screenshot(page, 'plan-fresh');
  });

  it('undoes the last change with Ctrl+Z', async () => {
    await page.getByTestId('plan').focus();
    await page.keyboard.press('Control+z');
    await expect
      .poll(planRows)
      .toEqual([
        '§ 1. Организационные мероприятия',
        '1.1 Заседание рабочей группы',
        '1.2 Анализ результатов ВПР и региональных мониторингов',
        '1.3 Консультации для педагогов',
        '§ 2. Методическое сопровождение',
      ]);
  });

  it('brings back what undo took with Ctrl+Y, Ctrl+Shift+Z and the «Вернуть» button', async () => {
    const dragged = [
      '§ 1. Организационные мероприятия',
      '1.1 Анализ результатов ВПР и региональных мониторингов',
      '1.2 Консультации для педагогов',
      '§ 2. Методическое сопровождение',
      '2.1 Заседание рабочей группы',
    ];
    const undone = [
      '§ 1. Организационные мероприятия',
      '1.1 Заседание рабочей группы',
      '1.2 Анализ результатов ВПР и региональных мониторингов',
      '1.3 Консультации для педагогов',
      '§ 2. Методическое сопровождение',
    ];
    await page.getByTestId('plan').focus();
    await page.keyboard.press('Control+y');
    await expect.poll(planRows).toEqual(dragged);
    await page.getByTestId('plan').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(planRows).toEqual(undone);
    await page.getByTestId('plan').focus();
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(planRows).toEqual(dragged);
    await page.getByTestId('plan').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(planRows).toEqual(undone);
    await page.getByRole('button', { name: /Вернуть$/ }).click();
    await expect.poll(planRows).toEqual(dragged);
    expect(await page.getByRole('button', { name: /Вернуть$/ }).isDisabled()).toBe(true);
  });

  it('creates a meeting with a protocol: agenda item, heard, decision with a term', async () => {
    await page.getByRole('menuitem', { name: 'Заседания и протоколы' }).click();
    await page.getByRole('button', { name: 'Новое заседание' }).click();
    await page.getByLabel('Место').fill('Отдел образования, каб. 12');
    await page.getByRole('button', { name: /Вопрос повестки$/ }).click();
    await page.getByLabel('Вопрос повестки').fill('О плане работы рабочей группы');
    await page.getByLabel('Слушали').fill('Гокову В.Я. о проекте плана');
    await page.getByRole('button', { name: /^(plus )?Решение$/ }).click();
    await page.getByPlaceholder('Решение', { exact: true }).fill('Утвердить план работы');
    await page.getByPlaceholder('Срок').fill('До 20 апреля 2024');
    await page.getByRole('button', { name: 'Сохранить протокол' }).click();
    await page.getByText('Протокол сохранён').waitFor();
    await page.reload();
    await page.getByLabel('Вопрос повестки').waitFor();
    expect(await page.getByLabel('Вопрос повестки').inputValue()).toBe('О плане работы рабочей группы');
    const [summary] = listMeetings(db);
    const meeting = getMeeting(db, summary!.id);
    expect(meeting.place).toBe('Отдел образования, каб. 12');
    expect(meeting.agenda).toMatchObject([
      {
        number: '1',
        title: 'О плане работы рабочей группы',
        heard: 'Гокову В.Я. о проекте плана',
        decisions: [{ number: '1.1', text: 'Утвердить план работы', term: 'До 20 апреля 2024' }],
      },
    ]);
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
