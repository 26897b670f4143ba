/** «Печать / Сохранить в Word» in the browser mode: a preview, then the .docx arrives as a download and reads back. */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { fillDemo } from '../../electron/demo';
import { paragraphs, readDocx, tables } from '../documents/readers';
import { tempDir } from '../helpers';
import { screenshot, useApp } from './chromium';

const app = useApp(fillDemo);
let db: Db;
let page: Page;
let errors: string[];
beforeAll(async () => {
  ({ db, page, errors } = app);
});

describe('Word documents from the UI', () => {
  it('previews the appendix of the Karpinsk roadmap and downloads it with a name a person would type', async () => {
    const id = db.sqlite.prepare("SELECT id FROM roadmaps WHERE title LIKE '%Карпинск%'").pluck().get() as number;
    await page.evaluate((h) => (window.location.hash = h), `#/roadmaps/${id}/plan`);
    await page.getByRole('button', { name: /Печать \/ Сохранить в Word/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Разделов / мероприятий').waitFor();
    expect(await dialog.getByTestId('document-file-name').textContent()).toBe('Файл: Приложение 1 к приказу № 38-д от 28.03.2022.docx');
    await dialog.getByText('Книжная').click();
    await dialog.getByText('книжная', { exact: true }).waitFor();
    await page.waitForTimeout(300); // let the radio's animation finish before the picture
    await screenshot(page, 'document-dialog');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Скачать .docx' }).click()]);
    expect(download.suggestedFilename()).toBe('Приложение 1 к приказу № 38-д от 28.03.2022.docx');
    const file = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(file);
    const d = readDocx(file);
    expect(d.sections[0]!.orientation).toBe('portrait');
    expect(paragraphs(d)[0]!.text).toMatch(/^Приложение 1 к приказу отдела образования/);
    expect(tables(d).at(-1)!.rows.length).toBe(1 + 3 + 7);
  });

  it('downloads the protocol from the meeting screen', async () => {
    const id = db.sqlite.prepare('SELECT id FROM meetings').pluck().get() as number;
    await page.evaluate((h) => (window.location.hash = h), `#/meetings/${id}`);
    await page.getByRole('button', { name: /Печать \/ Сохранить в Word/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Решений').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Скачать .docx' }).click()]);
    expect(download.suggestedFilename()).toBe('Протокол № 1 от 14.04.2022.docx');
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
