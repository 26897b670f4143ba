/**
 * A term as written («Март –май 2024», «Ежеквартально», «до 5мая 2024») read against the roadmap's
 * period into a structured term: `{ kind, start, end, due }`, dates 'YYYY-MM-DD'.
 *
 * The order of the readers matters: recurrence words first («ежегодно в мае» names a month but is
 * recurring), then «постоянно», quarters, half-years, school years, «до …», «с …», and finally plain
 * dates, months and years with dashes (ranges) and commas (lists). Anything else is `unparsed`, never
 * an error. A missing year comes from the period: the first such date inside it.
 */
import { type SchoolCalendar, type Span, schoolYear, schoolYearsOverlapping } from './calendar';
import { addDays, inRange, iso, isValidDate, lastDay, monthEnd, monthStart, quarterEnd, quarterStart, weekday, yearOf } from './dates';
import { DATE_LIMITS } from '../../shared/limits';
import { normalizeTerm, type Token, tokenize } from './normalize';
import { periodProblem } from './period';

export type TermKind = 'deadline' | 'range' | 'recurring' | 'continuous' | 'unparsed';

export interface StructuredTerm {
  kind: TermKind;
  start: string | null;
  end: string | null;
  due: string[];
}

/** The structured term plus the word that names a recurrence («ежеквартально»), for people to read. */
export interface ParsedTerm extends StructuredTerm {
  label: string;
}

export interface TermContext {
  period: Span;
  calendar: SchoolCalendar;
}

const UNPARSED: ParsedTerm = { kind: 'unparsed', start: null, end: null, due: [], label: '' };
const uniqSorted = (xs: string[]) => [...new Set(xs)].sort();

/** Word boundaries that work for Cyrillic (JavaScript's \b does not). */
const w = (src: string) => new RegExp(`(?<![а-я])(?:${src})`);

const RE = {
  schoolQuarter: w('четверт|ежечетверт'),
  trimester: w('триместр'),
  quarterly: w('ежекварт|поквартал|раз[а]? в квартал|кажд[а-я]* квартал|по итогам квартал|по кварталам'),
  monthly: w('ежемесяч|помесяч|раз[а]? в месяц|кажд[а-я]* месяц'),
  weekly: w('еженедел|раз[а]? в неделю|кажд[а-я]* недел'),
  schoolHalf: w('учебн[а-я]* полугоди|полугоди[а-я]* учебн'),
  halfYearly: w('по полугодиям|раз[а]? в полугодие|кажд[а-я]* полугоди|(?:два|2|двух) раз[а]? в год|дважды в год'),
  yearly: w('ежегодн|раз[а]? в год|кажд[а-я]* год|по итогам года'),
  continuous: w('постоянн|весь период|в течение (?:всего )?(?:периода|срока)|на протяжении|в течение (?:учебного )?года|систематич|в течение реализации|в период реализации|в течение всего|в течени[ея] действия'),
};

/** A window of explicit years in the text, cut to the period; the period itself if none or no overlap. */
function yearsWindow(s: string, period: Span): Span {
  const years = [...s.matchAll(/(?<!\d)(\d{4})(?!\d)/g)].map((m) => Number(m[1])).filter((y) => y > 1900 && y < 2200);
  if (years.length === 0) return period;
  const start = `${Math.min(...years)}-01-01` > period.start ? `${Math.min(...years)}-01-01` : period.start;
  const end = `${Math.max(...years)}-12-31` < period.end ? `${Math.max(...years)}-12-31` : period.end;
  return start <= end ? { start, end } : period;
}

function recurring(window: Span, due: string[], label: string): ParsedTerm {
  const inside = uniqSorted(due.filter((d) => inRange(d, window.start, window.end)));
  return { kind: 'recurring', start: window.start, end: window.end, due: inside.slice(0, DATE_LIMITS.maxDueDates), label };
}

function eachYear(window: Span, fn: (y: number) => string[]): string[] {
  const out: string[] = [];
  for (let y = yearOf(window.start); y <= yearOf(window.end); y++) out.push(...fn(y));
  return out;
}

function readRecurring(s: string, ctx: TermContext): ParsedTerm | null {
  const win = yearsWindow(s, ctx.period);
  const years = () => schoolYearsOverlapping(ctx.calendar, win.start, win.end);
  if (RE.schoolQuarter.test(s)) return recurring(win, years().flatMap((sy) => sy.quarters.map((q) => q.end)), 'по четвертям');
  if (RE.trimester.test(s)) return recurring(win, years().flatMap((sy) => sy.trimesters.map((q) => q.end)), 'по триместрам');
  if (RE.quarterly.test(s)) return recurring(win, eachYear(win, (y) => [1, 2, 3, 4].map((q) => quarterEnd(y, q))), 'ежеквартально');
  if (RE.monthly.test(s)) return recurring(win, eachYear(win, (y) => Array.from({ length: 12 }, (_, i) => monthEnd(y, i + 1))), 'ежемесячно');
  if (RE.weekly.test(s)) {
    const due: string[] = [];
    for (let d = addDays(win.start, (7 - weekday(win.start)) % 7); d <= win.end && due.length < DATE_LIMITS.maxDueDates; d = addDays(d, 7)) due.push(d);
    return recurring(win, due, 'еженедельно');
  }
  if (RE.schoolHalf.test(s)) return recurring(win, years().flatMap((sy) => [sy.quarters[1].end, sy.quarters[3].end]), 'по полугодиям учебного года');
  if (RE.halfYearly.test(s)) return recurring(win, eachYear(win, (y) => [iso(y, 6, 30), iso(y, 12, 31)]), 'по полугодиям');
  if (RE.yearly.test(s)) {
    // «ежегодно до 1 сентября» → that day each year; «ежегодно в мае» → the month's end each year.
    const tokens = tokenize(s);
    const at = tokens.findIndex((t, i) => t.t === 'num' && tokens[i + 1]?.t === 'month');
    if (at >= 0) {
      const d = (tokens[at] as { n: number }).n;
      const m = (tokens[at + 1] as { m: number }).m;
      return recurring(win, eachYear(win, (y) => (isValidDate(y, m, d) ? [iso(y, m, d)] : [])), 'ежегодно');
    }
    const months = tokens.filter((t): t is { t: 'month'; m: number } => t.t === 'month').map((t) => t.m);
    if (months.length) return recurring(win, eachYear(win, (y) => months.map((m) => monthEnd(y, m))), 'ежегодно');
    return recurring(win, eachYear(win, (y) => [iso(y, 12, 31)]), 'ежегодно');
  }
  return null;
}

function readContinuous(s: string, ctx: TermContext): ParsedTerm | null {
  if (!RE.continuous.test(s)) return null;
  const win = yearsWindow(s, ctx.period);
  return { kind: 'continuous', start: win.start, end: win.end, due: [win.end], label: 'постоянно' };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** The first year (from the period's start) in which `end(y)` falls on or after the period's start. */
function yearFromPeriod(period: Span, end: (y: number) => string): number {
  const y = yearOf(period.start);
  return end(y) < period.start ? y + 1 : y;
}

function readQuarters(s: string, ctx: TermContext): ParsedTerm | null {
  const m = s.match(/(?<![\dа-яa-z])((?:[1-4]|iv|i{1,3})(?:\s*(?:-|,|и)\s*(?:[1-4]|iv|i{1,3}))*)\s*(?:-?\s*(?:й|го|ом|ый|ой))?\s*кв(?:артал[а-я]*)?(?![а-я])/);
  if (!m) return null;
  const quarters: number[] = [];
  for (const part of m[1]!.split(/\s*(?:,|и)\s*/)) {
    const [a, b] = part.split(/\s*-\s*/).map((x) => ROMAN[x]);
    if (!a || (part.includes('-') && !b)) return null;
    for (let q = a; q <= (b ?? a); q++) quarters.push(q);
  }
  const yearMatch = s.match(/(?<!\d)(\d{4})(?!\d)/);
  const year = yearMatch ? Number(yearMatch[1]) : yearFromPeriod(ctx.period, (y) => quarterEnd(y, quarters[0]!));
  const spans = quarters.map((q) => ({ start: quarterStart(year, q), end: quarterEnd(year, q) }));
  if (spans.length === 1) return { kind: 'range', start: spans[0]!.start, end: spans[0]!.end, due: [spans[0]!.end], label: '' };
  return listOf(spans, ctx.period, 'по кварталам');
}

function readHalfYear(s: string, ctx: TermContext): ParsedTerm | null {
  const m = s.match(/(?<![\dа-яa-z])([12]|i{1,2})\s*(?:-?\s*(?:е|ое|ого|м))?\s*полугоди/);
  if (!m) return null;
  const half = ROMAN[m[1]!]!;
  const yearMatch = s.match(/(?<!\d)(\d{4})(?!\d)/);
  const year = yearMatch ? Number(yearMatch[1]) : yearFromPeriod(ctx.period, (y) => iso(y, half * 6, half === 1 ? 30 : 31));
  const start = half === 1 ? iso(year, 1, 1) : iso(year, 7, 1);
  const end = half === 1 ? iso(year, 6, 30) : iso(year, 12, 31);
  return { kind: 'range', start, end, due: [end], label: '' };
}

function readSchoolYear(s: string, ctx: TermContext): ParsedTerm | null {
  const m = s.match(/(?<!\d)(\d{4})\s*\/\s*(\d{4}|\d{2})(?!\d)/) ?? s.match(/(?<!\d)(\d{4})\s*-\s*(\d{4}|\d{2})(?!\d)\s*(?:уч|у\.)/);
  if (!m) return null;
  const y1 = Number(m[1]);
  const y2 = m[2]!.length === 2 ? Math.floor(y1 / 100) * 100 + Number(m[2]) : Number(m[2]);
  if (y2 !== y1 + 1) return null;
  const sy = schoolYear(ctx.calendar, y1);
  return { kind: 'range', start: sy.quarters[0].start, end: sy.quarters[3].end, due: [sy.quarters[3].end], label: '' };
}

// ——— plain dates, months and years ———

interface Item {
  kind: 'day' | 'month' | 'year';
  d?: number;
  m?: number;
  y?: number;
  /** The year was taken from a later item, not written here. */
  inferred?: boolean;
}
type Op = 'range' | 'list';

const FILLER = new Set(['в', 'во', 'течение', 'на', 'за', 'срок', 'сроки', 'период', 'месяц', 'месяца', 'месяцы', 'месяцев', 'года', 'год', 'годы', 'годов', 'г', 'гг', 'конца', 'конец', 'числа', 'число', 'включительно', 'ч', 'мес', 'течении']);

function buildItems(tokens: Token[]): { items: Item[]; ops: Op[] } | null {
  const items: Item[] = [];
  const ops: Op[] = [];
  let pending: Op | null = null;
  const push = (it: Item) => {
    if (items.length) ops.push(pending ?? 'list');
    items.push(it);
    pending = null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.t === 'date') push({ kind: 'day', d: t.d, m: t.m, ...(t.y ? { y: t.y } : {}) });
    else if (t.t === 'num') {
      if (next?.t === 'month') {
        const after = tokens[i + 2];
        push({ kind: 'day', d: t.n, m: next.m, ...(after?.t === 'year' ? { y: after.y } : {}) });
        i += after?.t === 'year' ? 2 : 1;
      } else if (next?.t === 'dash' || next?.t === 'sep') push({ kind: 'day', d: t.n });
      else return null;
    } else if (t.t === 'month') {
      push({ kind: 'month', m: t.m, ...(next?.t === 'year' ? { y: next.y } : {}) });
      if (next?.t === 'year') i++;
    } else if (t.t === 'year') push({ kind: 'year', y: t.y });
    else if (t.t === 'dash') {
      if (!items.length) return null;
      pending = 'range';
    } else if (t.t === 'sep') {
      if (items.length && pending === null) pending = 'list';
    } else if (!FILLER.has(t.w)) return null;
  }
  if (pending === 'range' || items.length === 0) return null;
  return { items, ops };
}

function resolveItems(items: Item[], ops: Op[], period: Span): Span[] | null {
  // «Май 2024, 2025»: years listed after a month are that month in those years.
  for (let i = 1; i < items.length; i++) {
    const prev = items[i - 1]!;
    if (items[i]!.kind === 'year' && ops[i - 1] === 'list' && prev.kind === 'month') items[i] = { kind: 'month', m: prev.m!, y: items[i]!.y! };
  }
  // «10–20 апреля 2024», «Май, июнь 2022», «Ноябрь – февраль 2025»: month and year come from later items.
  for (let i = items.length - 2; i >= 0; i--) {
    const it = items[i]!;
    const later = items.slice(i + 1);
    if (it.kind === 'day' && it.m === undefined) it.m = later.find((x) => x.m !== undefined)?.m;
    if (it.kind !== 'year' && it.y === undefined) {
      const y = later.find((x) => x.y !== undefined)?.y;
      if (y !== undefined) {
        it.y = y;
        it.inferred = true;
      }
    }
  }
  for (const it of items) if (it.kind === 'day' && it.m === undefined) return null;
  // A year still missing comes from the period: the first such date inside it.
  items.forEach((it, i) => {
    if (it.y !== undefined) return;
    const prev = items[i - 1];
    if (prev && ops[i - 1] === 'range' && prev.y !== undefined) {
      it.y = prev.y;
      if (order(it) < order(prev)) it.y++;
    } else it.y = yearFromPeriod(period, (y) => (it.kind === 'day' ? iso(y, it.m!, Math.min(it.d!, lastDay(y, it.m!))) : monthEnd(y, it.m!)));
  });
  // A range whose start took its year from the end and would come after it crosses the new year.
  ops.forEach((op, i) => {
    const a = items[i]!;
    const b = items[i + 1]!;
    if (op === 'range' && a.inferred && a.y === b.y && order(a) > order(b)) a.y = a.y! - 1;
  });
  const spans: (Span | null)[] = items.map((it) => {
    if (it.kind === 'year') return { start: iso(it.y!, 1, 1), end: iso(it.y!, 12, 31) };
    if (it.kind === 'month') return { start: monthStart(it.y!, it.m!), end: monthEnd(it.y!, it.m!) };
    return isValidDate(it.y!, it.m!, it.d!) ? { start: iso(it.y!, it.m!, it.d!), end: iso(it.y!, it.m!, it.d!) } : null;
  });
  if (spans.some((x) => x === null)) return null;
  // Items joined by dashes are one segment (a range); commas separate segments (a list).
  const segments: Span[] = [];
  let cur = spans[0]!;
  ops.forEach((op, i) => {
    const next = spans[i + 1]!;
    if (op === 'range') cur = { start: cur.start, end: next.end };
    else {
      segments.push(cur);
      cur = next;
    }
  });
  segments.push(cur);
  return segments.every((s) => s.start <= s.end) ? segments : null;
}

const order = (it: Item) => (it.m ?? 0) * 100 + (it.d ?? 0);

function listOf(segments: Span[], period: Span, label: string): ParsedTerm {
  const ends = uniqSorted(segments.map((s) => s.end));
  const inside = ends.filter((d) => inRange(d, period.start, period.end));
  return {
    kind: 'recurring',
    start: segments.map((s) => s.start).sort()[0]!,
    end: ends.at(-1)!,
    // Dates named outside the period are kept rather than dropped when none falls inside (likely a typo in the year).
    due: inside.length ? inside : ends,
    label,
  };
}

function readDates(s: string, ctx: TermContext): Span[] | null {
  const built = buildItems(tokenize(s));
  return built ? resolveItems(built.items, built.ops, ctx.period) : null;
}

function readGeneric(s: string, ctx: TermContext): ParsedTerm | null {
  const segments = readDates(s, ctx);
  if (!segments) return null;
  if (segments.length === 1) return { kind: 'range', start: segments[0]!.start, end: segments[0]!.end, due: [segments[0]!.end], label: '' };
  return listOf(segments, ctx.period, 'по срокам');
}

/** «до 25 марта 2024», «не позднее 01.10.2024», «к 1 сентября», «по 30.04.2024», «до конца мая». */
function readDeadline(s: string, ctx: TermContext): ParsedTerm | null {
  const m = s.match(/^(?:в срок |срок )?(?:до|не позднее|не позже|к|по)\s+(.*)$/);
  if (!m) return null;
  const rest = m[1]!;
  const byEnd = /(?<![а-я])конц/.test(rest);
  const bare = rest.replace(/(?<![а-я])(?:конца|конец)(?![а-я])/g, '').trim();
  let end: string | null = null;
  if (byEnd && /^(?:учебного|уч\.?) года$/.test(bare)) {
    // «до конца учебного года»: the end of the school year the period starts in.
    const y = yearOf(ctx.period.start) - (ctx.period.start.slice(5) < '09-01' ? 1 : 0);
    end = schoolYear(ctx.calendar, y).quarters[3].end;
  } else if (byEnd && /^(?:календарного )?(?:года|год)?$/.test(bare)) end = iso(yearOf(ctx.period.start), 12, 31);
  else {
    const built = buildItems(tokenize(rest));
    if (!built || built.items.length !== 1) return null;
    const item = built.items[0]!;
    const span = resolveItems(built.items, built.ops, ctx.period)?.[0];
    if (!span) return null;
    // «до 25 марта» is that day; «до конца мая» the month's end; «до мая» / «до 2025» the day before it begins.
    end = item.kind === 'day' || byEnd ? span.end : addDays(span.start, -1);
  }
  return end ? { kind: 'deadline', start: null, end, due: [end], label: '' } : null;
}

/** «С 15.02.2024» (to the period's end), «с 1 марта по 30 апреля 2024», «с 01.03.2024 до 31.03.2024». */
function readFrom(s: string, ctx: TermContext): ParsedTerm | null {
  const m = s.match(/^(?:начиная )?(?:с|со)\s+(.*)$/);
  if (!m) return null;
  const [fromPart, toPart] = m[1]!.split(/\s+(?:по|до)\s+|\s*-\s*/, 2);
  if (toPart !== undefined) {
    const segs = readDates(`${fromPart} - ${toPart}`, ctx);
    return segs?.length === 1 ? { kind: 'range', start: segs[0]!.start, end: segs[0]!.end, due: [segs[0]!.end], label: '' } : null;
  }
  const from = readDates(fromPart!, ctx);
  if (!from || from.length !== 1) return null;
  const end = from[0]!.start > ctx.period.end ? from[0]!.end : ctx.period.end;
  return { kind: 'range', start: from[0]!.start, end, due: [end], label: '' };
}

export function parseTermDetailed(text: string, ctx: TermContext): ParsedTerm {
  const s = normalizeTerm(text).replace(/[.;:,]+$/, '').trim();
  // Refused at every door already; kept here because the loops below trust the period's years.
  if (!s || periodProblem(ctx.period.start, ctx.period.end)) return UNPARSED;
  return (
    readRecurring(s, ctx) ??
    readContinuous(s, ctx) ??
    readQuarters(s, ctx) ??
    readHalfYear(s, ctx) ??
    readSchoolYear(s, ctx) ??
    readDeadline(s, ctx) ??
    readFrom(s, ctx) ??
    readGeneric(s, ctx) ??
    UNPARSED
  );
}

/** The structured term alone: `{ kind, start, end, due }`. */
export function parseTerm(text: string, ctx: TermContext): StructuredTerm {
  const { kind, start, end, due } = parseTermDetailed(text, ctx);
  return { kind, start, end, due };
}
