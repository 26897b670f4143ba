/**
 * The school form's round trip of indicators: the form gains the sheet «Показатели» (read with openpyxl:
 * captions, hidden ids, protection, the fill cells open), the school fills it (with exceljs, as Excel
 * would save it), the answers preview shows the actual values «было → станет», applying writes them with
 * the answers in one transaction, a bad value refuses the file naming its row, an old form still reads.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import { fillDemo } from '../../electron/demo';
import { previewAnswers } from '../../electron/reports/answers';
import { buildSchoolForm, formLines } from '../../electron/reports/form';
import { createIndicator, indicatorBoard, setIndicatorValue } from '../../db/indicators';
import type { Db } from '../../db/open';
import { closeDatabase, freshDb, runCli, snapshotAll, tempDir } from '../helpers';
import { openDatabase } from '../../db/open';

const PYTHON = '/usr/bin/python3';
const QUARTER = '2022-Q2';
let db: Db;
let school: number;
let roadmapId: number;
let share: number;
let olympiad: number;

beforeEach(() => {
  db = freshDb();
  fillDemo(db);
  school = db.sqlite.prepare("SELECT id FROM organizations WHERE short_name = 'МАОУ СОШ № 2'").pluck().get() as number;
  roadmapId = formLines(db, QUARTER, school)[0]!.roadmapId;
  share = createIndicator(db, roadmapId, { name: 'Доля обучающихся, успешно выполнивших ВПР (тест)', unit: 'percent' }).id;
  olympiad = createIndicator(db, roadmapId, { name: 'Число участников олимпиад (тест)', unit: 'people', yearKind: 'school' }).id;
  setIndicatorValue(db, { indicatorId: share, schoolId: school, kind: 'target', year: 2022, value: 80 });
  setIndicatorValue(db, { indicatorId: share, schoolId: school, kind: 'actual', year: 2022, value: 60, weight: 25 });
});

/** The made form with the «Показатели» cells of the given indicators filled: value, date, evidence. */
async function filled(form: Buffer, answers: Record<number, [string | number, Date | null, string]>, drop = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(form as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Показатели')!;
  if (drop) wb.removeWorksheet(ws.id);
  else
    ws.eachRow((row) => {
      const a = answers[Number(row.getCell(1).value)];
      if (!a) return;
      row.getCell(7).value = a[0];
      if (a[1]) row.getCell(8).value = a[1];
      row.getCell(9).value = a[2];
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the school form and indicators', () => {
  it('the sheet «Показатели»: captions, the year of the quarter, the target read-only, the fill cells open, hidden ids', async () => {
    const form = await buildSchoolForm(db, { quarter: QUARTER, schoolId: school });
    const file = path.join(tempDir(), 'форма.xlsx');
    fs.writeFileSync(file, form.data);
    const script = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['Показатели']
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3, max_row=ws.max_row)]
mine = [r for r in rows[1:] if r[0] in (${share}, ${olympiad})]
print(json.dumps({'header': rows[0], 'mine': [[str(v) if v is not None else None for v in r] for r in mine],
  'hidden': sorted(c for d in ws.column_dimensions.values() if d.hidden for c in range(d.min, d.max + 1)), 'protected': ws.protection.sheet,
  'locked': {k: ws.cell(4, c).protection.locked for k, c in (('target', 6), ('actual', 7), ('date', 8), ('evidence', 9), ('name', 3))}}, ensure_ascii=False))`;
    const r = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as {
      header: string[];
      mine: string[][];
      hidden: number[];
      protected: boolean;
      locked: Record<string, boolean>;
    };
    expect(got.header).toEqual([
      'id',
      'year',
      'Индикатор',
      'Ед. изм.',
      'Год',
      'Целевое значение',
      'Фактическое значение',
      'Дата',
      'Подтверждение',
    ]);
    expect(got.mine).toEqual([
      [String(share), '2022', 'Доля обучающихся, успешно выполнивших ВПР (тест)', '%', '2022', '80', '60', null, null],
      // 2022-Q2 (April–June) lies in the school year 2021/2022.
      [String(olympiad), '2021', 'Число участников олимпиад (тест)', 'человек', '2021/2022', null, null, null, null],
    ]);
    // Columns A and B (the id and the year) hidden: exceljs writes them as one <col min=1 max=2>.
    expect(got.hidden).toEqual([1, 2]);
    expect(got.protected).toBe(true);
    expect(got.locked).toEqual({ target: true, actual: false, date: false, evidence: false, name: true });
  });

  it('the filled values are previewed «было → станет» and written with the answers; the board shows them', async () => {
    const form = (await buildSchoolForm(db, { quarter: QUARTER, schoolId: school })).data;
    const data = await filled(form, { [share]: ['75,5', new Date(Date.UTC(2022, 5, 20)), 'Протокол ВПР'], [olympiad]: [14, null, ''] });
    const p = await previewAnswers(db, [{ name: 'Ответ.xlsx', data }]);
    expect(p.indicators.map((a) => [a.indicatorId, a.year, a.old?.value ?? null, a.new])).toEqual([
      [share, 2022, 60, { value: 75.5, measuredOn: '2022-06-20', evidence: 'Протокол ВПР' }],
      [olympiad, 2021, null, { value: 14, measuredOn: null, evidence: '' }],
    ]);
    expect(p.indicators[0]!.weight).toBe(25);
    const r = await callApi({ db }, 'answers.apply', {
      answers: [],
      indicators: p.indicators.map((a) => ({
        indicatorId: a.indicatorId,
        schoolId: a.schoolId,
        year: a.year,
        value: a.new.value,
        weight: a.weight,
        measuredOn: a.new.measuredOn,
        evidence: a.new.evidence,
      })),
    });
    expect(r).toEqual({ ok: true, value: { applied: 0, indicators: 2 } });
    const board = indicatorBoard(db, roadmapId, { schoolId: school });
    const line = (id: number) => board.indicators.find((i) => i.id === id)!.lines.find((l) => l.schoolId === school)!;
    expect(line(share).years.find((y) => y.year === 2022)).toMatchObject({
      target: 80,
      actual: 75.5,
      measuredOn: '2022-06-20',
      evidence: 'Протокол ВПР',
      achievement: 'not_met',
    });
    expect(line(olympiad).years.find((y) => y.year === 2021)).toMatchObject({ actual: 14 });
    // The same form again changes nothing.
    expect((await previewAnswers(db, [{ name: 'Ответ.xlsx', data }])).indicators).toEqual([]);
  });

  it('a value that is not a number, or a share over 100 %, refuses the file naming the row; nothing is written', async () => {
    const form = (await buildSchoolForm(db, { quarter: QUARTER, schoolId: school })).data;
    const before = snapshotAll(db);
    const rowOf = async (id: number) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(form as unknown as ArrayBuffer);
      let n = 0;
      wb.getWorksheet('Показатели')!.eachRow((row, r) => (Number(row.getCell(1).value) === id ? (n = r) : 0));
      return n;
    };
    const row = await rowOf(share);
    await expect(
      previewAnswers(db, [{ name: 'Ответ.xlsx', data: await filled(form, { [share]: ['н/д', null, ''] }) }]),
    ).rejects.toMatchObject({
      code: 'bad_indicator_value',
      message: `«Ответ.xlsx», лист «Показатели», строка ${row}: значение «н/д» — не число. Ничего не изменено.`,
    });
    const r = await callApi({ db }, 'answers.preview', {
      files: [{ name: 'Ответ.xlsx', base64: (await filled(form, { [share]: [140, null, ''] })).toString('base64') }],
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'bad_indicator_value',
        message: expect.stringMatching(new RegExp(`строка ${row}: Доля в процентах должна быть от 0 до 100`)),
      },
    });
    expect(snapshotAll(db)).toEqual(before);
  });

  it('the CLI: import answers prints the indicator values and --apply writes them', async () => {
    const form = (await buildSchoolForm(db, { quarter: QUARTER, schoolId: school })).data;
    const file = path.join(tempDir(), 'Ответ.xlsx');
    fs.writeFileSync(file, await filled(form, { [share]: ['82', null, 'Справка'] }));
    const dbPath = db.path;
    closeDatabase(db);
    const dry = runCli(['import', 'answers', '--db', dbPath, file]);
    expect(dry.status, dry.stderr).toBe(0);
    const printed = dry.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { indicatorId?: number; new?: { value: number } });
    expect(printed.filter((l) => l.indicatorId !== undefined)).toMatchObject([
      { indicatorId: share, year: 2022, old: { value: 60 }, new: { value: 82 } },
    ]);
    const applied = runCli(['import', 'answers', '--db', dbPath, file, '--apply']);
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stderr).toMatch(/Записано значений индикаторов: 1\./);
    db = openDatabase(dbPath);
    const line = indicatorBoard(db, roadmapId, { schoolId: school })
      .indicators.find((i) => i.id === share)!
      .lines.find((l) => l.schoolId === school)!;
    expect(line.years.find((y) => y.year === 2022)).toMatchObject({ actual: 82, evidence: 'Справка' });
  });

  it('a form made before indicators (no sheet «Показатели») still reads', async () => {
    const form = (await buildSchoolForm(db, { quarter: QUARTER, schoolId: school })).data;
    const p = await previewAnswers(db, [{ name: 'Старая.xlsx', data: await filled(form, {}, true) }]);
    expect(p.indicators).toEqual([]);
    expect(p.warnings).toEqual([]);
  });
});
