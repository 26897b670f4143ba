/**
 * Finding the roadmap in a document: the plan table among other tables (a passport before it, a
 * signature after it) by its header's captions in any order and wording; continuation tables with
 * the header repeated; section rows; measure numbers as written (or given in place, and flagged); the
 * passport table; the title and period above; the appendix mark, offered as a link to an order.
 */
import { fold } from '../../db/text';
import type { Captions, Passport } from '../../db/roadmaps';
import { DEFAULT_CAPTIONS } from '../../db/roadmaps';
import { columnKind } from './column-content';
import { type Block, expandRow } from './grid';

export const FIELDS = ['number', 'name', 'term', 'executors', 'result'] as const;
export type Field = (typeof FIELDS)[number];
export type ColumnMap = Partial<Record<Field, number>>;

export const FIELD_LABELS: Record<Field, string> = {
  number: '№',
  name: 'мероприятие',
  term: 'срок',
  executors: 'исполнители',
  result: 'результат / показатель',
};

/** «Наименование мероприятия» → name, «Сроки исполнения» → term, «Ответственные исполнители» → executors … */
export function classifyCaption(text: string): Field | null {
  const t = fold(text).replace(/[«»"]/g, '');
  if (!t) return null;
  if (t.length <= 12 && (/^(№|n|no|номер)(\s|$|\.)/.test(t) || /п\/п|пп$/.test(t))) return 'number';
  if (/срок/.test(t)) return 'term';
  // «Ответственные», «Ответсвенный» (a usual typo), «Отв.», «Исполнитель», «Исп.», «Кто проводит», «Ф.И.О.»:
  // a narrow fourth column abbreviates its caption.
  if (/^отв|ответствен|исполнител|^исп(олн)?\.?$|^кто(\s|$|\?)|^ф\.?\s?и\.?\s?о\.?$/.test(t)) return 'executors';
  if (/результат|показател|ориентир|индикатор|эффект/.test(t)) return 'result';
  if (/мероприяти|наименование|содержание|вид(ы)? работ|направлени/.test(t)) return 'name';
  return null;
}

export interface HeaderMatch {
  map: ColumnMap;
  captions: string[];
}

function detectHeader(texts: string[]): HeaderMatch | null {
  const map: ColumnMap = {};
  texts.forEach((t, i) => {
    const f = classifyCaption(t);
    if (f && map[f] === undefined) map[f] = i;
  });
  const found = Object.keys(map).length;
  return map.name !== undefined && found >= 2 ? { map, captions: texts } : null;
}

/**
 * Columns whose header cell is empty (or missing: a header row shorter than the table) are read by
 * their content, so a 4-column appendix «№ / Мероприятие / Срок / [пусто]» still fills the executors.
 * Only a field no caption claimed is given this way, and the preview says so.
 */
function withUncaptionedColumns(h: HeaderMatch, rows: string[][], warnings: string[]): HeaderMatch {
  const captions = h.captions;
  const map = { ...h.map };
  const taken = new Set(Object.values(map));
  for (let i = 0; i < captions.length; i++) {
    if (captions[i]!.trim() || taken.has(i)) continue;
    const kind = columnKind(rows.filter((r) => r.filter((t) => t.trim()).length > 1).map((r) => r[i] ?? ''));
    if (!kind || map[kind] !== undefined) continue;
    map[kind] = i;
    taken.add(i);
    warnings.push(`Столбец ${i + 1} без заголовка прочитан по содержимому как «${FIELD_LABELS[kind]}» — проверьте сопоставление столбцов.`);
  }
  return { map, captions };
}

export interface ImportedMeasure {
  number: string;
  name: string;
  term: string;
  executors: string;
  result: string;
  /** No number in the file: the app gave one in place. */
  numberedByApp: boolean;
}
export interface ImportedSection {
  number: string;
  title: string | null;
  measures: ImportedMeasure[];
}
export interface OrderMark {
  appendixNumber: string;
  number: string;
  date: string;
}
export interface Recognized {
  titleLines: string[];
  passport: Partial<Passport> & { title?: string; period?: string };
  header: HeaderMatch;
  columns: { index: number; caption: string; field: Field | null }[];
  sections: ImportedSection[];
  warnings: string[];
  mark: OrderMark | null;
  /** The appendix mark as written («Приложение 1 к Муниципальной программе …»), whatever document it names. */
  appendixMark: string | null;
  captions: Captions;
}

const PASSPORT_LABELS: [RegExp, keyof Recognized['passport']][] = [
  [/^наименование/, 'title'],
  [/срок/, 'period'],
  [/координатор/, 'coordinator'],
  [/^цел/, 'goal'],
  [/^задач/, 'tasks'],
  [/направлени/, 'directions'],
  [/индикатор|показател|критери/, 'indicators'],
  [/ожидаем|результат/, 'expectedResults'],
  [/основани|нормативн|документ/, 'basisDocuments'],
];

function passportOf(rows: string[][]): Recognized['passport'] | null {
  const two = rows.filter((r) => r.filter((t) => t !== '').length >= 1);
  const labelled = two.filter((r) => PASSPORT_LABELS.some(([re]) => re.test(fold(r[0] ?? ''))));
  if (labelled.length < 2) return null;
  const out: Recognized['passport'] = {};
  let last: keyof Recognized['passport'] | null = null;
  for (const r of rows) {
    const label = fold(r[0] ?? '');
    const value = r
      .slice(1)
      .filter((t) => t !== '')
      .join('\n');
    const field = PASSPORT_LABELS.find(([re]) => re.test(label))?.[1] ?? null;
    // Continuation rows (the label broken over lines, or an empty label) add to the field above.
    const target: keyof Recognized['passport'] | null = field && out[field] === undefined ? field : last;
    if (!target || !value) continue;
    out[target] = out[target] ? `${out[target]}\n${value}` : value;
    last = target;
  }
  return out;
}

const SECTION_RE = /^(?:раздел\s+)?((?:\d+|[IVXLC]+))[.)]?\s+(.+)$/is;
const isBareNumber = (t: string) => /^\s*\d+(\s*\.\s*\d+)*\.?\s*$/.test(t);
const topLevel = (n: string) => n.replace(/\s+/g, '').replace(/\.$/, '');

type Item = { kind: 'section'; number: string; title: string } | { kind: 'measure'; measure: ImportedMeasure; row: string };

/** Lines of the mark or the stamp: from «Приложение» / «УТВЕРЖДЕНА» down to the line with «от … №». */
function takeBlock(lines: string[], start: number): number {
  let end = start;
  while (end < lines.length - 1 && end - start < 6 && !/от\s+\d{1,2}\.\d{1,2}\.\d{2,4}/.test(lines[end]!)) end++;
  return /от\s+\d{1,2}\.\d{1,2}\.\d{2,4}/.test(lines[end]!) ? end : start;
}

/**
 * Lines of an appendix mark with no date in it («Приложение 1» / «к Муниципальной программе поддержки
 * школ» / «с низкими образовательными результатами на 2022–2024 годы»): the mark goes on while a line
 * continues the phrase (begins with a small letter, «к …», «№ …»); the title below begins with a capital.
 */
function takeMarkBlock(lines: string[], start: number): number {
  const dated = takeBlock(lines, start);
  if (dated !== start) return dated;
  let end = start;
  while (end < lines.length - 1 && end - start < 6 && /^(?:[а-яё]|№|\d)/.test(lines[end + 1] ?? '')) end++;
  return end;
}

export function parseMark(text: string): OrderMark | null {
  const m = text
    .replace(/\s+/g, ' ')
    .match(/Приложение\s*(?:№\s*)?(\d+)?\s*к\s+приказу.*?от\s+(\d{1,2})\.(\d{1,2})\.(\d{4})\s*(?:г\.?|года)?\s*№\s*(.+?)\s*$/i);
  if (!m) return null;
  return { appendixNumber: m[1] ?? '', date: `${m[4]}-${m[3]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`, number: m[5]!.trim() };
}

/**
 * fold(text) === folded, without folding a text too short to match: folding never lengthens a text
 * except «İ» (one letter, two when lower-cased), and a plan's every row is checked against its header.
 */
function sameFolded(text: string, folded: string): boolean {
  if (text.length < folded.length && !text.includes('\u0130')) return false;
  return fold(text) === folded;
}

export function recognize(blocks: Block[], forced?: ColumnMap): Recognized | null {
  const before: string[] = [];
  let passport: Recognized['passport'] = {};
  let header: HeaderMatch | null = null;
  let width = 0;
  const items: Item[] = [];
  const warnings: string[] = [];
  let empty = 0;
  let repeatedHeaders = 0;
  let planEnded = false;
  let tableNo = 0;

  const handleRows = (rows: string[][], startRow: number) => {
    const h = header!;
    // The header's captions folded once, not once per row: a repeated header is told by them.
    const captions = FIELDS.filter((f) => h.map[f] !== undefined).map((f) => [h.map[f]!, fold(h.captions[h.map[f]!] ?? '')] as const);
    for (let i = startRow; i < rows.length; i++) {
      const texts = rows[i]!;
      const where = `таблица ${tableNo}, строка ${i + 1}`;
      const nonEmpty = texts.map((t, k) => [t, k] as const).filter(([t]) => t.trim() !== '');
      if (!nonEmpty.length) {
        empty++;
        continue;
      }
      if (captions.every(([column, caption]) => sameFolded(texts[column] ?? '', caption))) {
        repeatedHeaders++;
        continue;
      }
      if (nonEmpty.length >= 3 && nonEmpty.every(([t], k) => t.trim() === String(k + 1))) {
        warnings.push(`Строка нумерации столбцов («1 2 3 …») пропущена (${where}).`);
        continue;
      }
      const at = (f: Field) => (h.map[f] === undefined ? '' : (texts[h.map[f]!] ?? ''));
      // A section: one cell across the row, or text in the first cell only.
      if (nonEmpty.length === 1 && (nonEmpty[0]![1] === 0 || nonEmpty[0]![1] !== h.map.name)) {
        const text = nonEmpty[0]![0];
        if (isBareNumber(text)) {
          warnings.push(`Строка с номером «${text.trim()}» без текста пропущена (${where}).`);
          continue;
        }
        const m = text.match(SECTION_RE);
        items.push({ kind: 'section', number: m ? m[1]! : '', title: m ? m[2]!.trim() : text.trim() });
        continue;
      }
      const measure: ImportedMeasure = {
        number: at('number').trim(),
        name: at('name'),
        term: at('term'),
        executors: at('executors'),
        result: at('result'),
        numberedByApp: false,
      };
      if (measure.number && !measure.name && !measure.term && !measure.executors && !measure.result) {
        warnings.push(`Строка с номером «${measure.number}» без текста пропущена (${where}).`);
        continue;
      }
      items.push({ kind: 'measure', measure, row: where });
    }
  };

  for (const block of blocks) {
    if (planEnded) break;
    if (block.type === 'p') {
      if (!header) before.push(block.text);
      continue;
    }
    tableNo++;
    // Vertically merged cells repeat the text above them: a merged executor belongs to every row it spans.
    const rows: string[][] = [];
    let above: string[] | null = null;
    for (const r of block.rows) {
      const { texts } = expandRow(r, above);
      rows.push(texts);
      above = texts;
    }
    const tableWidth = Math.max(0, ...rows.map((r) => r.length));
    if (!header) {
      const hi = rows.slice(0, 8).findIndex((r) => detectHeader(r) !== null);
      if (hi < 0) {
        const p = tableWidth >= 2 ? passportOf(rows) : null;
        if (p) passport = { ...passport, ...p };
        continue;
      }
      header = detectHeader(rows[hi]!)!;
      // A header row shorter than the table still offers every column for the mapping.
      const captions = [...rows[hi]!, ...Array<string>(Math.max(0, tableWidth - rows[hi]!.length)).fill('')];
      if (forced && Object.keys(forced).length) header = { map: forced, captions };
      else header = withUncaptionedColumns({ map: header.map, captions }, rows.slice(hi + 1), warnings);
      width = tableWidth;
      // Rows above the header inside the same table (an Excel sheet's title) are the title lines.
      for (const r of rows.slice(0, hi)) {
        const t = r.filter((x) => x.trim()).join(' ');
        if (t) before.push(t);
      }
      handleRows(rows, hi + 1);
      continue;
    }
    const hi = rows.slice(0, 3).findIndex((r) => detectHeader(r) !== null);
    // A continuation: the header repeated, or the same number of columns.
    if (hi >= 0) {
      repeatedHeaders++;
      handleRows(rows, hi + 1);
    } else if (tableWidth === width) handleRows(rows, 0);
    else planEnded = true; // a signature table or the like after the plan
  }
  if (!header) return null;
  if (empty) warnings.push(`Пропущено пустых строк: ${empty}.`);
  if (repeatedHeaders) warnings.push(`Повторы заголовка таблицы пропущены: ${repeatedHeaders}.`);

  // «2.» with only a title, followed by 2.1, 2.2 …: a section written as a measure row.
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind !== 'measure') continue;
    const m = it.measure;
    if (!m.number || m.term || m.executors || m.result || !/^\d+\.?$/.test(m.number.replace(/\s/g, ''))) continue;
    const next = items.slice(i + 1).find((x) => x.kind === 'measure' && x.measure.number) as Extract<Item, { kind: 'measure' }> | undefined;
    const base = topLevel(m.number);
    if (next && next.measure.number.replace(/\s/g, '').startsWith(`${base}.`) && topLevel(next.measure.number) !== base)
      items[i] = { kind: 'section', number: base, title: m.name };
  }

  const sections: ImportedSection[] = [{ number: '', title: null, measures: [] }];
  const rowOf = new Map<ImportedMeasure, string>();
  for (const it of items) {
    if (it.kind === 'section') {
      sections.push({ number: it.number, title: it.title, measures: [] });
      continue;
    }
    const section = sections.at(-1)!;
    const m = it.measure;
    if (!m.number) {
      m.number = numberInPlace(section);
      m.numberedByApp = true;
      warnings.push(`Мероприятие без номера («${m.name.slice(0, 60)}») — присвоен номер ${m.number} (${it.row}).`);
    }
    section.measures.push(m);
    rowOf.set(m, it.row);
  }
  if (sections[0]!.measures.length === 0 && sections.length > 1) sections.shift();
  warnings.push(...duplicateNumbers(sections, rowOf));

  const columns = header.captions.map((caption, index) => ({
    index,
    caption,
    field: (Object.entries(header!.map).find(([, c]) => c === index)?.[0] as Field | undefined) ?? null,
  }));
  for (const c of columns)
    if (c.caption.trim() && c.field === null) warnings.push(`Столбец «${c.caption}» не распознан — его содержимое не импортируется.`);
  for (const f of FIELDS)
    if (header.map[f] === undefined && f !== 'number') warnings.push(`В таблице нет столбца «${FIELD_LABELS[f]}» — поле оставлено пустым.`);

  // The title and the mark from the paragraphs above the plan.
  const lines = before.flatMap((t) => t.split('\n')).map((t) => t.trim());
  const titleLines: string[] = [];
  let mark: OrderMark | null = null;
  let appendixMark: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    if (/^приложение(\s|$)/i.test(line)) {
      const end = takeMarkBlock(lines, i);
      const text = lines
        .slice(i, end + 1)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      mark ??= parseMark(text);
      appendixMark ??= text;
      // What stands before an appendix mark (the order itself, in an order's file) is not the title.
      titleLines.length = 0;
      i = end;
      continue;
    }
    if (/^(утвержден|утверждён|утверждена|утверждено|утверждены)(\s|$)/i.test(line)) {
      i = takeBlock(lines, i);
      continue;
    }
    if (/^(паспорт|план мероприятий)$/i.test(line) && line === line.toLocaleUpperCase('ru-RU')) continue;
    if (/^период реализации:/i.test(line)) {
      passport.period ??= line.replace(/^период реализации:\s*/i, '');
      continue;
    }
    // «Цель Проекта: …», «Задачи: …» above the table belong to the passport, not to the title.
    const labelled = line.match(/^([А-ЯЁа-яё ]{3,40}):\s*(.+)$/);
    const field = labelled ? PASSPORT_LABELS.find(([re]) => re.test(fold(labelled[1]!)))?.[1] : undefined;
    if (labelled && field && field !== 'title' && passport[field] === undefined) {
      passport[field] = labelled[2]!;
      continue;
    }
    titleLines.push(line);
  }
  const captions: Captions = { ...DEFAULT_CAPTIONS };
  for (const f of FIELDS)
    if (header.map[f] !== undefined && header.captions[header.map[f]!]?.trim())
      captions[f] = header.captions[header.map[f]!]!.replace(/\s+/g, ' ').trim();
  return { titleLines, passport, header, columns, sections, warnings, mark, appendixMark, captions };
}

/**
 * Two measures of one section with the same number are kept (the text may differ) but said aloud: an
 * Excel number «4.10» read as 4.1, or a copy-paste slip, would otherwise pass unseen. Sections that
 * restart their numbering (1, 2 … in each) are not a repeat.
 */
function duplicateNumbers(sections: ImportedSection[], rowOf: Map<ImportedMeasure, string>): string[] {
  const out: string[] = [];
  for (const s of sections) {
    const byNumber = new Map<string, ImportedMeasure[]>();
    for (const m of s.measures) {
      const key = m.number.replace(/\s+/g, '').replace(/\.$/, '');
      byNumber.set(key, [...(byNumber.get(key) ?? []), m]);
    }
    for (const [key, ms] of byNumber)
      if (key && ms.length > 1)
        out.push(
          `Номер «${key}» повторяется у ${ms.length} мероприятий (${ms.map((m) => rowOf.get(m)).join('; ')}) — проверьте нумерацию: ${ms.length === 2 ? 'оба' : 'все'} импортируются с этим номером.`,
        );
  }
  return out;
}

/** The number a measure without one gets: the previous number plus one, in its style, else «раздел.n». */
function numberInPlace(section: ImportedSection): string {
  const prev = section.measures.at(-1)?.number;
  const m = prev?.match(/^(.*?)(\d+)(\.?)$/);
  if (m) return `${m[1]}${Number(m[2]) + 1}${m[3]}`;
  const n = section.measures.length + 1;
  return section.number ? `${section.number}.${n}` : `${n}`;
}
