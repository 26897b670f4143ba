/**
 * Indicator values from an Excel sheet, as a methodist brings the schools' figures in: the preview names
 * every row's outcome and every problem by its row, a file with any problem writes nothing (through the
 * API and through the CLI), a clean file lands on the board, and a damaged file gets the usual refusals.
 */
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import { previewIndicatorImport } from '../../electron/import/indicators';
import { createIndicator, indicatorBoard, setIndicatorValue } from '../../db/indicators';
import type { Db } from '../../db/open';
import { FILE_LIMITS } from '../../shared/limits';
import { apiOf, closeDatabase, runCli, snapshotAll, tempDir } from '../helpers';
import { makeXlsx, sheetXml, xrow } from '../hostile/make';
import { openDatabase } from '../../db/open';

const SHARE = 'Доля выпускников, преодолевших порог ЕГЭ';
const OLYMPIAD = 'Число участников олимпиад';
const HEADER = ['Школа', 'Индикатор', 'Учебный год', 'Вид', 'Значение', 'Число участников', 'Дата', 'Источник данных'];

const GOOD: (string | number | Date)[][] = [
  ['МАОУ СОШ № 1', SHARE, 2024, 'факт', 75.5, 30, new Date(Date.UTC(2024, 5, 15)), 'Протокол ЕГЭ'],
  ['СОШ № 2', 'доля выпускников, преодолевших порог ЕГЭ', '2024', 'Целевое', '80 %', '', '', ''],
  ['школа № 2', OLYMPIAD, '2024/2025', '', 12, '', '', 'Приказ № 5'],
];
const BAD: (string | number)[][] = [
  ['СОШ № 1', SHARE, 2025, 'факт', 'н/д', '', '', ''],
  ['СОШ № 2', SHARE, 2025, 'фактическое', '140 %', '', '', ''],
  ['Гимназия № 9', SHARE, 2024, 'факт', 50, '', '', ''],
  ['СОШ № 2', SHARE, 2024, 'план', 85, '', '', ''],
  ['СОШ № 1', 'Доля победителей конкурсов', 2024, 'факт', 10, '', '', ''],
];

/** A sheet as a methodist makes it: a title line, the header in row 2, the rows from row 3. */
async function book(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Значения');
  ws.addRow(['Значения индикаторов за 2024 год']);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(7).numFmt = 'dd.mm.yyyy';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface World {
  db: Db;
  roadmapId: number;
  s1: number;
  s2: number;
  share: number;
  olympiad: number;
}

function seed(db: Db): World {
  const api = apiOf(db);
  const roadmapId = api('roadmaps.create', { title: 'Поддержка ШНОР 2024–2025', periodStart: '2024-01-01', periodEnd: '2025-12-31' }).id;
  const s1 = api('organizations.create', { kind: 'school', name: 'Средняя школа № 1', shortName: 'МАОУ СОШ № 1' }).id;
  const s2 = api('organizations.create', { kind: 'school', name: 'Средняя школа № 2', shortName: 'МБОУ СОШ № 2' }).id;
  const share = createIndicator(db, roadmapId, { name: SHARE, unit: 'percent' }).id;
  const olympiad = createIndicator(db, roadmapId, { name: OLYMPIAD, unit: 'people', yearKind: 'school' }).id;
  // What the school reported before: the file's 75,5 replaces it.
  setIndicatorValue(db, { indicatorId: share, schoolId: s1, kind: 'actual', year: 2024, value: 70 });
  return { db, roadmapId, s1, s2, share, olympiad };
}

const dbFile = () => path.join(tempDir(), 'test.sqlite');
let w: World;
beforeEach(() => {
  w = seed(openDatabase(dbFile()));
});

const call = async (method: 'indicators.importPreview' | 'indicators.importApply', data: Buffer, extra: object = {}) =>
  callApi({ db: w.db }, method, { fileName: 'Значения.xlsx', base64: data.toString('base64'), roadmapId: w.roadmapId, ...extra });

describe('indicator values from Excel', () => {
  it('the preview names every row: new, replacing, and each problem by its row; applying refuses and writes nothing', async () => {
    const data = await book([...GOOD, ...BAD]);
    const r = await call('indicators.importPreview', data);
    expect(r.ok).toBe(true);
    const p = (r as { value: Awaited<ReturnType<typeof previewIndicatorImport>> }).value;
    expect(p.rows.map((x) => [x.row, x.outcome])).toEqual([
      [3, 'replace'],
      [4, 'new'],
      [5, 'new'],
      [6, 'problem'],
      [7, 'problem'],
      [8, 'problem'],
      [9, 'problem'],
      [10, 'problem'],
    ]);
    expect(p.rows[0]).toMatchObject({ schoolId: w.s1, indicatorId: w.share, kind: 'actual', year: 2024, value: 75.5, old: 70 });
    expect(p.rows[0]).toMatchObject({ weight: 30, measuredOn: '2024-06-15', evidence: 'Протокол ЕГЭ' });
    expect(p.rows[1]).toMatchObject({ schoolId: w.s2, kind: 'target', value: 80, old: null });
    // «2024/2025» is the school year keyed by its first year.
    expect(p.rows[2]).toMatchObject({ indicatorId: w.olympiad, kind: 'actual', year: 2024, yearLabel: '2024/2025', value: 12 });
    expect(p.problems).toEqual([
      'Строка 6: значение «н/д» — не число.',
      'Строка 7: Доля в процентах должна быть от 0 до 100: «140 %» (%).',
      'Строка 8: школа «Гимназия № 9» не найдена в справочнике организаций.',
      'Строка 9: повтор: та же школа, индикатор, вид и год уже в строке 4.',
      'Строка 10: индикатор «Доля победителей конкурсов» не найден среди индикаторов дорожной карты.',
    ]);
    expect(p.counts).toEqual({ new: 2, replace: 1, same: 0, problem: 5 });

    const before = snapshotAll(w.db);
    const applied = await call('indicators.importApply', data);
    expect(applied).toMatchObject({ ok: false, error: { code: 'import_problems' } });
    expect((applied as { error: { message: string } }).error.message).toMatch(
      /ошибок: 5 — ничего не записано\.\nСтрока 6: значение «н\/д»/,
    );
    expect(snapshotAll(w.db)).toEqual(before);
  });

  it('a clean file is written in one go and the board shows the values', async () => {
    const r = await call('indicators.importApply', await book(GOOD));
    expect(r).toEqual({ ok: true, value: { written: 3, replaced: 1, unchanged: 0 } });
    const board = indicatorBoard(w.db, w.roadmapId);
    const share = board.indicators.find((i) => i.id === w.share)!;
    expect(share.lines.find((l) => l.schoolId === w.s1)!.years[0]).toMatchObject({
      year: 2024,
      actual: 75.5,
      measuredOn: '2024-06-15',
      evidence: 'Протокол ЕГЭ',
    });
    expect(share.lines.find((l) => l.schoolId === w.s2)!.years[0]).toMatchObject({ target: 80, actual: null });
    const olympiad = board.indicators.find((i) => i.id === w.olympiad)!;
    expect(olympiad.lines[0]!.years.find((y) => y.year === 2024)).toMatchObject({ actual: 12, computed: true });
    // The same file again changes nothing but says so.
    const again = await call('indicators.importPreview', await book(GOOD));
    expect((again as { value: { counts: object } }).value.counts).toEqual({ new: 0, replace: 0, same: 3, problem: 0 });
  });

  it('without a roadmap, a name two roadmaps share is reported; the «Дорожная карта» column settles it', async () => {
    const api = apiOf(w.db);
    const other = api('roadmaps.create', { title: 'Вторая карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' }).id;
    createIndicator(w.db, other, { name: SHARE, unit: 'percent' });
    const rows = [['СОШ № 2', SHARE, 2024, 'факт', 60]];
    const p1 = (await call('indicators.importPreview', await book(rows), { roadmapId: undefined })) as {
      value: { problems: string[] };
    };
    expect(p1.value.problems).toEqual([
      `Строка 3: индикатор «${SHARE}» есть в нескольких дорожных картах («Вторая карта», «Поддержка ШНОР 2024–2025»): выберите дорожную карту или заполните столбец «Дорожная карта».`,
    ]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.addRow(['ОО', 'Показатель', 'Год', 'Значение', 'Дорожная карта']);
    ws.addRow(['СОШ № 2', SHARE, 2024, 60, 'Вторая карта']);
    const p2 = (await call('indicators.importPreview', Buffer.from(await wb.xlsx.writeBuffer()), { roadmapId: undefined })) as {
      value: { problems: string[]; rows: { roadmapId: number; row: number }[] };
    };
    expect(p2.value.problems).toEqual([]);
    expect(p2.value.rows[0]).toMatchObject({ roadmapId: other, row: 2 });
  });

  it('a damaged, an old-format or a huge file gets the Russian refusals and writes nothing', async () => {
    const before = snapshotAll(w.db);
    const good = await book(GOOD);
    const refusal = async (data: Buffer) => {
      const r = await call('indicators.importPreview', data);
      expect(r.ok).toBe(false);
      return (r as { error: { code: string; message: string } }).error;
    };
    expect(await refusal(good.subarray(0, 400))).toMatchObject({ code: 'bad_file', message: /повреждён/ });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await refusal(ole)).toMatchObject({ code: 'xls_or_encrypted' });
    const many = makeXlsx([
      { xml: sheetXml(xrow(1, HEADER) + Array.from({ length: 60_000 }, (_, i) => xrow(i + 2, ['СОШ № 1'])).join('')) },
    ]);
    expect(await refusal(many)).toMatchObject({ code: 'too_many_rows', message: /больше 50 000 заполненных строк/ });
    expect(
      await refusal(
        await (async () => {
          const wb = new ExcelJS.Workbook();
          wb.addWorksheet('Лист1').addRow(['Что-то другое', 'совсем']);
          return Buffer.from(await wb.xlsx.writeBuffer());
        })(),
      ),
    ).toMatchObject({ code: 'no_table', message: /«Школа», «Индикатор», «Год» и «Значение»/ });
    // Over the size limit: refused before a byte is read (called directly: the API's own limit would refuse it as input).
    await expect(
      previewIndicatorImport(w.db, { fileName: 'Огромный.xlsx', data: Buffer.alloc(FILE_LIMITS.fileBytes + 1) }),
    ).rejects.toMatchObject({ code: 'too_large' });
    expect(snapshotAll(w.db)).toEqual(before);
  });
});

describe('the CLI: import indicators', () => {
  it('--dry-run lists the rows and writes nothing; a file with problems exits 1 naming them; a clean file is written', async () => {
    const file = w.db.path;
    const dir = tempDir();
    const bad = path.join(dir, 'Ошибки.xlsx');
    const good = path.join(dir, 'Значения.xlsx');
    fs.writeFileSync(bad, await book([...GOOD, ...BAD]));
    fs.writeFileSync(good, await book(GOOD));
    const before = snapshotAll(w.db);
    closeDatabase(w.db);
    const roadmap = String(w.roadmapId);

    const dry = runCli(['import', 'indicators', '--db', file, good, '--dry-run', '--roadmap', roadmap]);
    expect(dry.status, dry.stderr).toBe(0);
    const lines = dry.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { row?: number; outcome?: string; dryRun?: boolean });
    expect(lines.map((l) => l.outcome ?? 'summary')).toEqual(['replace', 'new', 'new', 'summary']);
    expect(lines.at(-1)).toEqual({ dryRun: true, new: 2, replace: 1, same: 0, problem: 0 });

    const refused = runCli(['import', 'indicators', '--db', file, bad, '--roadmap', roadmap]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Строка 6: значение «н/д» — не число.');
    expect(refused.stderr).toContain('Строка 8: школа «Гимназия № 9» не найдена в справочнике организаций.');
    expect(refused.stderr).toContain('ошибок: 5 — ничего не записано');

    let db = openDatabase(file);
    expect(snapshotAll(db)).toEqual(before);
    closeDatabase(db);

    const done = runCli(['import', 'indicators', '--db', file, good]);
    expect(done.status, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout.trim().split('\n').at(-1)!)).toEqual({ written: 3, replaced: 1, unchanged: 0 });
    db = openDatabase(file);
    const share = indicatorBoard(db, w.roadmapId).indicators.find((i) => i.id === w.share)!;
    expect(share.lines.find((l) => l.schoolId === w.s1)!.years[0]!.actual).toBe(75.5);
    closeDatabase(db);
  });
});
