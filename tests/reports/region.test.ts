/**
 * The region's side: three districts' quarterly reports made by the app (three demo databases with
 * different district names and marks), their «Данные» sheets read by openpyxl, and the consolidation
 * («Свод по региону») through the API and the CLI — counts against each district's own summary, the
 * overdue list against the databases, a duplicate district-quarter, an older report, foreign, damaged
 * and future-format files refused by name.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import { fillDemo } from '../../electron/demo';
import { reportSelections, SUMMARY_KEYS, type SummaryLine } from '../../electron/reports/quarterly';
import { closeDatabase, type Db } from '../../db/open';
import { apiOf, freshDb, runCli, tempDir } from '../helpers';
import { readXlsx, type Sheet } from './xlsx';
import { makeXlsx, sheetXml, xrow } from '../hostile/make';

const PYTHON = '/usr/bin/python3';
const dir = tempDir('rmk-region-');
const QUARTER = '2022-Q2';
const COLUMNS = [
  'Район',
  'Код района',
  'Квартал',
  'ID карты',
  'Дорожная карта',
  'Раздел',
  'ID мероприятия',
  '№',
  'Мероприятие',
  'Срок',
  'Сроки в квартале',
  'Код статуса',
  'Статус',
  'Достигнутый результат',
  'Подтверждающие документы',
  'Примечание',
  'Заполнил(а)',
  'Дата отметки',
];

interface District {
  name: string;
  code: string;
  file: string;
  date: string;
  summary: SummaryLine[];
  /** Measures overdue on the report's date, counted from the database: `${number}|${roadmap}`. */
  overdue: string[];
}

const districts: District[] = [];
let older = '';

async function report(db: Db, date: string, file: string): Promise<{ fileName: string; summary: SummaryLine[] }> {
  const r = await callApi({ db }, 'reports.download', { quarter: QUARTER, date });
  if (!r.ok) throw new Error(r.error.message);
  const v = r.value as { fileName: string; base64: string; summary: SummaryLine[] };
  fs.writeFileSync(file, Buffer.from(v.base64, 'base64'));
  return v;
}

/** Overdue, counted straight from the database: a parsed due date of the quarter before the report's date, no «выполнено». */
function overdueFromDb(db: Db, date: string): string[] {
  return reportSelections(db, { quarter: QUARTER }).flatMap((sel) =>
    sel.rows
      .filter(
        (r) =>
          r.measure &&
          r.measure.parsed.kind !== 'unparsed' &&
          r.measure.parsed.due.some((d) => d >= '2022-04-01' && d <= '2022-06-30' && d < date),
      )
      .filter((r) => !['done', 'done_late'].includes(r.record?.status ?? ''))
      .map((r) => `${r.measure!.number}|${sel.roadmap.title}`),
  );
}

beforeAll(async () => {
  const specs = [
    { name: 'Ульчский район', code: '08650000', marks: 0, date: '2022-07-05' },
    { name: 'Зейский район', code: '10621000', marks: 4, date: '2022-05-20' },
    { name: 'Городской округ Карпинск', code: '', marks: 9, date: '2022-07-10' },
  ];
  for (const [i, s] of specs.entries()) {
    const db = freshDb();
    try {
      fillDemo(db);
      const api = apiOf(db);
      const dept = api('settings.getDepartment');
      const { version: _v, ...values } = dept;
      api('settings.setDepartment', { ...values, districtName: s.name, districtCode: s.code });
      // Different marks per district, so that the counts differ.
      const measures = db.sqlite.prepare('SELECT id FROM measures ORDER BY id').pluck().all() as number[];
      for (const id of measures.slice(0, s.marks))
        api('execution.set', { measureId: id, quarter: QUARTER, status: i % 2 ? 'not_done' : 'done', result: '', evidence: '' });
      // Who answered, as a school's form would have stored it.
      if (i === 0)
        db.sqlite.prepare("UPDATE executions SET filled_by = 'Петрова А.С., заместитель директора' WHERE quarter = ?").run(QUARTER);
      const file = path.join(dir, `district-${i}.xlsx`);
      const r = await report(db, s.date, file);
      districts.push({ name: s.name, code: s.code, file, date: s.date, summary: r.summary, overdue: overdueFromDb(db, s.date) });
      expect(r.fileName).toBe(`Отчёт_${s.name.replace(/ /g, '_')}_${QUARTER}.xlsx`);
      if (i === 0) {
        // The same district and quarter once more, made earlier (its report date is older): the newer must win.
        older = path.join(dir, 'district-0-older.xlsx');
        api('execution.set', { measureId: measures[0]!, quarter: QUARTER, status: 'postponed', result: '', evidence: '' });
        await report(db, '2022-07-01', older);
      }
    } finally {
      closeDatabase(db);
    }
  }
});

describe('the «Данные» sheet of a quarterly report', () => {
  let sheets: Sheet[];
  beforeAll(() => {
    sheets = readXlsx(districts[0]!.file);
  });

  it('has exactly the documented columns, a row per measure of the report, dates as dates', () => {
    const ws = sheets.find((s) => s.name === 'Данные')!;
    expect(ws.rows[0]).toEqual(COLUMNS);
    const body = ws.rows.slice(1);
    expect(body).toHaveLength(districts[0]!.summary.reduce((n, l) => n + l.total, 0));
    for (const r of body) {
      expect(r.slice(0, 3)).toEqual(['Ульчский район', '08650000', QUARTER]);
      expect(typeof r[3]).toBe('number');
      expect(typeof r[6]).toBe('number');
      expect(String(r[10] ?? '')).toMatch(/^(\d{2}\.\d{2}\.\d{4}(, \d{2}\.\d{2}\.\d{4})*)?$/);
    }
    // The demo's own marks of the quarter: a status code and label, and the date of the mark as a date cell.
    const marked = body.filter((r) => r[11]);
    expect(marked.length).toBeGreaterThan(0);
    for (const r of marked) {
      expect(r[17]).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(r[16]).toBe('Петрова А.С., заместитель директора');
      expect(ws.formats[`R${body.indexOf(r) + 2}`]).toBe('dd.mm.yyyy');
    }
    expect(body.find((r) => r[7] === '1.' && String(r[4]).startsWith('План'))).toEqual(
      expect.arrayContaining(['done', 'выполнено', 'План работы рабочей группы утверждён']),
    );
  });

  it('is an Excel table with a filter, and the book carries the hidden format marker', () => {
    const py = `import json,sys
from openpyxl import load_workbook
wb=load_workbook(sys.argv[1])
t=wb['Данные'].tables['RMK_Data']
m=wb['rmk-report']
print(json.dumps({'ref':t.ref,'filter':t.autoFilter is not None and t.autoFilter.ref,'marker':[m['A1'].value,m['B1'].value],'state':m.sheet_state}))`;
    const r = spawnSync(PYTHON, ['-W', 'ignore', '-c', py, districts[0]!.file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const rows = sheets.find((s) => s.name === 'Данные')!.rows.length;
    expect(JSON.parse(r.stdout)).toEqual({
      ref: `A1:R${rows}`,
      filter: `A1:R${rows}`,
      marker: ['Дорожные карты РМК: квартальный отчёт', 1],
      state: 'veryHidden',
    });
  });
});

/** Test files that are not good reports. */
async function badFiles(): Promise<{ foreign: string; damaged: string; future: string; older: string }> {
  const foreign = path.join(dir, 'Бюджет.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Лист1').getCell('A1').value = 'Смета';
  await wb.xlsx.writeFile(foreign);
  const damaged = path.join(dir, 'Отчёт_обрезан.xlsx');
  const good = fs.readFileSync(districts[1]!.file);
  fs.writeFileSync(damaged, good.subarray(0, Math.floor(good.length / 2)));
  // A report of a future format: the marker's version raised.
  const future = path.join(dir, 'Отчёт_из_будущего.xlsx');
  const f = new ExcelJS.Workbook();
  await f.xlsx.readFile(districts[1]!.file);
  f.getWorksheet('rmk-report')!.getCell('B1').value = 99;
  await f.xlsx.writeFile(future);
  // A report of an older version: no «Данные», no marker.
  const old = path.join(dir, 'Отчёт_старый.xlsx');
  const o = new ExcelJS.Workbook();
  await o.xlsx.readFile(districts[2]!.file);
  o.removeWorksheet(o.getWorksheet('Данные')!.id);
  o.removeWorksheet(o.getWorksheet('rmk-report')!.id);
  await o.xlsx.writeFile(old);
  return { foreign, damaged, future, older: old };
}

describe('«Свод по региону»', () => {
  let bad: Awaited<ReturnType<typeof badFiles>>;
  let value: {
    lines: { district: string; total: number; counts: Record<string, number>; share: number }[];
    total: { total: number; counts: Record<string, number> };
    overdue: number;
    refused: string[];
    warnings: string[];
    base64: string;
  };
  let sheets: Sheet[];
  beforeAll(async () => {
    bad = await badFiles();
    const files = [districts[0]!.file, older, districts[1]!.file, districts[2]!.file, bad.foreign, bad.damaged, bad.future].map((f) => ({
      name: path.basename(f),
      base64: fs.readFileSync(f).toString('base64'),
    }));
    const r = await callApi({} as { db: Db }, 'reports.consolidate', { files });
    if (!r.ok) throw new Error(r.error.message);
    value = r.value as typeof value;
    const out = path.join(dir, 'svod.xlsx');
    fs.writeFileSync(out, Buffer.from(value.base64, 'base64'));
    sheets = readXlsx(out);
  });

  it("counts per district what each district's own summary says, and their sum in total", () => {
    const own = districts.map((d) => {
      const counts = Object.fromEntries(SUMMARY_KEYS.map((k) => [k, d.summary.reduce((n, l) => n + l.counts[k], 0)]));
      return { district: d.name, total: d.summary.reduce((n, l) => n + l.total, 0), counts };
    });
    const byName = (a: { district: string }, b: { district: string }) => a.district.localeCompare(b.district, 'ru');
    expect(value.lines.map(({ district, total, counts }) => ({ district, total, counts })).sort(byName)).toEqual([...own].sort(byName));
    expect(value.total.total).toBe(own.reduce((n, d) => n + d.total, 0));
    for (const k of SUMMARY_KEYS) expect(value.total.counts[k]).toBe(own.reduce((n, d) => n + d.counts[k]!, 0));
    // The districts' marks differ, so a mix-up of districts would show.
    expect(new Set(value.lines.map((l) => l.counts.done)).size).toBeGreaterThan(1);

    const ws = sheets.find((s) => s.name === 'Свод')!;
    const header = ws.rows.findIndex((r) => r[0] === 'Район');
    expect(ws.rows[header]).toEqual([
      'Район',
      'Код района',
      'Квартал',
      'Мероприятий',
      'Выполнено в срок',
      'Выполнено с нарушением срока',
      'В работе',
      'Не выполнено',
      'Перенесено',
      'Не начато / нет отметки',
      'Доля выполненных',
    ]);
    const body = ws.rows.slice(header + 1, header + 5);
    expect(body.map((r) => r[0])).toEqual(['Городской округ Карпинск', 'Зейский район', 'Ульчский район', 'Итого']);
    for (const r of body.slice(0, 3)) {
      const d = own.find((o) => o.district === r[0])!;
      expect(r.slice(3, 10)).toEqual([d.total, ...SUMMARY_KEYS.map((k) => d.counts[k])]);
      expect(r[10]).toBeCloseTo((d.counts.done! + d.counts.done_late!) / d.total, 6);
    }
    expect(body[3]!.slice(3, 10)).toEqual([value.total.total, ...SUMMARY_KEYS.map((k) => value.total.counts[k])]);
  });

  it('takes the newer of two reports of one district and quarter, and names both', () => {
    expect(value.warnings).toContain(
      'Отчёты «district-0.xlsx» и «district-0-older.xlsx» — об одном районе («Ульчский район») за II квартал 2022 года: взят более новый «district-0.xlsx» (отчёт от 05.07.2022), «district-0-older.xlsx» (отчёт от 01.07.2022) не учтён.',
    );
    // The older file's «перенесено» is nowhere in the consolidation.
    expect(value.lines.find((l) => l.district === 'Ульчский район')!.counts.postponed).toBe(
      districts[0]!.summary.reduce((n, l) => n + l.counts.postponed, 0),
    );
  });

  it('lists every overdue measure of every district', () => {
    const ws = sheets.find((s) => s.name === 'Просрочено')!;
    expect(ws.rows[0]).toEqual([
      'Район',
      'Квартал',
      'Дорожная карта',
      '№',
      'Мероприятие',
      'Срок',
      'Сроки в квартале',
      'Статус',
      'Примечание',
    ]);
    const got = ws.rows
      .slice(1)
      .map((r) => `${r[0]}#${r[3]}|${r[2]}`)
      .sort();
    const expected = districts.flatMap((d) => d.overdue.map((o) => `${d.name}#${o}`)).sort();
    expect(expected.length).toBeGreaterThan(0);
    // The May report of Зейский район has fewer overdue than its July neighbours: the report's date counts.
    expect(districts[1]!.overdue.length).toBeLessThan(districts[0]!.overdue.length);
    expect(got).toEqual(expected);
    expect(value.overdue).toBe(expected.length);
  });

  it('puts every row of every district in one «Данные» sheet with the same columns', () => {
    const ws = sheets.find((s) => s.name === 'Данные')!;
    expect(ws.rows[0]).toEqual(COLUMNS);
    expect(ws.rows.length - 1).toBe(value.total.total);
    for (const d of districts) expect(ws.rows.filter((r) => r[0] === d.name)).toHaveLength(d.summary.reduce((n, l) => n + l.total, 0));
  });

  it('refuses a foreign, a damaged and a future-format file by name, and consolidates the others', () => {
    expect(value.refused).toEqual([
      'Файл «Бюджет.xlsx» — не квартальный отчёт программы «Дорожные карты РМК» (в нём нет листа «Данные» и листов дорожных карт). Из него ничего не взято.',
      'Файл «Отчёт_обрезан.xlsx» повреждён или это не книга Excel (.xlsx). Из него ничего не взято.',
      'Отчёт «Отчёт_из_будущего.xlsx» сделан более новой версией программы (формат 99). Обновите программу. Из него ничего не взято.',
    ]);
    expect(value.warnings).toContain('Не вошли в свод файлы (3); остальные сведены.');
    expect(value.lines).toHaveLength(3);
  });
});

describe('untrusted books are read with limits', () => {
  const meta = (quarter = QUARTER) =>
    xrow(1, ['Дорожные карты РМК: квартальный отчёт', '1']) +
    xrow(2, ['Создан', '2022-07-05T10:00:00.000Z']) +
    xrow(3, ['Дата отчёта', '2022-07-05']) +
    xrow(4, ['Район', 'Поддельный район']) +
    xrow(5, ['Код района', '']) +
    xrow(6, ['Квартал', quarter]);
  const consolidate = async (extra: { name: string; data: Buffer }) => {
    const files = [
      { name: 'good.xlsx', base64: fs.readFileSync(districts[1]!.file).toString('base64') },
      { name: extra.name, base64: extra.data.toString('base64') },
    ];
    const r = await callApi({} as { db: Db }, 'reports.consolidate', { files });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { refused: string[]; lines: unknown[] };
  };

  it('refuses a «Данные» sheet of more rows than the reader allows, by name, and keeps the good file', async () => {
    const rows =
      xrow(1, COLUMNS) + Array.from({ length: 50_001 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>1</v></c></row>`).join('');
    const v = await consolidate({
      name: 'Огромный.xlsx',
      data: makeXlsx([
        { name: 'Данные', xml: sheetXml(rows) },
        { name: 'rmk-report', xml: sheetXml(meta()), state: 'veryHidden' },
      ]),
    });
    expect(v.refused).toHaveLength(1);
    expect(v.refused[0]).toMatch(/«Огромный\.xlsx»/);
    expect(v.refused[0]).toMatch(/50 000/);
    expect(v.lines).toHaveLength(1);
  });

  it('refuses a report whose «Данные» columns were changed, or whose quarter is not a quarter', async () => {
    const changed = await consolidate({
      name: 'Переставлен.xlsx',
      data: makeXlsx([
        { name: 'Данные', xml: sheetXml(xrow(1, [...COLUMNS].reverse())) },
        { name: 'rmk-report', xml: sheetXml(meta()), state: 'veryHidden' },
      ]),
    });
    expect(changed.refused).toEqual([expect.stringMatching(/^В отчёте «Переставлен\.xlsx» изменены столбцы листа «Данные»/)]);
    const noQuarter = await consolidate({
      name: 'Квартал.xlsx',
      data: makeXlsx([
        { name: 'Данные', xml: sheetXml(xrow(1, COLUMNS)) },
        { name: 'rmk-report', xml: sheetXml(meta('весна')), state: 'veryHidden' },
      ]),
    });
    expect(noQuarter.refused).toEqual([expect.stringMatching(/^Файл «Квартал\.xlsx» — не квартальный отчёт/)]);
  });
});

describe('the consolidate command', () => {
  it('writes the consolidation, prints what was refused and warned; an older report is read from its roadmap sheets', async () => {
    const bad = await badFiles();
    const out = path.join(dir, 'Свод.xlsx');
    const r = runCli(['consolidate', '--out', out, districts[0]!.file, districts[1]!.file, bad.older, bad.foreign]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Файл «Бюджет.xlsx» — не квартальный отчёт');
    expect(r.stderr).toContain(
      'Отчёт «Отчёт_старый.xlsx» сделан прежней версией программы (без листа «Данные»): прочитан по листам дорожных карт',
    );
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ out: path.resolve(out) });
    expect(lines[1]).toMatchObject({ districts: 3, refused: 1 });
    const svod = readXlsx(out).find((s) => s.name === 'Свод')!;
    // The older report's district comes from its header; its counts are the same report's own.
    const oldLine = svod.rows.find((row) => String(row[0]).startsWith('Отдел образования администрации городского округа Карпинск'))!;
    const d = districts[2]!;
    expect(oldLine.slice(3, 10)).toEqual([
      d.summary.reduce((n, l) => n + l.total, 0),
      ...SUMMARY_KEYS.map((k) => d.summary.reduce((n, l) => n + l.counts[k], 0)),
    ]);
  });

  it('refuses to run without files or --out, and says so in Russian', () => {
    const r = runCli(['consolidate', '--out', path.join(dir, 'x.xlsx')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Укажите --out СВОД.xlsx и файлы отчётов районов');
    const r2 = runCli(['consolidate', '--out', path.join(dir, 'y.xlsx'), path.join(dir, 'нет-такого.xlsx')]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toContain('нет-такого.xlsx');
    expect(fs.existsSync(path.join(dir, 'y.xlsx'))).toBe(false);
  });
});
