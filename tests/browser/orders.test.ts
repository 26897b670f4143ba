/** «Предложить текст» in an order: empty fields are filled; the user's own text is replaced only when they say so. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDemo } from '../../electron/demo';
import { useApp } from './chromium';

const app = useApp(fillDemo);
let page: Page;
let errors: string[];
beforeAll(() => {
  ({ page, errors } = app);
  page.setDefaultTimeout(10_000);
});

describe("the order's suggested text", () => {
  it('fills the empty fields, asks before replacing typed text, and «Оставить мой текст» keeps it', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${app.server.url}#/orders/new`);
    const title = page.getByLabel('Заголовок');
    await title.fill('Мой заголовок приказа');
    await page.getByRole('button', { name: /Предложить текст/ }).click();
    const ask = page.getByRole('dialog', { name: 'Заменить уже написанный текст?' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('«Заголовок»');
    await ask.getByRole('button', { name: 'Оставить мой текст' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(await title.inputValue()).toBe('Мой заголовок приказа');
    // The empty «ПРИКАЗЫВАЮ» clauses were filled without asking.
    expect((await page.getByLabel(/Пункты после/).inputValue()).length).toBeGreaterThan(20);

    await page.getByRole('button', { name: /Предложить текст/ }).click();
    const again = page.getByRole('dialog', { name: 'Заменить уже написанный текст?' });
    await again.getByRole('button', { name: 'Заменить' }).click();
    await again.waitFor({ state: 'hidden' });
    expect(await title.inputValue()).not.toBe('Мой заголовок приказа');
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
