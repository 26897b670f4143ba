/**
 * Quarterly reports and school forms, read back with openpyxl: cells, merged ranges, the validation
 * list, frozen panes, print settings, protection, the summary against counts computed from the
 * database by hand; the report through LibreOffice; and the whole round trip of a school's answers.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../../db/open';
import { firstPagePng, pdfPages, toPdf } from '../documents/readers';
import { runCli, snapshotAll, tempDir } from '../helpers';
import { lastMedia, readXlsx, type Sheet } from './xlsx';

const PYTHON = '/usr/bin/python3';
const cli = (...args: string[]) => runCli(args);
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function fill(src: string, dst: string, spec: object): void {
  const r = spawnSync(PYTHON, [path.join(__dirname, 'fill_form.py'), src, dst, JSON.stringify(spec)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

const STATUS_LIST = '"не начато,в работе,выполнено,выполнено с нарушением срока,не выполнено,перенесено"';
const dir = tempDir('rmk-reports-');
const dbFile = path.join(dir, 'demo.sqlite');
const ids = { zeya: 0, karpinsk: 0, sosh2: 0, sosh24: 0, zeyaSchool: 0 };
const withDb = <T>(fn: (db: Db) => T): T => {
  const db = openDatabase(dbFile);
  try {
    return fn(db);
  } finally {
    closeDatabase(db);
  }
};

beforeAll(() => {
  expect(cli('demo', '--db', dbFile).status).toBe(0);
  withDb((db) => {
    const one = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;
    ids.zeya = one("SELECT id FROM roadmaps WHERE title LIKE '%МОАУ ЦО%'");
    ids.karpinsk = one("SELECT id FROM roadmaps WHERE title LIKE '%Карпинск%'");
    ids.sosh2 = one("SELECT id FROM organizations WHERE short_name = 'МАОУ СОШ № 2'");
    ids.sosh24 = one("SELECT id FROM organizations WHERE short_name = 'МАОУ СОШ № 24'");
    ids.zeyaSchool = one("SELECT id FROM organizations WHERE short_name = 'МОАУ ЦО'");
  });
});

describe('the quarterly report', () => {
  let sheets: Sheet[];
  const file = path.join(dir, 'report.xlsx');
  beforeAll(() => {
    const r = cli(
      'export',
      'report',
      '--db',
      dbFile,
      '--quarter',
      '2022-Q2',
      '--date',
      '2022-07-05',
      '--prepared-by',
      'Русанова Е.А., методист',
      '--out',
      file,
    );
    expect(r.status, r.stderr).toBe(0);
    sheets = readXlsx(file);
  });

  it('has a summary sheet and a sheet per roadmap', () => {
    expect(sheets.map((s) => s.name)).toEqual([
      'Сводка',
      // The share done by quarter (tests/reports/progress-sheet.test.ts reads it).
      'Ход выполнения',
      '«Дорожная карта» по реализации…',
      'План мероприятий («дорожная…',
      // The demo's Karpinsk roadmap has indicators (tests/reports/indicators-sheet.test.ts reads the sheets).
      'Индикаторы',
      // The demo's «500+» schools have risk profiles (tests/reports/risk-sheet.test.ts reads the sheet).
      'Риски',
      'Данные',
      'Данные — индикаторы',
      'rmk-report',
    ]);
    expect(sheets.at(-1)!.state).toBe('veryHidden');
  });

  it('heads each roadmap sheet with the department, title, period, quarter, date and who prepared it', () => {
    const ws = sheets[3]!;
    expect(ws.rows[0]![0]).toBe('Отдел образования администрации городского округа Карпинск — Городской округ Карпинск (ОКТМО 65743000)');
    expect(ws.rows[1]![0]).toMatch(/^Отчёт о реализации: План мероприятий/);
    expect(ws.rows[2]![0]).toBe('Период реализации: 2022 год');
    expect(ws.rows[3]![0]).toBe('Отчётный период: II квартал 2022 года (01.04.2022 — 30.06.2022)');
    expect(ws.rows[4]![2]).toEqual({ date: '2022-07-05' });
    expect(ws.formats.C5).toBe('dd.mm.yyyy');
    expect(ws.rows[5]![2]).toBe('Русанова Е.А., методист');
    expect(ws.rows[7]).toEqual([
      '№ п/п',
      'Мероприятие',
      'Срок (как в дорожной карте)',
      'Ответственные',
      'Плановый результат',
      'Отметка о выполнении',
      'Достигнутый результат',
      'Подтверждающие документы',
      'Примечание / причины невыполнения',
    ]);
  });

  it('lists the measures due in the quarter, those still open, continuous ones — with their status, result and evidence', () => {
    const ws = sheets[3]!;
    const body = ws.rows.slice(8).map((r) => [r[0], r[2], r[5] ?? '', r[6] ?? '', r[7] ?? '']);
    const numbers = body.map((r) => r[0]);
    // Due in Q2: «Апрель 2022», «ежеквартально», «До 15 апреля», «До 31.05», «Май, июнь», «Май – сентябрь» …
    expect(numbers).toEqual(expect.arrayContaining(['1.', '2.', '4.', '6.', '7.', '8.', '9.', '12.', '13.', '28.']));
    // Running through Q2: «С 11.04.2022», «Весь период», «постоянно»; unreadable ones are never left out.
    expect(numbers).toEqual(expect.arrayContaining(['5.', '11.', '25.', '29.', '19.', '20.']));
    // Not in Q2: «Октябрь 2022», «Декабрь 2022», «Сентябрь 2022», «До 01.09.2022».
    for (const n of ['15.', '24.', '27.', '31.', '17.', '21.', '14.']) expect(numbers).not.toContain(n);
    expect(body.find((r) => r[0] === '1.')).toEqual([
      '1.',
      'Апрель 2022',
      'выполнено',
      'План работы рабочей группы утверждён',
      'Протокол № 1 от 14.04.2022',
    ]);
    expect(body.find((r) => r[0] === '4.')![2]).toBe('выполнено с нарушением срока');
    expect(body.find((r) => r[0] === '7.')).toEqual(['7.', 'До 31.05.2022', 'не выполнено', '', '']);
    expect(ws.rows.slice(8).find((r) => r[0] === '7.')![8]).toBe('Не утверждена программа перехода');
  });

  it('merges section rows across the table in bold', () => {
    const ws = sheets[2]!;
    const sectionRows = ws.rows.map((r, i) => [i + 1, r[0]] as const).filter(([, v]) => typeof v === 'string' && /^\d\. /.test(v));
    expect(sectionRows.map(([, v]) => v)).toEqual([
      '1. Организационно-управленческие мероприятия',
      '2. Методическое сопровождение',
      '3. Мониторинг и анализ результатов',
    ]);
    for (const [row] of sectionRows) {
      expect(ws.merged).toContain(`A${row}:I${row}`);
      expect(ws.bold).toContain(`A${row}`);
    }
  });

  it('restricts the status column to the list, freezes the header, and prints A4 landscape one page wide with the header repeated', () => {
    for (const ws of sheets.slice(2, 4)) {
      const last = ws.rows.length;
      expect(ws.validations).toEqual([
        {
          sqref: `F9:F${last}`,
          type: 'list',
          formula1: STATUS_LIST,
          showErrorMessage: true,
          errorStyle: 'warning',
          error: expect.stringMatching(/^Лучше выберите отметку из списка/),
        },
      ]);
      expect(ws.freeze).toBe('C9');
      expect(ws.print).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        fitToWidth: 1,
        fitToHeight: 0,
        fitToPage: true,
        titleRows: '$8:$8',
      });
    }
    expect(sheets[0]!.print).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
  });

  it('counts in the summary what the database holds, per roadmap and in total, with a chart picture', () => {
    const ws = sheets[0]!;
    const header = ws.rows[4]!;
    expect(header).toEqual([
      'Дорожная карта',
      'Мероприятий в отчёте',
      'Выполнено в срок',
      'Выполнено с нарушением срока',
      'В работе',
      'Не выполнено',
      'Перенесено',
      'Не начато / нет отметки',
      'Доля выполненных',
    ]);
    // Counted independently: the rows of each roadmap sheet and the Q2 records in the database.
    const expected = sheets.slice(2, 4).map((s) => {
      const nums = s.rows
        .slice(8)
        .filter((r) => r[1] !== null && r[2] !== null)
        .map((r) => String(r[0]));
      const statuses = withDb((db) =>
        nums.map(
          (n) =>
            db.sqlite
              .prepare(
                `SELECT x.status FROM executions x JOIN measures m ON m.id = x.measure_id JOIN roadmaps r ON r.id = m.roadmap_id WHERE m.number = ? AND x.quarter = '2022-Q2' AND r.title LIKE ?`,
              )
              .pluck()
              .get(n, `${String(s.rows[1]![0]).replace('Отчёт о реализации: ', '').slice(0, 30)}%`) as string | undefined,
        ),
      );
      const c = (st: string) => statuses.filter((x) => x === st).length;
      const total = nums.length;
      return [
        total,
        c('done'),
        c('done_late'),
        c('in_progress'),
        c('not_done'),
        c('postponed'),
        statuses.filter((x) => !x || x === 'not_started').length,
      ];
    });
    const got = [ws.rows[5]!, ws.rows[6]!].map((r) => r.slice(1, 8));
    expect(got).toEqual(expected);
    const total = ws.rows[7]!;
    expect(total[0]).toBe('Итого');
    expect(total.slice(1, 8)).toEqual(expected[0]!.map((v, i) => v + expected[1]![i]!));
    expect(total[8]).toBeCloseTo(
      (expected[0]![1]! + expected[0]![2]! + expected[1]![1]! + expected[1]![2]!) / (expected[0]![0]! + expected[1]![0]!),
      6,
    );
    expect(ws.formats.I6).toBe('0%');
    // The summary's bar chart and the «Ход выполнения» line chart.
    expect(lastMedia).toEqual(['xl/media/image1.png', 'xl/media/image2.png']);
  });

  it('opens in LibreOffice as A4 landscape pages; the first page is saved as a picture', () => {
    const pdf = toPdf(file);
    const { pages, pageSize } = pdfPages(pdf);
    expect(pageSize).toMatch(/^841\.89 x 595\.\d+ pts/);
    expect(pages).toBeGreaterThanOrEqual(3);
    firstPagePng(pdf, 'report-summary');
  });

  it("refuses a quarter outside a roadmap's period and a wrongly written quarter, writing nothing", () => {
    const target = path.join(dir, 'nothing.xlsx');
    const r1 = cli('export', 'report', '--db', dbFile, '--quarter', '2023-Q1', '--roadmap', String(ids.zeya), '--out', target);
    expect(r1.status).toBe(1);
    expect(r1.stderr).toMatch(/не действует в I квартале 2023 года: её период — 2022 год/);
    const r2 = cli('export', 'report', '--db', dbFile, '--quarter', '2022-II', '--out', target);
    expect(r2.stderr.trim()).toBe('Укажите --quarter в виде 2022-Q2, а не «2022-II».');
    expect(fs.existsSync(target)).toBe(false);
  });
});

// Each test here starts the CLI and Python several times (export, fill in «Excel», import twice): the
// time goes into process starts, which a loaded machine stretches; speed is measured by npm run bench.
describe('forms for schools and their answers', { timeout: 120_000 }, () => {
  const form2 = path.join(dir, 'form-sosh2.xlsx');
  const formZeya = path.join(dir, 'form-zeya.xlsx');
  beforeAll(() => {
    for (const [school, out] of [
      [ids.sosh2, form2],
      [ids.zeyaSchool, formZeya],
    ] as const) {
      const r = cli('export', 'form', '--db', dbFile, '--quarter', '2022-Q2', '--school', String(school), '--out', out);
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it("lists the school's measures with only the answer columns open, a status drop-down and a very hidden identifying sheet", () => {
    const [ws, meta] = readXlsx(form2);
    expect(ws!.name).toBe('Форма');
    expect(meta).toMatchObject({ name: 'rmk', state: 'veryHidden' });
    expect(ws!.protected).toBe(true);
    expect(ws!.hiddenColumns).toEqual(['A']);
    const header = ws!.rows[6]!;
    expect(header).toEqual([
      'id',
      '№ п/п',
      'Дорожная карта',
      'Мероприятие',
      'Срок',
      'Плановый результат',
      'Отметка о выполнении',
      'Достигнутый результат',
      'Подтверждающие документы',
      'Примечание / причины невыполнения',
    ]);
    const body = ws!.rows.slice(7);
    // МАОУ СОШ № 2 is linked to Karpinsk's 1.3 (February, still open in Q2).
    expect(body.map((r) => r[1])).toEqual(['1.3']);
    // A word outside the list is questioned (warning), not refused: the import reads such words.
    expect(ws!.validations).toEqual([
      {
        sqref: body.length === 1 ? 'G8' : `G8:G${7 + body.length}`,
        type: 'list',
        formula1: STATUS_LIST,
        showErrorMessage: true,
        errorStyle: 'warning',
        error: expect.stringMatching(/^Лучше выберите отметку из списка/),
      },
    ]);
    const answerCells = body.flatMap((_, i) => ['G', 'H', 'I', 'J'].map((c) => `${c}${8 + i}`));
    expect(ws!.unlocked).toEqual(expect.arrayContaining(answerCells));
    expect(ws!.unlocked.filter((c) => /^[A-F]\d+$/.test(c) && Number(c.slice(1)) >= 8)).toEqual([]);
    expect(meta!.rows[0]![0]).toBe('Дорожные карты РМК: форма для школы');
    expect(meta!.rows[3]!.slice(0, 2)).toEqual(['quarter', '2022-Q2']);
    const [zeyaForm] = readXlsx(formZeya);
    expect(zeyaForm!.rows.slice(7).length).toBeGreaterThan(15); // the school's own roadmap: all of Q2
  });

  it('round trip: answers typed in Excel (a status by hand, a stray row) come back as exactly those values; a second import changes nothing', () => {
    const filled2 = path.join(dir, 'answer-sosh2.xlsx');
    const filledZeya = path.join(dir, 'answer-zeya.xlsx');
    const m = withDb((db) => {
      const id = (roadmap: number, n: string) =>
        db.sqlite.prepare('SELECT id FROM measures WHERE roadmap_id = ? AND number = ?').pluck().get(roadmap, n) as number;
      return { k13: id(ids.karpinsk, '1.3'), z5: id(ids.zeya, '5.'), z6: id(ids.zeya, '6.'), z9: id(ids.zeya, '9.') };
    });
    fill(form2, filled2, {
      answers: {
        [m.k13]: {
          status: 'выполнено с нарушением срока',
          result: 'Программы обновлены в трёх школах',
          evidence: 'Приказ ОО № 14 от 20.04.2022',
        },
      },
      extraRow: true,
      filledBy: 'Петрова А.С., заместитель директора по УВР',
    });
    fill(formZeya, filledZeya, {
      answers: {
        [m.z5]: { status: 'Выполнено.', result: 'Тестирование прошли 100% педагогов' },
        [m.z6]: { status: 'выполнено частично', note: 'Анализ завершим в июле' },
        [m.z9]: { evidence: 'Протоколы МО № 3, 4' },
      },
    });
    const before = withDb(snapshotAll);
    const preview = cli('import', 'answers', '--db', dbFile, filled2, filledZeya);
    expect(preview.status, preview.stderr).toBe(0);
    expect(preview.stderr).toMatch(/answer-sosh2\.xlsx», строка \d+: нет номера мероприятия/);
    const changes = lines(preview.stdout);
    expect(changes.map((c) => [c.measureId, c.new, c.conflicts])).toEqual([
      [m.k13, { status: 'done_late', result: 'Программы обновлены в трёх школах', evidence: 'Приказ ОО № 14 от 20.04.2022' }, []],
      [m.z5, { status: 'done', result: 'Тестирование прошли 100% педагогов' }, []],
      [m.z6, { status: 'in_progress', note: 'Отметка школы: «выполнено частично». Анализ завершим в июле' }, []],
      [m.z9, { evidence: 'Протоколы МО № 3, 4' }, []],
    ]);
    // The preview shows what the school typed and who filled the form in.
    expect(changes.map((c) => [c.statusText, c.filledBy])).toEqual([
      ['выполнено с нарушением срока', 'Петрова А.С., заместитель директора по УВР'],
      ['Выполнено.', ''],
      ['выполнено частично', ''],
      ['', ''],
    ]);
    expect(changes[2]!.old).toEqual({ status: 'in_progress', result: '', evidence: '', note: '' });
    expect(withDb(snapshotAll)).toEqual(before); // a preview writes nothing

    const applied = cli('import', 'answers', '--db', dbFile, filled2, filledZeya, '--apply');
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stderr).toMatch(/Записано ответов: 4; не записано из-за конфликтов: 0\./);
    const rows = withDb((db) =>
      db.sqlite
        .prepare(
          "SELECT measure_id AS id, status, result, evidence, note, filled_by AS filledBy FROM executions WHERE quarter = '2022-Q2' AND measure_id IN (?, ?, ?, ?) ORDER BY measure_id",
        )
        .all(m.k13, m.z5, m.z6, m.z9),
    );
    expect(rows).toEqual(
      [
        {
          id: m.k13,
          status: 'done_late',
          result: 'Программы обновлены в трёх школах',
          evidence: 'Приказ ОО № 14 от 20.04.2022',
          note: '',
          filledBy: 'Петрова А.С., заместитель директора по УВР',
        },
        { id: m.z5, status: 'done', result: 'Тестирование прошли 100% педагогов', evidence: '', note: '', filledBy: '' },
        {
          id: m.z6,
          status: 'in_progress',
          result: '',
          evidence: '',
          note: 'Отметка школы: «выполнено частично». Анализ завершим в июле',
          filledBy: '',
        },
        { id: m.z9, status: 'not_started', result: '', evidence: 'Протоколы МО № 3, 4', note: '', filledBy: '' },
      ].sort((a, b) => a.id - b.id),
    );
    const again = cli('import', 'answers', '--db', dbFile, filled2, filledZeya, '--apply');
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/Записано ответов: 0/);
  });

  it('flags conflicts: the measure edited since, two schools disagreeing, unknown ids, an unreadable status — and applies none of them', () => {
    const f24 = path.join(dir, 'form-sosh24.xlsx');
    const f2 = path.join(dir, 'form-sosh2-b.xlsx');
    // The first quarter: Karpinsk's 1.3 («Февраль 2022») is due there for both schools.
    for (const [school, out] of [
      [ids.sosh24, f24],
      [ids.sosh2, f2],
    ] as const)
      expect(cli('export', 'form', '--db', dbFile, '--quarter', '2022-Q1', '--school', String(school), '--out', out).status).toBe(0);
    const k13 = withDb(
      (db) => db.sqlite.prepare("SELECT id FROM measures WHERE roadmap_id = ? AND number = '1.3'").pluck().get(ids.karpinsk) as number,
    );
    const a24 = path.join(dir, 'a24.xlsx');
    const a2 = path.join(dir, 'a2.xlsx');
    fill(f24, a24, { answers: { [k13]: { status: 'не выполнено', note: 'Нет специалиста' } } });
    fill(f2, a2, { answers: { [k13]: { status: 'выполнено' } } });
    const disagree = lines(cli('import', 'answers', '--db', dbFile, a24, a2).stdout);
    expect(disagree.map((c) => c.conflicts)).toEqual([['disagreement'], ['disagreement']]);

    // The methodist edits the measure after the forms went out.
    withDb((db) =>
      db.sqlite.prepare("UPDATE measures SET name = name || ' (уточнено)', updated_at = '2099-01-01T00:00:00.000Z' WHERE id = ?").run(k13),
    );
    expect(lines(cli('import', 'answers', '--db', dbFile, a24).stdout)[0]!.conflicts).toEqual(['measure_changed']);

    const odd = path.join(dir, 'odd.xlsx');
    fill(f24, odd, { answers: { [k13]: { status: 'почти' } }, setId: { [k13]: 987654 } });
    const oddLines = lines(cli('import', 'answers', '--db', dbFile, odd).stdout);
    expect(oddLines).toEqual([expect.objectContaining({ measureId: 987654, conflicts: ['unknown_measure'], old: null })]);
    const bad = path.join(dir, 'bad-status.xlsx');
    fill(f24, bad, { answers: { [k13]: { status: 'почти готово наверное' } } });
    expect(lines(cli('import', 'answers', '--db', dbFile, bad).stdout)[0]).toMatchObject({
      statusText: 'почти готово наверное',
      conflicts: expect.arrayContaining(['bad_status']),
    });

    const before = withDb(snapshotAll);
    const r = cli('import', 'answers', '--db', dbFile, a24, a2, odd, bad, '--apply');
    expect(r.stderr).toMatch(/Записано ответов: 0; не записано из-за конфликтов: 4\./);
    expect(withDb(snapshotAll)).toEqual(before);
  });

  it('refuses, changing nothing: a damaged file, not a form, a form from another database, an image renamed to .xlsx', () => {
    const other = path.join(dir, 'other.sqlite');
    expect(cli('demo', '--db', other).status).toBe(0);
    const foreign = path.join(dir, 'foreign.xlsx');
    expect(cli('export', 'form', '--db', other, '--quarter', '2022-Q2', '--school', String(ids.sosh2), '--out', foreign).status).toBe(0);
    const damaged = path.join(dir, 'damaged.xlsx');
    fs.writeFileSync(damaged, fs.readFileSync(form2).subarray(0, 2000));
    const image = path.join(dir, 'photo.xlsx');
    fs.writeFileSync(image, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const before = withDb(snapshotAll);
    for (const [file, message] of [
      [damaged, 'Файл «damaged.xlsx» повреждён или не является книгой Excel (.xlsx). Ничего не изменено.'],
      [image, 'Файл «photo.xlsx» повреждён или не является книгой Excel (.xlsx). Ничего не изменено.'],
      [
        path.join(dir, 'report.xlsx'),
        'Файл «report.xlsx» — не форма программы «Дорожные карты РМК»: нет служебных данных (возможно, таблицу перепечатали заново). Ничего не изменено.',
      ],
      [foreign, 'Форма «foreign.xlsx» выдана из другой базы данных: её мероприятия нельзя сопоставить с этой базой. Ничего не изменено.'],
    ] as const) {
      const r = cli('import', 'answers', '--db', dbFile, form2, file, '--apply');
      expect(r.status, file).toBe(1);
      expect(r.stderr.trim(), file).toBe(message);
      expect(r.stdout).toBe('');
    }
    expect(withDb(snapshotAll)).toEqual(before);
  });
});
