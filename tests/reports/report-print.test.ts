/**
 * Quarterly reports with hostile titles and long texts, read back by openpyxl and printed by
 * LibreOffice: any title makes a legal, unique sheet name; the print never shrinks text below 10 pt;
 * and rows are tall enough that LibreOffice prints every word of a long cell.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { callApi } from '../../electron/api/call';
import { pdfText, toPdf } from '../documents/readers';
import { apiOf, closeDatabase, freshDb, tempDir } from '../helpers';
import { readXlsx, type Sheet } from './xlsx';

let db: Db;
let sheets: Sheet[];
const dir = tempDir('rmk-report-print-');
const file = path.join(dir, 'report.xlsx');
const TITLES = ["'Школа' [1]: план*?/\\", 'History', "Дорожная карта'", "'Дорожная карта'"];
/** A long cell ends with a word found nowhere else: if the row is too short, the print loses it. */
const longText = (n: number, marker: string) =>
  `${Array.from({ length: n }, (_, i) => `Проведение методического семинара для учителей начальных классов по теме ${i + 1}`).join('; ')} ${marker}`;

beforeAll(async () => {
  db = freshDb();
  const api = apiOf(db);
  TITLES.forEach((title, t) => {
    const r = api('roadmaps.create', { title, periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    api('plan.addMeasure', {
      roadmapId: r.id,
      sectionId: null,
      values: {
        name: longText(6 + t, `Зюйд${t}А`),
        term: 'Март 2024',
        executors: longText(2, `Зюйд${t}Б`),
        result: longText(3, `Зюйд${t}В`),
      },
    });
  });
  const report = await callApi({ db }, 'reports.download', { quarter: '2024-Q1', date: '2024-04-02', preparedBy: 'Иванова И.И.' });
  if (!report.ok) throw new Error(report.error.message);
  fs.writeFileSync(file, Buffer.from((report.value as { base64: string }).base64, 'base64'));
  sheets = readXlsx(file);
});
afterAll(() => closeDatabase(db));
const roadmapSheets = () => sheets.filter((s) => s.state === 'visible' && !['Сводка', 'Ход выполнения', 'Данные'].includes(s.name));

describe('a quarterly report of roadmaps with awkward titles and long texts', () => {
  it('gives every roadmap a legal sheet name (no []:*?/\\, no apostrophe at either end, not «History»), unique, at most 31 characters', () => {
    const names = sheets.map((s) => s.name);
    // «Сводка», «Ход выполнения», a sheet per roadmap, «Данные» and the hidden marker sheet.
    expect(names).toHaveLength(4 + TITLES.length);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
      expect(n).not.toMatch(/^'|'$/);
      expect(n.toLowerCase()).not.toBe('history');
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    // The print titles of each roadmap sheet still point at its header row.
    for (const s of roadmapSheets()) expect(s.print.titleRows).toBe('$8:$8');
  });

  it('prints no smaller than 10 pt: fitting to one page wide only where the text stays readable', () => {
    for (const s of sheets.filter((x) => x.state === 'visible')) {
      // What Excel does with «fit to one page wide»: the visible columns (7 px per unit plus 5) scaled into A4 landscape's width inside the margins.
      const columnsPx = s.columns.filter((c) => !c.hidden).reduce((sum, c) => sum + Math.trunc(c.width * 7 + 5), 0);
      const printablePx = (11.69 - s.margins.left - s.margins.right) * 96;
      const scale = s.print.fitToPage ? Math.min(1, printablePx / columnsPx) : (s.print.scale ?? 100) / 100;
      expect(s.minFont! * scale, `${s.name}: ${s.minFont} pt at ${scale}`).toBeGreaterThanOrEqual(10);
    }
  });

  it('prints «Сводка» one page wide: its last columns («Не начато / нет отметки», «Доля выполненных») are not split off', () => {
    expect(sheets.find((s) => s.name === 'Сводка')!.print.fitToPage).toBe(true);
  });

  it('LibreOffice prints every word of the long cells: the rows are tall enough', () => {
    const text = pdfText(toPdf(file)).replace(/\s+/g, ' ');
    TITLES.forEach((_, t) => {
      for (const marker of [`Зюйд${t}А`, `Зюйд${t}Б`, `Зюйд${t}В`]) expect(text, marker).toContain(marker);
    });
  });
});
