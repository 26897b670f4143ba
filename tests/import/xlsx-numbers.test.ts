/**
 * A measure number typed in Excel as a number: «4.10» in a cell formatted «0.00» is the number 4.1 in
 * the file. The import reads what the cell shows («4.10»), not the stored number, so it no longer
 * duplicates the measure 4.1; and two measures that really share a number are named in the preview.
 */
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { formatNumber } from '../../electron/files/number-format';
import { readBook } from '../../electron/files/xlsx-book';
import { AppError } from '../../db/errors';
import { commitImport, previewImport } from '../../electron/import/index';
import { dumpRoadmap } from '../../db/dump';
import { closeDatabase, freshDb } from '../helpers';

let db: Db;
beforeEach(() => {
  db = freshDb();
  return () => closeDatabase(db);
});

/** One sheet: B2.. hold `values`, each with its number format (undefined = General). */
async function book(values: [number | string, string | undefined][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  values.forEach(([v, fmt], i) => {
    const c = ws.getCell(i + 2, 2);
    c.value = v;
    if (fmt) c.numFmt = fmt;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const shown = async (values: [number | string, string | undefined][]) => {
  const [sheet] = readBook(await book(values), {
    fileName: 'книга.xlsx',
    wanted: () => true,
    damaged: () => new AppError('bad_file', 'повреждён'),
    tail: '',
  });
  return values.map((_, i) => sheet!.rows.get(i + 2)?.get(2) ?? '');
};

describe('number cells read as Excel shows them', () => {
  it('by the cell format written by exceljs', async () => {
    expect(
      await shown([
        [4.1, '0.00'],
        [4.1, undefined],
        ['4.10', undefined],
        ['4.10', '@'],
        [4.1, '0'],
        [4.5, '0'],
        [12, '0.0'],
        [4.1, '0.0#'],
        [4.125, '0.0#'],
        [1.005, '0.00'],
        [0.35, '0%'],
        [1234.5, '#,##0.00'],
        [3, '"п. "0'],
        [7, '00'],
        [-2.5, '0.00;(0.00)'],
        [2, '0.00E+00'],
      ]),
    ).toEqual(['4.10', '4.1', '4.10', '4.10', '4', '5', '12.0', '4.1', '4.13', '1.01', '35%', '1 234.50', 'п. 3', '07', '(2.50)', '2']);
  });

  it('the formatter alone: General, text, built-in and custom codes', () => {
    expect(formatNumber(4.1, 'General')).toBe('4.1');
    expect(formatNumber(4.1, undefined)).toBe('4.1');
    expect(formatNumber(4.1, '@')).toBe('4.1');
    expect(formatNumber(0.5, '#.00')).toBe('.50');
    expect(formatNumber(4.1, '[Red]0.00')).toBe('4.10');
    expect(formatNumber(-4.1, '0.00')).toBe('-4.10');
    expect(formatNumber(10, '0.00"."')).toBe('10.00.');
  });
});

describe('the import of a plan with number cells', () => {
  async function plan(rows: [number | string, string | undefined, string][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('План');
    ws.addRow(['Дорожная карта на 2024 год']);
    ws.addRow(['№', 'Мероприятие', 'Срок', 'Ответственные']);
    ws.addRow(['4. Работа с педагогами']);
    ws.mergeCells(3, 1, 3, 4);
    for (const [n, fmt, name] of rows) {
      const r = ws.addRow([n, name, 'Ежеквартально', 'РМК']);
      if (fmt) r.getCell(1).numFmt = fmt;
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('«4.10» in a «0.00» cell stays 4.10 next to 4.1 and 4.9, with no warning of a repeat', async () => {
    const data = await plan([
      [4.1, undefined, 'Семинар для учителей математики'],
      [4.9, undefined, 'Курсы для учителей русского языка'],
      [4.1, '0.00', 'Методический день в МАОУ СОШ № 2'],
    ]);
    const p = await previewImport(db, { fileName: 'план.xlsx', data });
    expect(p.sections.map((s) => [s.number, s.measures.map((m) => m.number)])).toEqual([['4', ['4.1', '4.9', '4.10']]]);
    expect(p.warnings.filter((w) => w.includes('повторяется'))).toEqual([]);
    const r = await commitImport(db, { fileName: 'план.xlsx', data });
    expect(dumpRoadmap(db, r.roadmapId).sections[0]!.measures.map((m) => m.number)).toEqual(['4.1', '4.9', '4.10']);
  });

  it('two measures with one number are both kept and named in a Russian warning', async () => {
    const data = await plan([
      [4.1, undefined, 'Семинар для учителей математики'],
      [4.1, undefined, 'Методический день в МАОУ СОШ № 2'],
      [4.2, undefined, 'Курсы'],
    ]);
    const p = await previewImport(db, { fileName: 'план.xlsx', data });
    expect(p.sections[0]!.measures.map((m) => m.number)).toEqual(['4.1', '4.1', '4.2']);
    expect(p.warnings).toContain(
      'Номер «4.1» повторяется у 2 мероприятий (таблица 1, строка 4; таблица 1, строка 5) — проверьте нумерацию: оба импортируются с этим номером.',
    );
  });

  it('the same number in two sections that restart their numbering is no repeat', async () => {
    const p = await previewImport(db, {
      fileName: 'Вставленная таблица',
      text: '№\tМероприятие\tСрок\n1. Организация\t\t\n1\tСовещание\tмарт 2024\n2\tСеминар\tапрель 2024\n2. Методика\t\t\n1\tКурсы\tмай 2024\n',
    });
    expect(p.sections.map((s) => s.measures.map((m) => m.number))).toEqual([['1', '2'], ['1']]);
    expect(p.warnings.filter((w) => w.includes('повторяется'))).toEqual([]);
  });
});
