/**
 * The layout of a roadmap's «Шкала времени», pure (no DOM, no Node) so that it is tested under Node
 * and the screen, the PNG and the printed pages draw the same thing: which months, quarters and years
 * the scale shows, where a date falls (x in pixels), and what each measure's row carries — a bar for
 * a window (range, «постоянно»), a diamond for a deadline, ticks for a recurring term — coloured by
 * the execution marks under the rule of «Сроки» (shared/execution-rules.ts).
 */
import type { SummaryKey } from './status-summary';
import { coveringMarks, isOverdue, type QuarterMark } from './execution-rules';
import { quarterOf } from './quarters';

/** The parsed term's kinds (db/terms/parse.ts TermKind). */
export type TimelineKind = 'deadline' | 'range' | 'recurring' | 'continuous' | 'unparsed';

export interface TimelineMeasure {
  id: number;
  number: string;
  name: string;
  term: string;
  kind: TimelineKind;
  start: string | null;
  end: string | null;
  /** Every due date of the term, sorted. */
  due: string[];
  marks: QuarterMark[];
}

export interface TimelineSection {
  number: string;
  title: string | null;
  measures: TimelineMeasure[];
}

export interface SchoolQuarter {
  label: string;
  start: string;
  end: string;
}

/** What db/timeline.ts gathers in one read. */
export interface TimelineModel {
  roadmap: { id: number; title: string; periodStart: string; periodEnd: string };
  sections: TimelineSection[];
  /** The school calendar's четверти when the period is a school year; null for calendar quarters. */
  schoolQuarters: SchoolQuarter[] | null;
}

export type Zoom = 'months' | 'quarters' | 'years';
export const ZOOMS: { value: Zoom; label: string }[] = [
  { value: 'months', label: 'Месяцы' },
  { value: 'quarters', label: 'Кварталы' },
  { value: 'years', label: 'Годы' },
];
/** Pixels per day: a month is about 120, 48 or 18 pixels wide. */
export const DAY_PX: Record<Zoom, number> = { months: 4, quarters: 1.6, years: 0.6 };

// Dates as UTC day numbers: no time zone can move a date by a day.
const DAY_MS = 86_400_000;
export const dayNumber = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
export const isoOfDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
const monthStartOf = (iso: string) => `${iso.slice(0, 7)}-01`;
function nextMonth(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${iso.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
}

export interface Scale {
  /** The first day drawn (the first of a month) and the day after the last one drawn. */
  start: string;
  end: string;
  dayPx: number;
  width: number;
}

/**
 * The span drawn: whole months from the period's first month to its last, widened to the terms'
 * dates that fall outside (a deadline the year before), but by a year at most either side.
 */
export function scaleOf(model: TimelineModel, dayPx: number): Scale {
  const { periodStart, periodEnd } = model.roadmap;
  const lo = `${String(Number(periodStart.slice(0, 4)) - 1).padStart(4, '0')}${periodStart.slice(4)}`;
  const hi = `${String(Number(periodEnd.slice(0, 4)) + 1).padStart(4, '0')}${periodEnd.slice(4)}`;
  let first = periodStart;
  let last = periodEnd;
  for (const m of parsedMeasures(model))
    for (const d of [m.start, m.end, ...m.due]) {
      if (d === null) continue;
      if (d < first && d >= lo) first = d;
      if (d > last && d <= hi) last = d;
    }
  const start = monthStartOf(first);
  const end = nextMonth(last);
  return { start, end, dayPx, width: Math.round((dayNumber(end) - dayNumber(start)) * dayPx) };
}

/** The x of the start of a day. */
export function xOf(scale: Scale, iso: string): number {
  return (dayNumber(iso) - dayNumber(scale.start)) * scale.dayPx;
}
/** The x of the end of a day: a bar to 31 May covers 31 May. */
export const xAfter = (scale: Scale, iso: string): number => xOf(scale, iso) + scale.dayPx;

export interface HeaderCell {
  label: string;
  /** The cell's full name for a tooltip («II кв. 2024», «Март 2024»). */
  title: string;
  x: number;
  width: number;
}

export interface Header {
  years: HeaderCell[];
  /** Calendar quarters, or the школьные четверти of a school-year period. */
  quarters: HeaderCell[];
  /** Empty at the «Годы» zoom, where a month is too narrow to name. */
  months: HeaderCell[];
}

const MONTHS = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const MONTHS_FULL = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];
const ROMAN = ['I', 'II', 'III', 'IV'];

function cell(scale: Scale, from: string, toExclusive: string, label: string, title: string): HeaderCell | null {
  const a = Math.max(0, xOf(scale, from));
  const b = Math.min(scale.width, xOf(scale, toExclusive));
  return b > a ? { label, title, x: a, width: b - a } : null;
}

export function headerOf(scale: Scale, zoom: Zoom, schoolQuarters: SchoolQuarter[] | null): Header {
  const years: HeaderCell[] = [];
  const quarters: HeaderCell[] = [];
  const months: HeaderCell[] = [];
  for (let y = Number(scale.start.slice(0, 4)); y <= Number(scale.end.slice(0, 4)); y++) {
    const ys = `${String(y).padStart(4, '0')}`;
    const c = cell(scale, `${ys}-01-01`, `${String(y + 1).padStart(4, '0')}-01-01`, `${y}`, `${y} год`);
    if (c) years.push(c);
    if (!schoolQuarters)
      for (let q = 0; q < 4; q++) {
        const from = `${ys}-${String(q * 3 + 1).padStart(2, '0')}-01`;
        const to = q === 3 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${ys}-${String(q * 3 + 4).padStart(2, '0')}-01`;
        const qc = cell(scale, from, to, `${ROMAN[q]} кв.`, `${ROMAN[q]} кв. ${y}`);
        if (qc) quarters.push(qc);
      }
  }
  if (schoolQuarters)
    for (const sq of schoolQuarters) {
      const qc = cell(scale, sq.start, isoOfDay(dayNumber(sq.end) + 1), sq.label.split(' ').slice(0, 2).join(' '), sq.label);
      if (qc) quarters.push(qc);
    }
  if (zoom !== 'years')
    for (let m = scale.start; m < scale.end; m = nextMonth(m)) {
      const i = Number(m.slice(5, 7)) - 1;
      const mc = cell(scale, m, nextMonth(m), MONTHS[i]!, `${MONTHS_FULL[i]} ${m.slice(0, 4)}`);
      if (mc) months.push(mc);
    }
  return { years, quarters, months };
}

/** A colour key of shared/status-colors.ts: a status, or 'none' for «нет отметки» and «не начато». */
/** The report's summary keys: the statuses, «не начато» drawn as «нет отметки». */
export type ColorKey = SummaryKey;
const colorOf = (status: string | null | undefined): ColorKey => (!status || status === 'not_started' ? 'none' : (status as ColorKey));

export interface Mark {
  shape: 'bar' | 'diamond' | 'tick';
  x: number;
  /** A bar's width; 0 for a diamond or a tick, drawn around x. */
  width: number;
  color: ColorKey;
  /** A due date passed without a done mark covering it (the rule of «Сроки»). */
  overdue: boolean;
  /** The dates the mark stands for ('2024-03-01 – 2024-05-31', or one date). */
  from: string;
  to: string;
}

/** Calendar quarters cut a window into pieces: execution is marked per quarter, so each piece has its own colour. */
function quarterPieces(start: string, end: string): { from: string; to: string; quarter: string }[] {
  const out: { from: string; to: string; quarter: string }[] = [];
  let from = start;
  for (let guard = 0; guard < 400 && from <= end; guard++) {
    const q = quarterOf(from);
    const y = Number(q.slice(0, 4));
    const n = Number(q.slice(6));
    const next = n === 4 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${q.slice(0, 4)}-${String(n * 3 + 1).padStart(2, '0')}-01`;
    const last = isoOfDay(dayNumber(next) - 1);
    out.push({ from, to: last < end ? last : end, quarter: q });
    from = next;
  }
  return out;
}

/**
 * A measure's marks on the scale. A due date takes the colour of the done mark that covers it (a late
 * mark in a later quarter covers it too, as in «Сроки») or else of its own quarter's mark; a window's
 * piece in a quarter takes that quarter's mark, or else the done mark covering the window's next due
 * date (a range «март – май» marked done in May is done in March too).
 */
export function marksOf(m: TimelineMeasure, scale: Scale, today: string): Mark[] {
  if (m.kind === 'unparsed') return [];
  const covering = coveringMarks(m.due, m.marks);
  const own = (quarter: string) => m.marks.find((x) => x.quarter === quarter)?.status ?? null;
  const dateColor = (due: string) => {
    const c = covering(due);
    return { color: colorOf(c?.status ?? own(quarterOf(due))), overdue: isOverdue(due, today, c !== null) };
  };
  const inScale = (d: string) => d >= scale.start && d < scale.end;
  if ((m.kind === 'range' || m.kind === 'continuous') && m.start && m.end) {
    const from = m.start < scale.start ? scale.start : m.start;
    const to = m.end >= scale.end ? isoOfDay(dayNumber(scale.end) - 1) : m.end;
    if (from > to) return [];
    return quarterPieces(from, to).map((p) => {
      const dueIn = m.due.filter((d) => quarterOf(d) === p.quarter);
      // A window's due date is usually its end: done by then, the whole window is done.
      const next = m.due.find((d) => d >= p.from);
      const done = next === undefined ? null : covering(next);
      const x = xOf(scale, p.from);
      return {
        shape: 'bar',
        x,
        width: xAfter(scale, p.to) - x,
        color: colorOf(own(p.quarter) ?? done?.status),
        overdue: dueIn.some((d) => dateColor(d).overdue),
        from: p.from,
        to: p.to,
      };
    });
  }
  const shape = m.kind === 'recurring' ? 'tick' : 'diamond';
  return m.due.filter(inScale).map((due) => ({
    shape,
    // The middle of the day: a tick on 31 March stands inside March.
    x: xOf(scale, due) + scale.dayPx / 2,
    width: 0,
    ...dateColor(due),
    from: due,
    to: due,
  }));
}

export type TimelineRow = { kind: 'section'; label: string } | { kind: 'measure'; label: string; measure: TimelineMeasure };

const parsedMeasures = (model: TimelineModel) => model.sections.flatMap((s) => s.measures).filter((m) => m.kind !== 'unparsed');

/** «1.2 Семинар для…»: the number and the name cut to a line's length; the whole name goes into the tooltip. */
export function shortName(number: string, name: string, max = 70): string {
  const text = name.replace(/\s+/g, ' ').trim();
  const cut = text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
  return number ? `${number} ${cut}` : cut;
}

/**
 * The rows down the side: each section that has a measure to draw, then its measures; the measures
 * whose term was not read («срок не распознан») are returned apart, to be listed below the scale.
 */
export function rowsOf(model: TimelineModel): { rows: TimelineRow[]; unparsed: TimelineMeasure[] } {
  const rows: TimelineRow[] = [];
  const unparsed: TimelineMeasure[] = [];
  for (const s of model.sections) {
    const drawn = s.measures.filter((m) => m.kind !== 'unparsed');
    unparsed.push(...s.measures.filter((m) => m.kind === 'unparsed'));
    if (!drawn.length) continue;
    if (s.title !== null) rows.push({ kind: 'section', label: `${s.number ? `${s.number}. ` : ''}${s.title}` });
    for (const m of drawn) rows.push({ kind: 'measure', label: shortName(m.number, m.name), measure: m });
  }
  return { rows, unparsed };
}

/** Rows per printed page, and the day width that fits the scale into the page's width. */
export const PAPER = {
  // Landscape, in CSS pixels (96 per inch) inside 10 mm margins.
  A4: { width: 1047, height: 718 },
  A3: { width: 1511, height: 1047 },
} as const;
export type Paper = keyof typeof PAPER;

export function pagesOf(rowCount: number, paper: Paper, headerHeight: number, rowHeight: number): { from: number; to: number }[] {
  const perPage = Math.max(1, Math.floor((PAPER[paper].height - headerHeight - 28) / rowHeight));
  const out: { from: number; to: number }[] = [];
  for (let from = 0; from < rowCount; from += perPage) out.push({ from, to: Math.min(rowCount, from + perPage) });
  return out.length ? out : [{ from: 0, to: 0 }];
}
