/**
 * Bringing an existing roadmap in: from a .docx, an .xlsx or a pasted table, a preview (what will be
 * stored, the column mapping, warnings), and on confirmation the roadmap written in one transaction
 * with the original file name and the import date kept on it.
 */
import path from 'node:path';
import { AppError } from '../../db/errors';
import { DATE_LIMITS, FILE_LIMITS, formatLimit, LIMITS } from '../../shared/limits';
import { periodProblem } from '../../db/terms/period';
import { listOrders } from '../../db/orders';
import type { Db } from '../../db/open';
import { insertPlan } from '../../db/plan';
import { type Captions, createRoadmap, PASSPORT_FIELDS, type Passport } from '../../db/roadmaps';
import { iso } from '../../db/terms/dates';
import { parseTerm, periodFromText } from '../../db/terms/parse';
import { getSchoolCalendar } from '../../db/terms/store';
import { fold } from '../../db/text';
import { readDocx } from './docx-reader';
import type { Block } from './grid';
import { readPasted } from './paste-reader';
import { fitToLimits } from './fit';
import { type ColumnMap, type Field, type ImportedSection, recognize, type Recognized } from './recognize';
import { readXlsx } from './xlsx-reader';
import { attachAppendix } from '../../db/orders';
import { inTransaction } from '../../db/transaction';

export interface ImportSource {
  fileName: string;
  data?: Buffer;
  text?: string;
}
export interface ImportOptions {
  title?: string | undefined;
  period?: { start: string; end: string } | undefined;
  /** The column mapping the user chose: field → column index (null leaves the field out). */
  columns?: Partial<Record<Field, number | null>> | undefined;
  /** Link the roadmap to the order named in its appendix mark, when that order exists. */
  linkOrder?: boolean | undefined;
}

export interface ImportPreview {
  fileName: string;
  source: 'docx' | 'xlsx' | 'paste';
  sheet: string | null;
  title: string;
  periodStart: string;
  periodEnd: string;
  captions: Captions;
  columns: { index: number; caption: string; field: Field | null }[];
  passport: Partial<Passport>;
  sections: ImportedSection[];
  counts: { sections: number; measures: number };
  autoNumber: boolean;
  warnings: string[];
  order: { appendixNumber: string; number: string; date: string; existingOrderId: number | null } | null;
  /** The appendix mark above the plan as written (any document: an order, a programme, a decree); stored with the roadmap. */
  appendixMark: string | null;
}

/** Anything larger is not a roadmap; most of such a file would be pictures anyway. */
export const MAX_IMPORT_BYTES = FILE_LIMITS.fileBytes;
export const MAX_MEASURES = FILE_LIMITS.measures;

async function readSource(
  src: ImportSource,
): Promise<{ source: ImportPreview['source']; sheets: { name: string | null; blocks: Block[]; warnings?: string[] }[] }> {
  if (src.text !== undefined) return { source: 'paste', sheets: [{ name: null, blocks: readPasted(src.text) }] };
  const data = src.data!;
  if (data.length > MAX_IMPORT_BYTES)
    throw new AppError(
      'too_large',
      `«${src.fileName}» слишком большой (${Math.round(data.length / 1048576)} МБ): импортируются файлы до ${MAX_IMPORT_BYTES / 1048576} МБ.`,
    );
  const ext = path.extname(src.fileName).toLowerCase();
  if (ext === '.doc')
    throw new AppError(
      'doc',
      `«${src.fileName}» — документ в старом формате Word (.doc). Откройте его в Word и сохраните как «Документ Word (.docx)».`,
    );
  if (ext === '.xls')
    throw new AppError(
      'xls',
      `«${src.fileName}» — книга в старом формате Excel (.xls). Откройте её в Excel и сохраните как «Книга Excel (.xlsx)».`,
    );
  if (ext === '.xlsx')
    return {
      source: 'xlsx',
      sheets: (await readXlsx(data, src.fileName)).map((s) => ({ name: s.sheet, blocks: s.blocks, warnings: s.warnings })),
    };
  if (ext === '.docx') return { source: 'docx', sheets: [{ name: null, blocks: await readDocx(data, src.fileName) }] };
  throw new AppError(
    'unsupported',
    `«${src.fileName}»: импортируются документы Word (.docx), книги Excel (.xlsx) и таблицы, вставленные из буфера обмена.`,
  );
}

function resolvePeriod(db: Db, r: Recognized, title: string, warnings: string[]): { start: string; end: string } {
  // A period read from the text that no plan can have (a typo such as «2024–2204») is ignored, with a word.
  const sane = (p: { start: string; end: string } | null) => {
    if (p && periodProblem(p.start, p.end)) {
      warnings.push(`Период в документе не подходит (${periodProblem(p.start, p.end)}) — он не взят; проверьте.`);
      return null;
    }
    return p;
  };
  // The term reader's grammar reads the period too (db/terms/parse.ts): «в 2023-2024 учебном году» means the same in a title and in a term.
  const calendar = getSchoolCalendar(db);
  const fromPassport = r.passport.period ? sane(periodFromText(r.passport.period, calendar)) : null;
  const fromTitle = sane(periodFromText(title, calendar));
  if (fromPassport ?? fromTitle) return (fromPassport ?? fromTitle)!;
  const years = r.sections.flatMap((s) =>
    s.measures.flatMap((m) => [...m.term.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((x) => Number(x[1]))),
  );
  if (years.length && Math.max(...years) - Math.min(...years) <= DATE_LIMITS.maxPeriodYears) {
    warnings.push('Период не указан в документе — определён по годам в сроках мероприятий; проверьте.');
    return { start: iso(Math.min(...years), 1, 1), end: iso(Math.max(...years), 12, 31) };
  }
  const y = new Date().getFullYear();
  warnings.push(`Период не найден в документе — взят ${y} год; исправьте при необходимости.`);
  return { start: iso(y, 1, 1), end: iso(y, 12, 31) };
}

/** Would auto-numbering give exactly these numbers? Then the imported roadmap numbers itself from now on. */
function numbersAreAuto(sections: ImportedSection[]): boolean {
  let s = 0;
  return sections.every((sec) => {
    if (sec.title !== null) s++;
    const sectionOk = sec.title === null || sec.number === String(s);
    return sectionOk && sec.measures.every((m, i) => m.number === (sec.title === null ? String(i + 1) : `${s}.${i + 1}`));
  });
}

const sameNumber = (a: string, b: string) => fold(a).replace(/[\s–—-]+/g, '') === fold(b).replace(/[\s–—-]+/g, '');

export async function previewImport(db: Db, src: ImportSource, options: ImportOptions = {}): Promise<ImportPreview> {
  const { source, sheets } = await readSource(src);
  const forced: ColumnMap | undefined = options.columns
    ? (Object.fromEntries(Object.entries(options.columns).filter(([, v]) => v !== null && v !== undefined)) as ColumnMap)
    : undefined;
  let found: { r: Recognized; sheet: string | null; warnings: string[] } | null = null;
  for (const s of sheets) {
    const r = recognize(s.blocks, forced);
    if (r) {
      found = { r, sheet: s.name, warnings: s.warnings ?? [] };
      break;
    }
  }
  if (!found)
    throw new AppError(
      'no_plan',
      source === 'paste'
        ? 'Во вставленном тексте не найдена таблица мероприятий: нужна строка заголовков («Мероприятия», «Сроки», «Ответственные»…) и строки под ней, столбцы разделены табуляцией.'
        : `В «${src.fileName}» не найдена таблица мероприятий: нет строки заголовков со столбцами «Мероприятия», «Сроки», «Ответственные»… Ничего не импортировано.`,
    );
  const { r, sheet } = found;
  const warnings = [...found.warnings, ...r.warnings];
  const measures = r.sections.reduce((n, s) => n + s.measures.length, 0);
  if (measures === 0)
    throw new AppError('empty_plan', `В таблице мероприятий «${src.fileName}» нет ни одного мероприятия. Ничего не импортировано.`);
  if (measures > MAX_MEASURES)
    throw new AppError(
      'too_many',
      `В таблице ${measures} мероприятий — больше, чем бывает в дорожной карте (${MAX_MEASURES}). Проверьте файл.`,
    );
  // The passport's «Наименование» names the roadmap exactly; the heading above may be a paraphrase.
  const title =
    options.title?.trim() ||
    r.passport.title?.replace(/\s+/g, ' ').trim() ||
    r.titleLines.join(' ').replace(/\s+/g, ' ').trim() ||
    path.basename(src.fileName, path.extname(src.fileName)) ||
    'Дорожная карта';
  const period = options.period ?? resolvePeriod(db, r, title, warnings);
  const passport = Object.fromEntries(PASSPORT_FIELDS.filter((f) => r.passport[f]).map((f) => [f, r.passport[f]!])) as Partial<Passport>;
  fitToLimits(r.sections, passport, r.captions, warnings);
  if (title.length > LIMITS.medium)
    warnings.push(
      `Название: ${formatLimit(title.length)} знаков при пределе ${formatLimit(LIMITS.medium)} — взяты первые ${formatLimit(LIMITS.medium)}.`,
    );
  const calendar = getSchoolCalendar(db);
  // A plan repeats its terms («Ежеквартально», «В течение года») hundreds of times: each text is read once.
  const unread = new Map<string, boolean>();
  const isUnread = (term: string) => {
    let u = unread.get(term);
    if (u === undefined) unread.set(term, (u = parseTerm(term, { period, calendar }).kind === 'unparsed'));
    return u;
  };
  for (const s of r.sections)
    for (const m of s.measures)
      if (m.term.trim() && isUnread(m.term))
        warnings.push(`Срок не распознан: «${m.term.slice(0, 80)}» (мероприятие ${m.number.replace(/\.$/, '')}).`);
  const appendixMark = r.appendixMark === null ? null : r.appendixMark.slice(0, LIMITS.medium);
  if (r.appendixMark && r.appendixMark.length > LIMITS.medium)
    warnings.push(
      `Отметка о приложении: ${formatLimit(r.appendixMark.length)} знаков при пределе ${formatLimit(LIMITS.medium)} — взяты первые ${formatLimit(LIMITS.medium)}.`,
    );
  const order = r.mark
    ? {
        ...r.mark,
        existingOrderId: listOrders(db).find((o) => o.date === r.mark!.date && sameNumber(o.number, r.mark!.number))?.id ?? null,
      }
    : null;
  return {
    fileName: src.fileName,
    source,
    sheet,
    title: title.slice(0, LIMITS.medium),
    periodStart: period.start,
    periodEnd: period.end,
    captions: r.captions,
    columns: r.columns,
    passport,
    sections: r.sections,
    counts: { sections: r.sections.filter((s) => s.title !== null).length, measures },
    autoNumber: numbersAreAuto(r.sections),
    warnings,
    order,
    appendixMark,
  };
}

export async function commitImport(
  db: Db,
  src: ImportSource,
  options: ImportOptions = {},
): Promise<{ roadmapId: number; sections: number; measures: number; warnings: string[] }> {
  const p = await previewImport(db, src, options);
  if (p.periodStart > p.periodEnd) throw new AppError('bad_period', 'Начало периода позже его окончания.');
  return inTransaction(db, () => {
    const roadmap = createRoadmap(db, {
      title: p.title.slice(0, 2000),
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      captions: p.captions,
      autoNumber: p.autoNumber,
      ...p.passport,
      sourceFile: p.fileName,
      appendixMark: p.appendixMark ?? '',
      importedAt: new Date().toISOString(),
    });
    const counts = insertPlan(db, roadmap.id, p.sections);
    if (p.order?.existingOrderId && options.linkOrder !== false) {
      attachAppendix(db, p.order.existingOrderId, roadmap.id, p.order.appendixNumber);
    }
    return { roadmapId: roadmap.id, ...counts, warnings: p.warnings };
  });
}
