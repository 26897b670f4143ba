/** «Сохранить в Excel» in «Сроки»: the list as shown (filters, sort, one line per measure), read back by openpyxl. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import type { ApiInput } from '../../electron/api/index';
import { apiOf, freshDb, tempDir } from '../helpers';
import { readXlsx } from './xlsx';

function seed() {
  const db = freshDb();
  const api = apiOf(db);
  const r = api('roadmaps.create', { title: 'Карта 2025/26', periodStart: '2025-09-01', periodEnd: '2026-05-31' });
  const other = api('roadmaps.create', { title: 'Альфа-карта', periodStart: '2025-01-01', periodEnd: '2025-12-31', autoNumber: false });
  api('plan.addMeasure', {
    roadmapId: r.id,
    sectionId: null,
    values: { name: 'Мониторинг посещаемости', term: 'еженедельно', executors: 'Русанова Е.А.' },
  });
  api('plan.addMeasure', {
    roadmapId: r.id,
    sectionId: null,
    values: { name: 'Отчёт', term: 'до 15 октября 2025', executors: 'Гокова В.Я.' },
  });
  api('plan.addMeasure', {
    roadmapId: other.id,
    sectionId: null,
    values: { name: 'Совещание', number: '4. 8', term: '20.11.2025', executors: 'Абрамова' },
  });
  return { db, r, other };
}

async function download(db: ReturnType<typeof freshDb>, input: ApiInput<'terms.dueDownloadXlsx'>) {
  const res = await callApi({ db }, 'terms.dueDownloadXlsx', input);
  if (!res.ok) throw new Error(res.error.message);
  const v = res.value as { fileName: string; base64: string };
  const file = path.join(tempDir(), v.fileName);
  fs.writeFileSync(file, Buffer.from(v.base64, 'base64'));
  return { fileName: v.fileName, sheet: readXlsx(file)[0]! };
}

describe('«Сроки» in Excel', () => {
  it('writes the overdue list as shown: one line per measure with its count, next date and dates, in the chosen order', async () => {
    const { db } = seed();
    const { fileName, sheet } = await download(db, { today: '2025-12-04', window: 'overdue', sortBy: 'executors', sortOrder: 'ascend' });
    expect(fileName).toBe('Сроки — Просрочено на 04.12.2025.xlsx');
    expect(sheet.name).toBe('Сроки');
    expect(sheet.rows[0]![0]).toBe('Сроки: просрочено на 04.12.2025');
    expect(sheet.rows[1]![0]).toBe('Строк: 3');
    expect(sheet.rows[2]).toEqual([
      'Срок',
      '№',
      'Мероприятие / решение',
      'Дорожная карта / протокол',
      'Срок как написан',
      'Исполнители',
      'Отметка',
      'Просрочено раз',
      'Следующий срок',
      'Все даты',
    ]);
    const body = sheet.rows.slice(3);
    // Sorted by executor, as on the screen: Абрамова, Гокова, Русанова.
    expect(body.map((row) => row[5])).toEqual(['Абрамова', 'Гокова В.Я.', 'Русанова Е.А.']);
    expect(body[0]).toEqual([
      { date: '2025-11-20' },
      '4. 8',
      'Совещание',
      'Альфа-карта',
      '20.11.2025',
      'Абрамова',
      'нет отметки',
      1,
      null,
      '20.11.2025',
    ]);
    const weekly = body[2]!;
    expect(weekly.slice(0, 9)).toEqual([
      { date: '2025-09-07' },
      '1',
      'Мониторинг посещаемости',
      'Карта 2025/26',
      'еженедельно',
      'Русанова Е.А.',
      'нет отметки',
      13,
      { date: '2025-12-07' },
    ]);
    expect(String(weekly[9]).split(', ')).toHaveLength(13);
    expect(sheet.formats.A4).toBe('dd.mm.yyyy');
    expect(sheet.formats.B4).toBe('@');
    expect(sheet.freeze).toBe('A4');
    expect(sheet.print).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      fitToPage: true,
      titleRows: '$3:$3',
    });
  });

  it('applies the filters: a roadmap, another window', async () => {
    const { db, other } = seed();
    const { sheet } = await download(db, { today: '2025-12-04', window: 'overdue', roadmapId: other.id });
    expect(sheet.rows.slice(3).map((row) => row[2])).toEqual(['Совещание']);
    const month = await download(db, { today: '2025-12-04', window: 'month' });
    expect(month.sheet.rows.slice(3).map((row) => [row[2], row[7], row[9]])).toEqual([
      ['Мониторинг посещаемости', 0, '07.12.2025, 14.12.2025, 21.12.2025, 28.12.2025'],
    ]);
  });

  it('saves through the desktop dialog atomically into the chosen file', async () => {
    const { db } = seed();
    const dir = tempDir();
    const ctx = {
      db,
      host: {
        chooseSavePath: async (p: string) => path.join(dir, path.basename(p)),
        chooseFolder: async () => dir,
        openPath: async () => {},
        showInFolder: () => {},
      },
    };
    const res = await callApi(ctx, 'terms.dueSaveXlsx', { today: '2025-12-04', window: 'overdue' });
    expect(res).toMatchObject({ ok: true, value: { cancelled: false, path: path.join(dir, 'Сроки — Просрочено на 04.12.2025.xlsx') } });
    expect(readXlsx(path.join(dir, 'Сроки — Просрочено на 04.12.2025.xlsx'))[0]!.rows).toHaveLength(6);
    expect(fs.readdirSync(dir)).toEqual(['Сроки — Просрочено на 04.12.2025.xlsx']);
  });
});
