/**
 * Malformed and hostile input, all of it made here: zip bombs, truncated and mislabelled files, stray
 * far cells, huge sheet dimensions, deep nesting, entity tricks, enormous cells, control characters,
 * wrong encodings, duplicate ids, ids of another database, absurd dates and periods, oversized fields.
 * Each case has its expected outcome — a named Russian message with the database unchanged, or the
 * correct import — and a time ceiling; the heaviest run in a child process with a 1 GB heap, where
 * each one's time and the process's peak memory are measured.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../db/errors';
import { FILE_LIMITS, LIMITS } from '../../shared/limits';
import type { Db } from '../../db/open';
import { parseTerm } from '../../db/terms/parse';
import { callApi } from '../../electron/api/call';
import type { ApiMethod } from '../../electron/api/index';
import { parsePeriod } from '../../electron/cli/commands';
import { fillDemo } from '../../electron/demo';
import { commitImport, type ImportSource } from '../../electron/import/index';
import { applyAnswers, previewAnswers } from '../../electron/reports/answers';
import { buildSchoolForm, FORM_SHEET, META_SHEET } from '../../electron/reports/form';
import { closeDatabase, freshDb, snapshotAll } from '../helpers';
import {
  colName,
  documentXml,
  makeDocx,
  makeXlsx,
  makeZip,
  MEASURES,
  planDocx,
  prng,
  planRows,
  planTable,
  planXlsx,
  sheetXml,
  wp,
  xc,
  xrow,
} from './make';

const ROOT = path.resolve(__dirname, '../..');
/** A light case that takes longer than this is a hang in the making (the machine is shared: generous). */
const LIGHT_MS = 10_000;

const randomBytes = (n: number, seed: number) => {
  const r = prng(seed);
  return Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
};
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
const RUSSIAN = /[А-Яа-яЁё]/;

type Outcome = { refused: string; message?: RegExp } | { measures: number; warning?: RegExp; check?: (db: Db, roadmapId: number) => void };

interface FileCase {
  name: string;
  source: () => ImportSource;
  expected: Outcome;
}

const nested = (depth: number, inner: string) => '<w:tbl><w:tr><w:tc>'.repeat(depth) + inner + '</w:tc></w:tr></w:tbl>'.repeat(depth);
const names = (db: Db, roadmapId: number) =>
  db.sqlite.prepare('SELECT name FROM measures WHERE roadmap_id = ? ORDER BY position').pluck().all(roadmapId) as string[];
const column = (db: Db, roadmapId: number, col: 'term' | 'executors' | 'number') =>
  db.sqlite.prepare(`SELECT ${col} FROM measures WHERE roadmap_id = ? ORDER BY position`).pluck().all(roadmapId) as string[];
const roadmapOf = (db: Db, id: number) =>
  db.sqlite.prepare('SELECT period_start AS start, period_end AS end, title FROM roadmaps WHERE id = ?').get(id) as {
    start: string;
    end: string;
    title: string;
  };
const LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;
const withMeasure = (cells: string[]) => [MEASURES[0]!, cells];

const docx = (name: string, source: () => Buffer, expected: Outcome): FileCase => ({
  name: `docx: ${name}`,
  source: () => ({ fileName: 'план.docx', data: source() }),
  expected,
});
const xlsx = (name: string, source: () => Buffer, expected: Outcome): FileCase => ({
  name: `xlsx: ${name}`,
  source: () => ({ fileName: 'план.xlsx', data: source() }),
  expected,
});
const paste = (name: string, text: () => string, expected: Outcome): FileCase => ({
  name: `paste: ${name}`,
  source: () => ({ fileName: 'вставка', text: text() }),
  expected,
});
const PASTED = 'План на 2024 год\n№\tМероприятие\tСрок\n1\tЗаседание\tмарт 2024\n';

const fileCases: FileCase[] = [
  docx('a plain plan (the control case)', () => planDocx(), { measures: 2 }),
  docx('tables nested 10 000 deep', () => makeDocx(documentXml(nested(10_000, '<w:p/>'))), {
    refused: 'too_deep',
    message: /таблицы вложены друг в друга глубже 20 уровней/,
  }),
  docx(
    'a cell holding tables nested 15 deep: their text joins the cell',
    () =>
      makeDocx(
        documentXml(
          planTable(withMeasure(['2', 'Вложенное', 'Май 2024', 'Иванова'])).replace(
            '<w:t xml:space="preserve">Вложенное</w:t></w:r></w:p>',
            `<w:t xml:space="preserve">Вложенное</w:t></w:r></w:p>${nested(15, wp('глубоко'))}`,
          ),
        ),
      ),
    {
      measures: 2,
      check: (db, id) => expect(names(db, id)[1]).toBe('Вложенное\nглубоко'),
    },
  ),
  docx(
    'the plan inside 100 000 nested content controls',
    () => makeDocx(documentXml('<w:sdt><w:sdtContent>'.repeat(100_000) + planTable() + '</w:sdtContent></w:sdt>'.repeat(100_000))),
    { measures: 2 },
  ),
  docx('billion laughs', () => makeDocx(documentXml(wp('x').replace('x', '&lol9;'), LAUGHS)), { refused: 'bad_file' }),
  docx(
    'an external entity naming /etc/passwd',
    () => makeDocx(documentXml(planTable().replace('Иванова И.И.', '&xxe;'), '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')),
    { refused: 'bad_file', message: /^(?!.*root:)/ },
  ),
  docx('an undeclared entity, no DOCTYPE', () => makeDocx(documentXml(planTable().replace('Иванова И.И.', '&nbsp;'))), {
    refused: 'bad_file',
  }),
  docx('cut in half', () => planDocx().subarray(0, 300), { refused: 'bad_file' }),
  docx('an empty file', () => Buffer.alloc(0), { refused: 'bad_file' }),
  docx('random bytes', () => randomBytes(5000, 1), { refused: 'bad_file' }),
  docx('a PNG picture renamed', () => PNG, { refused: 'bad_file' }),
  docx('an Excel book renamed', () => planXlsx(), { refused: 'not_docx', message: /нет текста документа Word/ }),
  docx('an old .doc (OLE) renamed', () => OLE, { refused: 'doc_or_encrypted' }),
  docx('an entry marked encrypted', () => makeZip([{ name: 'word/document.xml', data: documentXml(planTable()), flags: 1 }]), {
    refused: 'encrypted',
    message: /защищён паролем/,
  }),
  docx('ZIP64 sizes', () => makeZip([{ name: 'word/document.xml', data: documentXml(planTable()), declaredSize: 0xffffffff }]), {
    refused: 'bad_file',
  }),
  docx('an unknown compression method', () => makeZip([{ name: 'word/document.xml', data: documentXml(planTable()), method: 12 }]), {
    refused: 'bad_file',
  }),
  docx('10 001 entries', () => makeZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `p/${i}`, data: '', method: 0 }))), {
    refused: 'zip_entries',
    message: /больше 10 000 вложенных частей/,
  }),
  docx('200 001 paragraphs', () => makeDocx(documentXml('<w:p/>'.repeat(200_001))), {
    refused: 'too_many_paragraphs',
    message: /больше 200 000 абзацев — похоже, файл повреждён/,
  }),
  docx('50 001 table rows', () => makeDocx(documentXml(`<w:tbl>${'<w:tr><w:tc><w:p/></w:tc></w:tr>'.repeat(50_001)}</w:tbl>`)), {
    refused: 'too_many_rows',
    message: /больше 50 000 строк таблиц/,
  }),
  docx('one paragraph of 1 000 001 characters', () => makeDocx(documentXml(wp('я'.repeat(1_000_001)))), {
    refused: 'too_long_text',
    message: /абзац длиннее 1 000 000 знаков/,
  }),
  docx(
    'a measure name of 30 000 characters: cut to 20 000, reported',
    () => planDocx(withMeasure(['2', 'Д'.repeat(30_000), 'Май 2024', 'Иванова'])),
    {
      measures: 2,
      warning: /Мероприятие 2, наименование: 30 000 знаков при пределе 20 000/,
      check: (db, id) => expect(names(db, id)[1]).toHaveLength(LIMITS.long),
    },
  ),
  docx('a raw control character in the XML', () => makeDocx(documentXml(planTable().replace('Иванова', 'Ива\u0001нова'))), {
    refused: 'bad_file',
  }),
  docx('malformed XML (a tag left open)', () => makeDocx(documentXml(planTable()).replace('</w:tbl>', '')), { refused: 'bad_file' }),
  docx(
    'no body',
    () => makeDocx('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
    { refused: 'bad_file', message: /нет тела документа/ },
  ),
  docx('a body in a foreign namespace', () => makeDocx(documentXml(planTable()).replace('wordprocessingml/2006/main', 'example/other')), {
    refused: 'bad_file',
  }),
  docx('duplicate measure numbers: kept as written', () => planDocx([MEASURES[0]!, MEASURES[0]!]), {
    measures: 2,
    check: (db, id) => expect(column(db, id, 'number')).toEqual(['1', '1']),
  }),
  docx('year 0001 in the title: not taken as the period', () => planDocx(undefined, 'План мероприятий на 0001 год'), {
    measures: 2,
    warning: /Период в документе не подходит/,
    check: (db, id) => expect(roadmapOf(db, id)).toMatchObject({ start: '2024-01-01', end: '2024-12-31' }),
  }),
  docx('a period of a hundred years in the title', () => planDocx(undefined, 'План с 01.01.2000 по 31.12.2099'), {
    measures: 2,
    warning: /длиннее 50 лет/,
    check: (db, id) => expect(roadmapOf(db, id).start).toBe('2024-01-01'),
  }),
  docx(
    '«еженедельно» in a plan «на 9999 год»',
    () => planDocx(withMeasure(['2', 'Планёрка', 'еженедельно', 'Иванова']), 'План на 9999 год'),
    { measures: 2, warning: /Период в документе не подходит/ },
  ),
  docx(
    'a cell spanning a billion columns',
    () =>
      makeDocx(
        documentXml(
          planTable().replace(
            '<w:tc><w:p><w:r><w:t xml:space="preserve">Иванова',
            '<w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr><w:p><w:r><w:t xml:space="preserve">Иванова',
          ),
        ),
      ),
    { measures: 2 },
  ),

  xlsx('a plain plan (the control case)', () => planXlsx(), { measures: 2 }),
  xlsx(
    'a stray cell at XFD1048576',
    () => makeXlsx([{ xml: sheetXml(planRows() + `<row r="1048576">${xc('XFD1048576', 'забыто')}</row>`) }]),
    { measures: 2, warning: /за пределами таблицы \(XFD1048576\)/ },
  ),
  xlsx('a sheet dimension of A1:XFD1048576', () => makeXlsx([{ xml: sheetXml(planRows(), { dimension: 'A1:XFD1048576' }) }]), {
    measures: 2,
  }),
  xlsx(
    'a merge over the whole sheet',
    () => makeXlsx([{ xml: sheetXml(planRows(), { after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' }) }]),
    { refused: 'no_plan' },
  ),
  xlsx(
    '50 001 merged ranges',
    () =>
      makeXlsx([
        {
          xml: sheetXml(planRows(), {
            after: `<mergeCells>${Array.from({ length: 50_001 }, (_, i) => `<mergeCell ref="A${i + 10}:B${i + 10}"/>`).join('')}</mergeCells>`,
          }),
        },
      ]),
    { refused: 'too_many_merges' },
  ),
  xlsx(
    'a formula without a cached value: reported',
    () => makeXlsx([{ xml: sheetXml(planRows().replace(xc('C3', 'Март 2024'), '<c r="C3" t="str"><f>CONCAT("Март ";2024)</f></c>')) }]),
    { measures: 2, warning: /формулы без вычисленного значения \(C3\)/ },
  ),
  xlsx(
    'a formula with its cached value: the value is read',
    () =>
      makeXlsx([
        { xml: sheetXml(planRows().replace(xc('C3', 'Март 2024'), '<c r="C3" t="str"><f>CONCAT("Май ";2024)</f><v>Май 2024</v></c>')) },
      ]),
    { measures: 2, check: (db, id) => expect(column(db, id, 'term')[0]).toBe('Май 2024') },
  ),
  xlsx(
    'a shared string index out of range',
    () =>
      makeXlsx(
        [{ xml: sheetXml(planRows().replace(xc('D3', 'Иванова И.И.'), '<c r="D3" t="s"><v>999999</v></c>')) }],
        [
          {
            name: 'xl/sharedStrings.xml',
            data: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>',
          },
        ],
      ),
    {
      measures: 2,
      check: (db, id) => expect(column(db, id, 'executors')[0]).toBe(''),
    },
  ),
  xlsx(
    'a date in a date format: read as ДД.ММ.ГГГГ',
    () =>
      makeXlsx(
        [{ xml: sheetXml(planRows().replace(xc('C3', 'Март 2024'), '<c r="C3" s="1"><v>45366</v></c>')) }],
        [
          {
            name: 'xl/styles.xml',
            data: '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
          },
        ],
      ),
    {
      measures: 2,
      check: (db, id) => expect(column(db, id, 'term')[0]).toBe('15.03.2024'),
    },
  ),
  xlsx('only very hidden sheets', () => makeXlsx([{ xml: sheetXml(planRows()), state: 'veryHidden' }]), { refused: 'no_plan' }),
  xlsx(
    'a sheet part missing',
    () =>
      makeZip([
        { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="a" r:id="rId1" xmlns:r="r"/></sheets></workbook>' },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: '<Relationships><Relationship Id="rId1" Target="worksheets/none.xml"/></Relationships>',
        },
      ]),
    { refused: 'bad_file' },
  ),
  xlsx(
    'a DOCTYPE with entities in the sheet',
    () => makeXlsx([{ xml: sheetXml(planRows()).replace('<worksheet', `${LAUGHS}<worksheet`) }]),
    { refused: 'bad_file' },
  ),
  // Unreadable references fall back to «the next row / the next cell», as Excel reads rows without them.
  xlsx(
    'cell references that make no sense',
    () => makeXlsx([{ xml: sheetXml(planRows() + `<row r="0">${xc('ZZZZ99999999', '3')}${xc('A0', 'Третье')}</row>`) }]),
    { measures: 3, check: (db, id) => expect(names(db, id)[2]).toBe('Третье') },
  ),
  xlsx('one cell of 1 000 001 characters', () => makeXlsx([{ xml: sheetXml(planRows() + xrow(10, ['я'.repeat(1_000_001)])) }]), {
    refused: 'too_long_text',
    message: /ячейка длиннее 1 000 000 знаков/,
  }),
  xlsx(
    'a measure name of 25 000 characters: cut, reported',
    () => planXlsx(withMeasure(['2', 'Ж'.repeat(25_000), 'Май 2024', 'Иванова'])),
    { measures: 2, warning: /25 000 знаков при пределе 20 000/, check: (db, id) => expect(names(db, id)[1]).toHaveLength(LIMITS.long) },
  ),
  xlsx('cut in half', () => planXlsx().subarray(0, 400), { refused: 'bad_file' }),
  xlsx('a PNG picture renamed', () => PNG, { refused: 'bad_file' }),
  xlsx('an old .xls (OLE) renamed', () => OLE, { refused: 'xls_or_encrypted' }),
  xlsx('an empty file', () => Buffer.alloc(0), { refused: 'bad_file' }),
  xlsx('random bytes', () => randomBytes(3000, 2), { refused: 'bad_file' }),
  xlsx('a Word document renamed', () => planDocx(), { refused: 'bad_file' }),
  xlsx(
    '60 000 filled rows',
    () => makeXlsx([{ xml: sheetXml(planRows() + Array.from({ length: 60_000 }, (_, i) => xrow(i + 10, ['x'])).join('')) }]),
    { refused: 'too_many_rows', message: /больше 50 000 заполненных строк/ },
  ),
  xlsx(
    'a plan far down and right (rows 100 000+, column ZZ)',
    () =>
      makeXlsx([
        {
          xml: sheetXml(
            planRows()
              .replace(
                /r="([A-Z]+)(\d+)"/g,
                (_m, c: string, r: string) => `r="${colName(c.charCodeAt(0) - 64 + 700)}${Number(r) + 100_000}"`,
              )
              .replace(/<row r="(\d+)"/g, (_m, r: string) => `<row r="${Number(r) + 100_000}"`),
          ),
        },
      ]),
    { measures: 2 },
  ),

  paste('a plain pasted table (the control case)', () => PASTED, { measures: 1 }),
  paste(
    'Windows-1251 bytes read as UTF-8',
    () =>
      Buffer.from([0xcc, 0xe5, 0xf0, 0xee, 0xef, 0xf0, 0xe8, 0xff, 0xf2, 0xe8, 0xff, 0x09, 0xd1, 0xf0, 0xee, 0xea])
        .toString('utf8')
        .repeat(3),
    { refused: 'bad_encoding', message: /неверной кодировке/ },
  ),
  paste('50 001 lines', () => 'a\tb\n'.repeat(50_001), { refused: 'too_large', message: /больше 50 000 строк/ }),
  paste('a line of 1 001 columns', () => `${'x\t'.repeat(1001)}\n`, { refused: 'too_large' }),
  paste('control characters in the cells: dropped', () => PASTED.replace('Заседание', 'Засе\u0007да\u0000ние\u001b'), {
    measures: 1,
    check: (db, id) => expect(names(db, id)).toEqual(['Заседание']),
  }),
  paste('a quote never closed: the cell runs to the end', () => `№\tМероприятие\tСрок\n1\t"${'x'.repeat(10_000)}\n2\tещё`, {
    measures: 1,
    check: (db, id) => expect(names(db, id)[0]).toBe(`${'x'.repeat(10_000)}\n2\tещё`),
  }),
  paste('over 20 million characters', () => 'я'.repeat(FILE_LIMITS.pastedChars + 1), { refused: 'too_large' }),
];

let db: Db;
beforeAll(() => {
  db = freshDb();
});
afterAll(() => closeDatabase(db));

describe('hostile files: each refused by name with nothing written, or imported correctly, in bounded time', () => {
  it(`has at least 60 cases in all (${fileCases.length} files here, plus dates, answers, fields and the heavy ones)`, () => {
    expect(fileCases.length).toBeGreaterThanOrEqual(55);
  });
  for (const c of fileCases)
    it(c.name, async () => {
      const before = snapshotAll(db);
      const src = c.source();
      const t0 = performance.now();
      let outcome: { roadmapId: number; warnings: string[] } | AppError;
      try {
        outcome = await commitImport(db, src);
      } catch (err) {
        expect(err, String(err)).toBeInstanceOf(AppError);
        outcome = err as AppError;
      }
      expect(performance.now() - t0).toBeLessThan(LIGHT_MS);
      if ('refused' in c.expected) {
        expect(outcome, JSON.stringify(outcome).slice(0, 300)).toBeInstanceOf(AppError);
        const e = outcome as AppError;
        expect(e.code, e.message).toBe(c.expected.refused);
        expect(e.message).toMatch(RUSSIAN);
        if (c.expected.message) expect(e.message).toMatch(c.expected.message);
        expect(snapshotAll(db)).toEqual(before);
      } else {
        expect(outcome, (outcome as AppError).message).not.toBeInstanceOf(AppError);
        const r = outcome as { roadmapId: number; measures: number; warnings: string[] };
        expect(r.measures).toBe(c.expected.measures);
        if (c.expected.warning) expect(r.warnings.join('\n')).toMatch(c.expected.warning);
        c.expected.check?.(db, r.roadmapId);
      }
    });
});

describe('the heaviest files, in a child process with a 1 GB heap: time under 30 s, peak memory under 1 GB', () => {
  const expected: Record<string, Outcome> = {
    'docx: 240 KB inflating to 150 MB of empty paragraphs': { refused: 'too_many_paragraphs' },
    'docx: claims 1 KB, inflates to 260 MB': { refused: 'unpacked_size', message: /распаковывается больше чем в 200 МБ/ },
    'docx: honestly declares 300 MB': { refused: 'unpacked_size' },
    'xlsx: sheet claims 1 KB, inflates to 260 MB': { refused: 'unpacked_size' },
    'xlsx: 1 000 000 filled rows': { refused: 'too_many_rows' },
    'xlsx: 300 000 empty formatted rows after the plan': { measures: 2 },
    'xlsx: over 500 000 filled cells': { refused: 'too_many_cells', message: /больше 500 000 заполненных ячеек/ },
    'xlsx: 160 MB of empty formatted cells in one row': { refused: 'too_many_elements', message: /больше 2 000 000 элементов разметки/ },
    'xlsx: 80 000 entries in the archive': { refused: 'zip_entries' },
  };
  it('each heavy file ends as expected', { timeout: 300_000 }, () => {
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=1024', path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(__dirname, 'heavy.ts')],
      { cwd: ROOT, encoding: 'utf8', timeout: 280_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            name: string;
            ms: number;
            peakMb: number;
            ok: boolean;
            code?: string;
            message?: string;
            app?: boolean;
            measures?: number;
          },
      );
    expect(lines.map((l) => l.name).sort()).toEqual(Object.keys(expected).sort());
    for (const l of lines) {
      const e = expected[l.name]!;
      expect(l.ms, l.name).toBeLessThan(30_000);
      expect(l.peakMb, l.name).toBeLessThan(1024);
      if ('refused' in e) {
        expect([l.code, l.app], l.name).toEqual([e.refused, true]);
        expect(l.message).toMatch(RUSSIAN);
        if (e.message) expect(l.message).toMatch(e.message);
      } else expect(l.measures, l.name).toBe(e.measures);
    }
  });
});

describe('absurd dates and periods are refused at every door; nothing loops on a date', () => {
  const refusedBy = async (method: ApiMethod, input: unknown, message: RegExp) => {
    const before = snapshotAll(db);
    const t0 = performance.now();
    const r = await callApi({ db }, method, input);
    expect(performance.now() - t0).toBeLessThan(LIGHT_MS);
    expect(r.ok, JSON.stringify(r)).toBe(false);
    if (!r.ok) {
      expect(r.error.code).not.toBe('internal');
      expect(r.error.message).toMatch(message);
    }
    expect(snapshotAll(db)).toEqual(before);
  };
  let roadmapId = 0;
  beforeAll(async () => {
    const r = await callApi({ db }, 'roadmaps.create', { title: 'Карта для дат', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    roadmapId = (r as { ok: true; value: { id: number } }).value.id;
  });

  it('«еженедельно» read against a period ending in 9999 is refused, not looped on', () =>
    refusedBy(
      'terms.parse',
      { text: 'еженедельно', period: { start: '2024-01-01', end: '9999-12-31' } },
      /Год должен быть от 1900 до 2100/,
    ));
  it('a period longer than 50 years is refused by terms.parse', () =>
    refusedBy('terms.parse', { text: 'ежемесячно', period: { start: '1950-01-01', end: '2100-12-31' } }, /длиннее 50 лет/));
  it('a roadmap beginning in year 0001 is refused', () =>
    refusedBy('roadmaps.create', { title: 'К', periodStart: '0001-01-01', periodEnd: '2024-12-31' }, /Год должен быть от 1900 до 2100/));
  it('a roadmap of 61 years is refused', () =>
    refusedBy('roadmaps.create', { title: 'К', periodStart: '2000-01-01', periodEnd: '2060-12-31' }, /длиннее 50 лет/));
  it('a roadmap moved to 2500 is refused', () =>
    refusedBy('roadmaps.update', { id: roadmapId, values: { periodEnd: '2500-01-01' } }, /Год должен быть от 1900 до 2100/));
  it('an import into year 9999 is refused', () =>
    refusedBy(
      'import.preview',
      { fileName: 'т', text: PASTED, period: { start: '9999-01-01', end: '9999-12-31' } },
      /Год должен быть от 1900 до 2100/,
    ));
  it('a quarter of year 0001 is refused', () =>
    refusedBy('execution.set', { measureId: 1, quarter: '0001-Q1', status: 'done' }, /Год должен быть от 1900 до 2100/));
  it('the 1900–1949 boundary period is accepted', async () => {
    const r = await callApi({ db }, 'roadmaps.create', { title: 'Граница', periodStart: '1900-01-01', periodEnd: '1949-12-31' });
    expect(r.ok).toBe(true);
  });
  it('a roadmap already stored with years 0001–0002 (an older version let it in) still shows its execution grid', async () => {
    const id = (await callApi({ db }, 'roadmaps.create', { title: 'Старая', periodStart: '2024-01-01', periodEnd: '2024-12-31' })) as {
      ok: true;
      value: { id: number };
    };
    db.sqlite.prepare("UPDATE roadmaps SET period_start = '0001-01-01', period_end = '0002-06-30' WHERE id = ?").run(id.value.id);
    const grid = await callApi({ db }, 'execution.grid', { roadmapId: id.value.id });
    expect(grid).toMatchObject({ ok: true, value: { quarters: ['0001-Q1', '0001-Q2', '0001-Q3', '0001-Q4', '0002-Q1', '0002-Q2'] } });
  });
  it('the term reader itself gives up on an absurd period instead of looping', () => {
    const t0 = performance.now();
    expect(parseTerm('еженедельно', { period: { start: '2024-01-01', end: '9999-12-31' }, calendar: {} }).kind).toBe('unparsed');
    const long = parseTerm('еженедельно', { period: { start: '2000-01-01', end: '2050-12-31' }, calendar: {} });
    expect(long.kind).toBe('recurring');
    expect(long.due.length).toBeGreaterThan(2600);
    expect(long.due.length).toBeLessThanOrEqual(5000);
    expect(performance.now() - t0).toBeLessThan(LIGHT_MS);
  });
  it('the command line refuses --period 0001-01-01..9999-12-31 with a message', () => {
    expect(() => parsePeriod('0001-01-01..9999-12-31')).toThrow(
      /Неверный --period «0001-01-01..9999-12-31»: Период 0001-01-01 — 9999-12-31 вне допустимых лет/,
    );
  });
});

describe('oversized fields through the main API doors: one character over the limit is refused, nothing written', () => {
  const over = (limit: number) => 'ю'.repeat(limit + 1);
  const refused = async (method: ApiMethod, input: unknown) => {
    const before = snapshotAll(db);
    const r = await callApi({ db }, method, input);
    expect(r.ok, method).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(RUSSIAN);
    expect(snapshotAll(db)).toEqual(before);
  };
  it('titles, names, terms, results, people and execution notes', async () => {
    const roadmap = (await callApi({ db }, 'roadmaps.create', {
      title: 'т'.repeat(LIMITS.medium),
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
    })) as { ok: true; value: { id: number } };
    expect(roadmap.ok, 'a title of exactly the limit is accepted').toBe(true);
    const roadmapId = roadmap.value.id;
    await refused('roadmaps.create', { title: over(LIMITS.medium), periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    await refused('roadmaps.update', { id: roadmapId, values: { goal: over(LIMITS.long) } });
    await refused('plan.addSection', { roadmapId, title: over(LIMITS.medium) });
    await refused('plan.addMeasure', { roadmapId, sectionId: null, values: { name: over(LIMITS.long) } });
    await refused('plan.addMeasure', { roadmapId, sectionId: null, values: { name: 'М', term: over(LIMITS.medium) } });
    await refused('plan.addMeasure', { roadmapId, sectionId: null, values: { name: 'М', executors: over(LIMITS.medium) } });
    await refused('plan.addMeasure', { roadmapId, sectionId: null, values: { name: 'М', number: over(LIMITS.short) } });
    await refused('people.create', { fullName: over(LIMITS.short) });
    await refused('organizations.create', { kind: 'school', name: over(LIMITS.medium) });
    await refused('import.preview', { fileName: 'т', text: PASTED, title: over(LIMITS.medium) });
  });
});

describe('school answers: tampered, foreign, duplicated and oversized', () => {
  let demo: Db;
  let school = 0;
  let form: Buffer;
  beforeAll(async () => {
    demo = freshDb();
    fillDemo(demo);
    school = demo.sqlite.prepare("SELECT id FROM organizations WHERE short_name = 'МАОУ СОШ № 2'").pluck().get() as number;
    form = (await buildSchoolForm(demo, { quarter: '2022-Q2', schoolId: school })).data;
  });
  afterAll(() => closeDatabase(demo));

  /** The form changed as a person (or a script) would with Excel: `edit` gets both sheets. */
  const edited = async (edit: (formSheet: ExcelJS.Worksheet, meta: ExcelJS.Worksheet) => void) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(form as unknown as ExcelJS.Buffer);
    edit(wb.getWorksheet(FORM_SHEET)!, wb.getWorksheet(META_SHEET)!);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const firstRow = 8;
  const refusedWith = async (data: Buffer, code: string, message: RegExp) => {
    const before = snapshotAll(demo);
    const err = await previewAnswers(demo, [{ name: 'ответ.xlsx', data }]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    expect((err as AppError).message).toMatch(message);
    expect(snapshotAll(demo)).toEqual(before);
  };

  it('another quarter written into the very hidden sheet is refused', async () =>
    refusedWith(
      await edited((_f, meta) => (meta.getCell('B4').value = '2022-Q3')),
      'form_tampered',
      /изменена вручную: в служебных данных III квартал 2022 года/,
    ));
  it('another school written into the very hidden sheet is refused', async () => {
    const other = demo.sqlite
      .prepare("SELECT id FROM organizations WHERE kind = 'school' AND id <> ? ORDER BY id")
      .pluck()
      .get(school) as number;
    await refusedWith(await edited((_f, meta) => (meta.getCell('B3').value = other)), 'form_tampered', /в служебных данных школа/);
  });
  it('an organization that is not a school is refused', async () => {
    const rmk = demo.sqlite.prepare("SELECT id FROM organizations WHERE kind <> 'school' ORDER BY id").pluck().get() as number;
    await refusedWith(await edited((_f, meta) => (meta.getCell('B3').value = rmk)), 'form_tampered', /указана не школа/);
  });
  it('the id of another database is refused', async () =>
    refusedWith(
      await edited((_f, meta) => (meta.getCell('B2').value = '00000000-0000-4000-8000-000000000000')),
      'foreign_form',
      /из другой базы данных/,
    ));
  it('a measure listed twice in the hidden sheet is refused', async () =>
    refusedWith(
      await edited((_f, meta) => {
        meta.getCell(9, 1).value = meta.getCell(8, 1).value;
      }),
      'form_tampered',
      /записано в служебных данных дважды/,
    ));
  it('a measure answered twice in one form, differently, is a disagreement', async () => {
    let id = 0;
    const data = await edited((f) => {
      id = Number(f.getCell(firstRow, 1).value);
      const last = f.rowCount + 1;
      f.getRow(firstRow).eachCell((cell, c) => (f.getCell(last, c).value = cell.value));
      f.getCell(firstRow, 7).value = 'выполнено';
      f.getCell(last, 7).value = 'не выполнено';
    });
    const p = await previewAnswers(demo, [{ name: 'ответ.xlsx', data }]);
    expect(p.changes.filter((c) => c.measureId === id).map((c) => c.conflicts)).toEqual([['disagreement'], ['disagreement']]);
  });
  it('a measure id moved to another roadmap in the hidden sheet is an unknown measure', async () => {
    const data = await edited((f, meta) => {
      meta.getCell(8, 2).value = 987654;
      f.getCell(firstRow, 7).value = 'выполнено';
    });
    const p = await previewAnswers(demo, [{ name: 'ответ.xlsx', data }]);
    expect(p.changes[0]!.conflicts).toEqual(['unknown_measure']);
  });
  it('an answer of 32 767 characters (Excel’s maximum) is cut to 20 000 and reported; only 20 000 are stored', async () => {
    const data = await edited((f) => {
      f.getCell(firstRow, 7).value = 'выполнено';
      f.getCell(firstRow, 8).value = 'р'.repeat(32_767);
    });
    const p = await previewAnswers(demo, [{ name: 'ответ.xlsx', data }]);
    expect(p.warnings.join('\n')).toMatch(/строка 8: текст длиннее 20 000 знаков \(32 767\) — сохранены первые 20 000/);
    const change = p.changes[0]!;
    expect(change.new.result).toHaveLength(LIMITS.long);
    applyAnswers(demo, [{ measureId: change.measureId, quarter: change.quarter, values: change.new }]);
    expect(
      demo.sqlite
        .prepare('SELECT length(result) FROM executions WHERE measure_id = ? AND quarter = ?')
        .pluck()
        .get(change.measureId, change.quarter),
    ).toBe(LIMITS.long);
  });
  it('a stray cell at XFD1048576 costs nothing; a formula without a value is reported', async () => {
    const data = await edited((f) => {
      f.getCell(firstRow, 10).value = 'Примечание рядом с шальной ячейкой';
      f.getCell('XFD1048576').value = 'x';
      f.getCell(firstRow, 9).value = { formula: 'A1&"!"' } as ExcelJS.CellFormulaValue;
    });
    const t0 = performance.now();
    const p = await previewAnswers(demo, [{ name: 'ответ.xlsx', data }]);
    expect(performance.now() - t0).toBeLessThan(LIGHT_MS);
    expect(p.warnings.join('\n')).toMatch(/в ячейках I8 формулы без вычисленного значения/);
    expect(p.changes.map((c) => c.new.note)).toContain('Примечание рядом с шальной ячейкой');
  });
});
