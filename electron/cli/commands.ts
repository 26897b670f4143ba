/**
 * The CLI's commands. Whatever reads or writes data goes through the API's door (./door.ts), so a
 * command is validated and refused with the same Russian message as the UI; the flags are only
 * turned into a method's input. Two stay outside it: `demo` (a developer's fill of an empty file,
 * not an action of the program) and `term` (a pure reading of a phrase that needs no database).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';
import type { Db } from '../../db/open';
import { QUARTER_RE } from '../../shared/quarters';
import { parseTerm } from '../../db/terms/parse';
import { periodProblem } from '../../db/terms/period';
import { getSchoolCalendar } from '../../db/terms/store';
import type { ApiInput } from '../api/index';
import { fillDemo } from '../demo';
import { writeFileAtomic } from '../files/write-atomic';
import { backupDatabase, copyDatabase } from '../../db/backup';
import { countContents, restoreDatabase } from '../../db/restore';
import { callByName, parseInput, viaApi, viaApiWithoutDb } from './door';

export interface CommandContext {
  /** Opens the database on first use (`--db`, RMK_DB or the default place). */
  db: () => Db;
  /** After a restore: the database now open in place of the one `db()` gave. */
  replaceDb: (db: Db) => void;
  args: string[];
  options: {
    roadmap?: string[] | undefined;
    quarter?: string | undefined;
    school?: string | undefined;
    date?: string | undefined;
    'prepared-by'?: string | undefined;
    apply?: boolean | undefined;
    title?: string | undefined;
    'dry-run'?: boolean | undefined;
    period?: string | undefined;
    stdin?: boolean | undefined;
    db?: string | undefined;
    order?: string | undefined;
    meeting?: string | undefined;
    out?: string | undefined;
    orientation?: string | undefined;
    'no-passport'?: boolean | undefined;
    'no-stamp'?: boolean | undefined;
    'no-indicators'?: boolean | undefined;
    'read-only'?: boolean | undefined;
  };
  out: (line: string) => void;
}

const json = (v: unknown) => JSON.stringify(v);

function positiveId(raw: string | undefined, flag: string): number {
  if (raw === undefined) throw new AppError('usage', `Укажите ${flag} ID.`);
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new AppError('usage', `${flag} должен быть положительным целым числом, а не «${raw}».`);
  return n;
}

const lists: Record<string, (db: Db) => Promise<unknown[]>> = {
  roadmaps: async (db) =>
    (await viaApi(db, 'roadmaps.list')).map(({ id, title, periodStart, periodEnd, level, sections, measures }) => ({
      id,
      title,
      periodStart,
      periodEnd,
      level,
      sections,
      measures,
    })),
  orders: (db) => viaApi(db, 'orders.list'),
  meetings: (db) => viaApi(db, 'meetings.list'),
  schools: async (db) =>
    (await viaApi(db, 'organizations.list', { kind: 'school' })).map(
      ({ id, name, shortName, aliases, isShnor, isShnsu, is500, directorId, curatorId }) => ({
        id,
        name,
        shortName,
        aliases,
        isShnor,
        isShnsu,
        is500,
        directorId,
        curatorId,
      }),
    ),
  people: async (db) =>
    (await viaApi(db, 'people.list')).map(({ id, fullName, position, organizationId, phone, email }) => ({
      id,
      name: fullName,
      fullName,
      position,
      organizationId,
      phone,
      email,
    })),
};

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new AppError('no_file', `Не удалось прочитать «${file}»: файла нет или он занят другой программой.`, { cause: err });
  }
}

/** A file the API returned as base64, written where --out says. */
function writeOut(file: string, base64: string, out: (line: string) => void): void {
  const data = Buffer.from(base64, 'base64');
  writeFileAtomic(file, data);
  out(json({ out: path.resolve(file), bytes: data.length }));
}

/** `--period 2024-01-01..2024-12-31`; without it, the current calendar year. */
export function parsePeriod(raw: string | undefined): { start: string; end: string } {
  if (raw === undefined) {
    const y = new Date().getFullYear();
    return { start: `${y}-01-01`, end: `${y}-12-31` };
  }
  const m = raw.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/);
  const valid = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!m || !valid(m[1]!) || !valid(m[2]!) || m[1]! > m[2]!)
    throw new AppError('usage', `Неверный --period «${raw}»: нужен вид ГГГГ-ММ-ДД..ГГГГ-ММ-ДД, начало не позже окончания.`);
  const problem = periodProblem(m[1]!, m[2]!);
  if (problem) throw new AppError('usage', `Неверный --period «${raw}»: ${problem}`);
  return { start: m[1]!, end: m[2]! };
}

/** Commands that change the database: they take the lock beside it. */
export function writes(name: string, args: string[], options: CommandContext['options']): boolean {
  if (name === 'demo' || name === 'restore') return true;
  if (name === 'import') return args[0] === 'answers' ? options.apply === true : options['dry-run'] !== true;
  // `call` writes unless the method only reads (lists, gets, previews, downloads, readings of terms).
  if (name === 'call')
    return !/\.(list|get\w*|dump|grid|due|parse|preview|importPreview|quarters|info|download|describe|suggest)$/.test(args[0] ?? '');
  return false;
}

/**
 * `import indicators FILE.xlsx [--roadmap ID] [--dry-run]`: every row's outcome as a JSON line, the problems
 * on stderr; any problem exits 1 with nothing written, as the dialog's «Загрузить» stays disabled.
 */
async function importIndicators({ db, args, options, out }: Pick<CommandContext, 'db' | 'args' | 'options' | 'out'>): Promise<void> {
  if (args.length !== 1)
    throw new AppError(
      'usage',
      'Укажите один файл: npm run -s cli -- import indicators --db ФАЙЛ ЗНАЧЕНИЯ.xlsx [--roadmap ID] [--dry-run]',
    );
  const file = args[0]!;
  const input: ApiInput<'indicators.importPreview'> = {
    fileName: path.basename(file),
    base64: readFile(file).toString('base64'),
    ...(options.roadmap?.length ? { roadmapId: positiveId(options.roadmap[0], '--roadmap') } : {}),
  };
  const p = await viaApi(db(), 'indicators.importPreview', input);
  for (const w of p.warnings) process.stderr.write(`${w}\n`);
  for (const r of p.rows) out(json(r));
  for (const line of p.problems) process.stderr.write(`${line}\n`);
  if (p.problems.length) throw new AppError('import_problems', `В «${p.fileName}» ошибок: ${p.problems.length} — ничего не записано.`);
  if (options['dry-run']) {
    out(json({ dryRun: true, ...p.counts }));
    return;
  }
  out(json(await viaApi(db(), 'indicators.importApply', input)));
}

export const commands: Record<string, (ctx: CommandContext) => void | Promise<void>> = {
  import: async ({ db, args, options, out }) => {
    const [what, ...files] = args;
    if (what === 'indicators') return importIndicators({ db, args: files, options, out });
    if (what !== 'answers') {
      // `import FILE`: a roadmap from Word, Excel or a text file with a pasted table.
      if (!what || files.length)
        throw new AppError(
          'usage',
          'Укажите один файл: npm run -s cli -- import --db ФАЙЛ ДОКУМЕНТ.docx [--title …] [--period …] [--dry-run]',
        );
      const data = readFile(what);
      const input: ApiInput<'import.commit'> = {
        fileName: path.basename(what),
        ...(/\.(txt|tsv)$/i.test(what) ? { text: data.toString('utf8') } : { base64: data.toString('base64') }),
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(options.period ? { period: parsePeriod(options.period) } : {}),
      };
      if (options['dry-run']) out(json(await viaApi(db(), 'import.preview', input)));
      else {
        const r = await viaApi(db(), 'import.commit', input);
        out(json({ roadmapId: r.roadmapId, sections: r.sections, measures: r.measures, warnings: r.warnings }));
      }
      return;
    }
    if (!files.length) throw new AppError('usage', 'Укажите файлы форм с ответами школ.');
    const read = files.map((f) => ({ name: path.basename(f), base64: readFile(f).toString('base64') }));
    const { changes, indicators, warnings } = await viaApi(db(), 'answers.preview', { files: read });
    for (const w of warnings) process.stderr.write(`${w}\n`);
    for (const c of changes) out(json(c));
    for (const v of indicators) out(json(v));
    if (options.apply) {
      const clean = changes.filter((c) => c.conflicts.length === 0);
      // As the UI sends them: a value the form left empty (null) is not written.
      const values = (v: object) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined));
      if (clean.length > 0 || indicators.length > 0)
        await viaApi(db(), 'answers.apply', {
          indicators: indicators.map((v) => ({
            indicatorId: v.indicatorId,
            schoolId: v.schoolId,
            year: v.year,
            value: v.new.value,
            weight: v.weight,
            measuredOn: v.new.measuredOn,
            evidence: v.new.evidence,
          })),
          answers: clean.map((c) => ({
            measureId: c.measureId,
            quarter: c.quarter,
            values: values(c.new),
            ...(c.filledBy ? { filledBy: c.filledBy } : {}),
            schoolId: c.schoolId,
            file: c.file,
          })),
        });
      process.stderr.write(
        `Записано ответов: ${clean.length}; не записано из-за конфликтов: ${changes.length - clean.length}.${indicators.length ? ` Записано значений индикаторов: ${indicators.length}.` : ''}\n`,
      );
    }
  },
  /** `consolidate --out СВОД.xlsx ОТЧЁТ.xlsx …`: the region's consolidation of districts' reports; no database. */
  consolidate: async ({ args, options, out }) => {
    if (!options.out || !args.length)
      throw new AppError(
        'usage',
        'Укажите --out СВОД.xlsx и файлы отчётов районов: npm run -s cli -- consolidate --out СВОД.xlsx ОТЧЁТ.xlsx …',
      );
    const files = args.map((f) => ({ name: path.basename(f), base64: readFile(f).toString('base64') }));
    const r = await viaApiWithoutDb('reports.consolidate', { files });
    for (const line of [...r.refused, ...r.warnings]) process.stderr.write(`${line}\n`);
    if (!('base64' in r)) throw new AppError('internal', 'Свод не получен.');
    writeOut(options.out, r.base64, out);
    out(json({ districts: r.lines.length, rows: r.rows, overdue: r.overdue, refused: r.refused.length, warnings: r.warnings.length }));
  },
  demo: ({ db, out }) => {
    out(json(fillDemo(db())));
  },
  /** `call <method> ['<JSON input>']`: any API method, exactly as the UI calls it; the value as JSON. */
  call: async ({ db, args, out }) => {
    const [method, raw, ...extra] = args;
    if (!method || extra.length)
      throw new AppError(
        'usage',
        'Укажите действие и, если нужно, входные данные одним аргументом JSON: npm run -s cli -- call plan.get \'{"roadmapId":1}\'',
      );
    out(json(await callByName(db(), method, parseInput(raw))));
  },
  list: async ({ db, args, out }) => {
    const what = args[0] ?? 'roadmaps';
    const list = lists[what];
    if (!list) throw new AppError('usage', `Нечего перечислить: «${what}». Можно: ${Object.keys(lists).join(', ')}.`);
    for (const row of await list(db())) out(json(row));
  },
  dump: async ({ db, options, out }) => {
    out(json(await viaApi(db(), 'roadmaps.dump', { id: positiveId(options.roadmap?.[0], '--roadmap') })));
  },
  term: ({ db, args, options, out }) => {
    const period = parsePeriod(options.period);
    const calendarDb = options.db !== undefined || process.env.RMK_DB ? db() : null;
    const texts = options.stdin ? fs.readFileSync(0, 'utf8').split(/\r?\n/) : [args.join(' ')];
    // With --stdin a final newline does not make one more (empty) term.
    if (options.stdin && texts.at(-1) === '') texts.pop();
    for (const text of texts) out(json(parseTerm(text, { period, calendar: calendarDb ? getSchoolCalendar(calendarDb) : {} })));
  },
  export: async ({ db, args, options, out }) => {
    const what = args[0];
    if (!options.out) throw new AppError('usage', 'Укажите --out ФАЙЛ.docx.');
    let request: ApiInput<'documents.download'>['request'];
    if (what === 'appendix') {
      const orientation = options.orientation;
      if (orientation !== undefined && orientation !== 'portrait' && orientation !== 'landscape')
        throw new AppError('usage', `--orientation: portrait или landscape, а не «${orientation}».`);
      request = {
        kind: 'appendix',
        roadmapId: positiveId(options.roadmap?.[0], '--roadmap'),
        ...(options.order !== undefined ? { orderId: positiveId(options.order, '--order') } : {}),
        ...(orientation ? { orientation } : {}),
        ...(options['no-passport'] ? { includePassport: false } : {}),
        ...(options['no-stamp'] ? { includeStamp: false } : {}),
        ...(options['no-indicators'] ? { includeIndicators: false } : {}),
      };
    } else if (what === 'order') request = { kind: 'order', orderId: positiveId(options.order, '--order') };
    else if (what === 'protocol') request = { kind: 'protocol', meetingId: positiveId(options.meeting, '--meeting') };
    else if (what === 'report' || what === 'form') {
      const quarter = options.quarter;
      if (!quarter || !QUARTER_RE.test(quarter))
        throw new AppError('usage', `Укажите --quarter в виде 2022-Q2${quarter ? `, а не «${quarter}»` : ''}.`);
      if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date))
        throw new AppError('usage', `--date пишется как ГГГГ-ММ-ДД, а не «${options.date}».`);
      // A date that is not in the calendar (2022-02-31) is refused by the API, as in the UI.
      const book =
        what === 'report'
          ? await viaApi(db(), 'reports.download', {
              quarter,
              roadmapIds: (options.roadmap ?? []).map((r) => positiveId(r, '--roadmap')),
              ...(options.date !== undefined ? { date: options.date } : {}),
              ...(options['prepared-by'] !== undefined ? { preparedBy: options['prepared-by'] } : {}),
            })
          : await viaApi(db(), 'forms.download', { quarter, schoolId: positiveId(options.school, '--school') });
      writeOut(options.out, book.base64, out);
      return;
    } else throw new AppError('usage', `Что выгрузить: appendix, order, protocol, report или form, а не «${what ?? ''}».`);
    // The UI says this before «Сохранить»; here it goes to stderr, and the file is still written.
    for (const w of (await viaApi(db(), 'documents.preview', { request })).warnings) process.stderr.write(`Внимание: ${w}\n`);
    writeOut(options.out, (await viaApi(db(), 'documents.download', { request })).base64, out);
  },
  backup: async ({ db, options, out }) => {
    const source = db();
    const made = options.out
      ? await copyDatabase({ connection: source.sqlite }, path.resolve(options.out))
      : await backupDatabase(source.sqlite, source.path, 'manual');
    const contents = countContents(made);
    out(json({ out: made, bytes: fs.statSync(made).size, ...contents }));
  },
  restore: async ({ db, replaceDb, args, out }) => {
    const [file, ...more] = args;
    if (!file || more.length) throw new AppError('usage', 'Укажите один файл копии: npm run -s cli -- restore --db ФАЙЛ КОПИЯ.sqlite');
    const r = await restoreDatabase(db(), file, replaceDb);
    out(
      json({
        restored: r.restored.file,
        date: r.restored.date,
        roadmaps: r.restored.roadmaps,
        measures: r.restored.measures,
        text: r.restored.text,
        replacedBackup: r.replacedBackup,
      }),
    );
  },
};
