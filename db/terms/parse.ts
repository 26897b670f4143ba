/**
 * A term as written («Март –май 2024», «Ежеквартально», «до 25-го марта», «II четверть») read against
 * the roadmap's period into a structured term: `{ kind, start, end, due }`, dates 'YYYY-MM-DD', plus
 * how sure the reading is and any qualifier kept as a note.
 *
 * The reader is a small grammar: normalize.ts cuts the text into tokens (words, numbers, ordinals,
 * Roman numerals, months, years, dates, dashes, separators); parentheses are taken aside as a note;
 * then a few rules are tried in order over the tokens:
 *   1. recurrence — a period word or a count («ежеквартально», «по четвертям», «3 раза в год»,
 *      «ежемесячно до 5 числа», «по понедельникам», «ежегодно в мае»);
 *   2. continuous — «постоянно», «в течение года»;
 *   3. the end of the school year — «по окончании учебного года»;
 *   4. a deadline — «до …», «не позднее …», «к …»;
 *   5. from — «с … [по …]», «в период с 1 по 10 ноября»;
 *   6. dates — one grammar of items (days, decades, months, quarters, half-years, school quarters,
 *      trimesters and half-years, years, school years) joined by dashes (ranges) and commas (lists).
 * Anything else is `unparsed`, never an error. A missing year comes from the period (the first such
 * date inside it) and the reading says so.
 */
import { type SchoolCalendar, type SchoolYear, type Span, schoolYear, schoolYearsOverlapping } from './calendar';
import { addDays, inRange, iso, isValidDate, lastDay, monthEnd, monthStart, quarterEnd, quarterStart, weekday, yearOf } from './dates';
import { DATE_LIMITS } from '../../shared/limits';
import { normalizeTerm, numberWordOf, ordinalWordOf, type Token, tokenize } from './normalize';
import { periodProblem } from './period';

export type TermKind = 'deadline' | 'range' | 'recurring' | 'continuous' | 'unparsed';
/** How sure the reading is: as written; a year taken from the roadmap's period; spread or guessed. */
export type TermCertainty = 'exact' | 'assumed-year' | 'approximate';

/**
 * The parser's version, stored with every reading. Bump it whenever a phrase is read differently:
 * databases opened afterwards recompute their stored readings once (store.ts).
 */
export const TERM_PARSER_VERSION = 2;

export interface StructuredTerm {
  kind: TermKind;
  start: string | null;
  end: string | null;
  due: string[];
}

/** The structured term plus the recurrence word («ежеквартально»), the certainty and a qualifier note. */
export interface ParsedTerm extends StructuredTerm {
  label: string;
  certainty: TermCertainty;
  /** A qualifier kept from the text («по итогам ВПР», «по утвержденному графику»), or ''. */
  note: string;
}

export interface TermContext {
  period: Span;
  calendar: SchoolCalendar;
}

type Reading = Omit<ParsedTerm, 'note'>;

const UNPARSED: ParsedTerm = { kind: 'unparsed', start: null, end: null, due: [], label: '', certainty: 'exact', note: '' };
const uniqSorted = (xs: string[]) => [...new Set(xs)].sort();

// ——— matching words over tokens ———

/**
 * A word pattern: alternatives split by «|»; «*» at the end matches any ending. «кажд*|по» matches
 * «каждый», «каждого» and «по».
 */
function wordIs(tok: Token | undefined, pattern: string): boolean {
  if (tok?.t !== 'word') return false;
  let c = COMPILED.get(pattern);
  if (!c) {
    const alts = pattern.split('|');
    c = { exact: new Set(alts.filter((p) => !p.endsWith('*'))), prefixes: alts.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1)) };
    COMPILED.set(pattern, c);
  }
  if (c.exact.has(tok.w)) return true;
  for (const p of c.prefixes) if (tok.w.startsWith(p)) return true;
  return false;
}
/** Patterns split once: terms are re-read by the ten thousand when a database is opened after an upgrade. */
const COMPILED = new Map<string, { exact: Set<string>; prefixes: string[] }>();

/** Where the consecutive words `patterns` start in the tokens, or -1. */
function findSeq(tokens: Token[], ...patterns: string[]): number {
  outer: for (let i = 0; i + patterns.length <= tokens.length; i++) {
    for (let j = 0; j < patterns.length; j++) if (!wordIs(tokens[i + j], patterns[j]!)) continue outer;
    return i;
  }
  return -1;
}
const has = (tokens: Token[], ...patterns: string[]) => findSeq(tokens, ...patterns) >= 0;

/** A number in any spelling a quarter, a half-year or a decade takes: «2», «2-й», «II», «второе». */
function ordinalOf(tok: Token | undefined): number | null {
  if (!tok) return null;
  if (tok.t === 'num') return tok.n;
  if (tok.t === 'roman') return tok.n;
  if (tok.t === 'word') return ordinalWordOf(tok.w);
  return null;
}

/** A period word used as a recurrence («по четвертям», «каждой четверти»), not a numbered one («II четверть»). */
function unnumbered(tokens: Token[], pattern: string): boolean {
  return tokens.some((t, i) => wordIs(t, pattern) && ordinalOf(tokens[i - 1]) === null);
}

// ——— windows and due dates ———

/** A window of the years written in the text, cut to the period; the period itself if none or no overlap. */
function yearsWindow(tokens: Token[], period: Span): Span {
  const years = tokens.flatMap((t) => (t.t === 'year' ? [t.y] : t.t === 'date' && t.y ? [t.y] : []));
  if (years.length === 0) return period;
  const from = `${Math.min(...years)}-01-01`;
  const to = `${Math.max(...years)}-12-31`;
  const start = from > period.start ? from : period.start;
  const end = to < period.end ? to : period.end;
  return start <= end ? { start, end } : period;
}

function recurring(window: Span, due: string[], label: string, certainty: TermCertainty = 'exact', keepAfter = false): Reading {
  // Reports due just after the period (the 5th of the month after its last quarter) belong to it.
  const inside = uniqSorted(due.filter((d) => d >= window.start && (keepAfter || d <= window.end)));
  const end = inside.length && inside.at(-1)! > window.end ? inside.at(-1)! : window.end;
  return { kind: 'recurring', start: window.start, end, due: inside.slice(0, DATE_LIMITS.maxDueDates), label, certainty };
}

function eachYear(window: Span, fn: (y: number) => string[]): string[] {
  const out: string[] = [];
  for (let y = yearOf(window.start); y <= yearOf(window.end); y++) out.push(...fn(y));
  return out;
}

function eachMonth(window: Span, fn: (y: number, m: number) => string[]): string[] {
  return eachYear(window, (y) => Array.from({ length: 12 }, (_, i) => fn(y, i + 1)).flat());
}

/** `n` due dates spread evenly over a span: by whole months when they divide evenly, else by days. */
function spread(span: Span, n: number): string[] {
  const whole = span.start.endsWith('-01') && span.end === monthEnd(yearOf(span.end), Number(span.end.slice(5, 7)));
  const months = (yearOf(span.end) - yearOf(span.start)) * 12 + Number(span.end.slice(5, 7)) - Number(span.start.slice(5, 7)) + 1;
  if (whole && months % n === 0) {
    const step = months / n;
    return Array.from({ length: n }, (_, i) => {
      const k = Number(span.start.slice(5, 7)) - 1 + step * (i + 1) - 1;
      return monthEnd(yearOf(span.start) + Math.floor(k / 12), (k % 12) + 1);
    });
  }
  const days = Math.round((Date.parse(span.end) - Date.parse(span.start)) / 86400000) + 1;
  return Array.from({ length: n }, (_, i) => addDays(span.start, Math.ceil((days * (i + 1)) / n) - 1));
}

/** Consecutive chunks of the window, a year long each (the last one cut), for counts per year. */
function yearChunks(window: Span): Span[] {
  const out: Span[] = [];
  for (let start = window.start; start <= window.end;) {
    const next = iso(yearOf(start) + 1, Number(start.slice(5, 7)), 1);
    const end = addDays(next, -1) < window.end ? addDays(next, -1) : window.end;
    out.push({ start, end });
    start = addDays(end, 1);
  }
  return out;
}

const clip = (s: Span, w: Span): Span | null => {
  const start = s.start > w.start ? s.start : w.start;
  const end = s.end < w.end ? s.end : w.end;
  return start <= end ? { start, end } : null;
};

// ——— rule 1: recurrence ———

/** «четверть» in every case, but not «четвертый» (an ordinal: «четвертый квартал»). */
const SCHOOL_QUARTER = 'четверть|четверти|четвертью|четвертям|четвертями|четвертях';

const WEEKDAYS: [string, number][] = [
  ['понедельник*', 1],
  ['вторник*', 2],
  ['среду|средам|среда', 3],
  ['четверг*', 4],
  ['пятниц*', 5],
  ['суббот*', 6],
  ['воскресень*', 7],
];

/** «по понедельникам», «каждую среду», «еженедельно по пятницам». */
function weekdaysNamed(tokens: Token[]): number[] {
  const weekly = has(tokens, 'еженедельн*');
  const out: number[] = [];
  tokens.forEach((t, i) => {
    // «по вторникам и четвергам»: a weekday listed after one already read counts too.
    const listed = out.length > 0 && tokens[i - 1]?.t === 'sep';
    for (const [p, d] of WEEKDAYS)
      if (wordIs(t, p) && (listed || wordIs(tokens[i - 1], 'по|кажд*') || (weekly && wordIs(tokens[i - 1], 'в|во')))) out.push(d);
  });
  return [...new Set(out)];
}

/** «до 5 числа», «25-го числа», «до 10-го» next to a monthly or quarterly word: the day of the month. */
function dayOfMonth(tokens: Token[]): number | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.t === 'num' && t.n >= 1 && t.n <= 31 && (wordIs(tokens[i + 1], 'числ*') || (t.ord && tokens[i + 1]?.t !== 'month'))) return t.n;
  }
  return null;
}

type Unit = 'year' | 'schoolYear' | 'half' | 'quarter' | 'schoolQuarter' | 'month' | 'week';

/** «3 раза в год», «не реже одного раза в квартал», «раз в месяц», «дважды в год», «2 раза в учебный год». */
function countPer(tokens: Token[]): { n: number; unit: Unit } | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let n: number | null;
    let at: number;
    if (wordIs(t, 'раз|раза')) {
      const before = tokens[i - 1];
      n = before?.t === 'num' ? before.n : before?.t === 'word' ? (numberWordOf(before.w) ?? 1) : 1;
      at = i + 1;
    } else if (t.t === 'word' && /^(?:дважды|трижды|четырежды)$/.test(t.w)) {
      n = numberWordOf(t.w);
      at = i + 1;
    } else continue;
    if (!wordIs(tokens[at], 'в|за|во')) continue;
    let u = at + 1;
    if (wordIs(tokens[u], 'течение|течении')) u++;
    const school = wordIs(tokens[u], 'учебн*|уч');
    if (school) u++;
    const w = tokens[u];
    const unit: Unit | null = wordIs(w, 'год*')
      ? school
        ? 'schoolYear'
        : 'year'
      : wordIs(w, 'полугод*')
        ? 'half'
        : wordIs(w, 'квартал*')
          ? 'quarter'
          : wordIs(w, 'четверт*')
            ? 'schoolQuarter'
            : wordIs(w, 'месяц*')
              ? 'month'
              : wordIs(w, 'недел*')
                ? 'week'
                : null;
    if (unit && n && n > 0 && n <= 52) return { n, unit };
  }
  return null;
}

function schoolParts(ctx: TermContext, win: Span, part: (sy: SchoolYear) => Span[]): Span[] {
  return schoolYearsOverlapping(ctx.calendar, win.start, win.end).flatMap(part);
}

function weekly(win: Span, days: number[], label: string): Reading {
  const due: string[] = [];
  const first = weekday(win.start);
  for (const day of days)
    for (let d = addDays(win.start, (day - first + 7) % 7); d <= win.end && due.length < DATE_LIMITS.maxDueDates; d = addDays(d, 7))
      due.push(d);
  return recurring(win, due, label);
}

const QUARTER_ENDS = (win: Span) => eachYear(win, (y) => [1, 2, 3, 4].map((q) => quarterEnd(y, q)));
const MONTH_ENDS = (win: Span) => eachMonth(win, (y, m) => [monthEnd(y, m)]);
const HALF_ENDS = (win: Span) => eachYear(win, (y) => [iso(y, 6, 30), iso(y, 12, 31)]);

function perCount(n: number, unit: Unit, win: Span, ctx: TermContext): Reading {
  const approx: TermCertainty = n === 1 ? 'exact' : 'approximate';
  const label = n === 1 ? '' : `${n} ${n < 5 ? 'раза' : 'раз'} в `;
  switch (unit) {
    case 'week':
      if (n === 1) return weekly(win, [7], 'еженедельно');
      return recurring(
        win,
        eachMonth(win, (y, m) => Array.from({ length: 4 * n }, (_, i) => iso(y, m, Math.min(28, Math.ceil((28 * (i + 1)) / (4 * n)))))),
        `${label}неделю`,
        approx,
      );
    case 'month':
      if (n === 1) return recurring(win, MONTH_ENDS(win), 'ежемесячно');
      return recurring(
        win,
        eachMonth(win, (y, m) => spread({ start: monthStart(y, m), end: monthEnd(y, m) }, n)),
        `${label}месяц`,
        approx,
      );
    case 'quarter':
      if (n === 1) return recurring(win, QUARTER_ENDS(win), 'ежеквартально');
      return recurring(
        win,
        eachYear(win, (y) => [1, 2, 3, 4].flatMap((q) => spread({ start: quarterStart(y, q), end: quarterEnd(y, q) }, n))),
        `${label}квартал`,
        approx,
      );
    case 'schoolQuarter':
      return recurring(
        win,
        schoolYearsOverlapping(ctx.calendar, win.start, win.end).flatMap((sy) => sy.quarters.flatMap((q) => spread(q, n))),
        n === 1 ? 'по четвертям' : `${label}четверть`,
        approx,
      );
    case 'half':
      if (n === 1) return recurring(win, HALF_ENDS(win), 'по полугодиям');
      return recurring(
        win,
        eachYear(win, (y) =>
          [spread({ start: iso(y, 1, 1), end: iso(y, 6, 30) }, n), spread({ start: iso(y, 7, 1), end: iso(y, 12, 31) }, n)].flat(),
        ),
        `${label}полугодие`,
        approx,
      );
    case 'schoolYear': {
      const years = schoolParts(ctx, win, (sy) => [{ start: sy.quarters[0].start, end: sy.quarters[3].end }]);
      const due = years.flatMap((sy) => {
        const s = clip(sy, win);
        return s ? spread(s, n) : [];
      });
      return recurring(win, due, n === 1 ? 'ежегодно (учебный год)' : `${label}учебный год`, approx);
    }
    case 'year':
      if (n === 1)
        return recurring(
          win,
          eachYear(win, (y) => [iso(y, 12, 31)]),
          'ежегодно',
        );
      // Twice a year is read as the half-years (as before); other counts spread over each year of the period.
      if (n === 2) return recurring(win, HALF_ENDS(win), 'по полугодиям', approx);
      return recurring(
        win,
        yearChunks(win).flatMap((c) => spread(c, n)),
        `${label}год`,
        approx,
      );
  }
}

function readRecurring(tokens: Token[], ctx: TermContext): Reading | null {
  const win = yearsWindow(tokens, ctx.period);
  if (unnumbered(tokens, `${SCHOOL_QUARTER}|ежечетвертн*|почетвертн*`))
    return recurring(
      win,
      schoolParts(ctx, win, (sy) => sy.quarters).map((q) => q.end),
      'по четвертям',
    );
  if (unnumbered(tokens, 'триместр*'))
    return recurring(
      win,
      schoolParts(ctx, win, (sy) => sy.trimesters).map((q) => q.end),
      'по триместрам',
    );

  const day = dayOfMonth(tokens);
  const following = has(tokens, 'следующ*');
  const count = countPer(tokens);
  const quarterly =
    has(tokens, 'ежекварт*|поквартальн*') ||
    has(tokens, 'кажд*', 'квартал*') ||
    has(tokens, 'по', 'итогам', 'квартал*') ||
    has(tokens, 'по', 'кварталам');
  const monthly = has(tokens, 'ежемесячн*|помесячн*') || has(tokens, 'кажд*', 'месяц*') || has(tokens, 'по', 'месяцам');
  // «ежеквартально, до 5 числа месяца, следующего за отчётным»: the report on that day after each quarter.
  if (day && (quarterly || count?.unit === 'quarter'))
    return recurring(
      win,
      eachYear(win, (y) =>
        [1, 2, 3, 4].map((q) => (q === 4 ? iso(y + 1, 1, Math.min(day, 31)) : iso(y, q * 3 + 1, Math.min(day, lastDay(y, q * 3 + 1))))),
      ).filter((d) => d > win.start),
      'ежеквартально',
      following ? 'exact' : 'approximate',
      true,
    );
  // «ежемесячно до 5 числа»: that day of every month (of the next month when the text says so).
  if (day && (monthly || count?.unit === 'month')) {
    const dues = eachMonth(win, (y, m) => {
      const [yy, mm] = following ? (m === 12 ? [y + 1, 1] : [y, m + 1]) : [y, m];
      return [iso(yy, mm, Math.min(day, lastDay(yy, mm)))];
    });
    return recurring(win, dues, 'ежемесячно', 'exact', following);
  }
  // «2 раза в год (май, декабрь)»: the months named say when.
  const months = tokens.flatMap((t) => (t.t === 'month' ? [t.m] : []));
  if (count?.unit === 'year' && months.length)
    return recurring(
      win,
      eachYear(win, (y) => months.map((m) => monthEnd(y, m))),
      'ежегодно',
    );
  if (count) return perCount(count.n, count.unit, win, ctx);
  if (quarterly) return recurring(win, QUARTER_ENDS(win), 'ежеквартально');
  if (monthly) return recurring(win, MONTH_ENDS(win), 'ежемесячно');
  const days = weekdaysNamed(tokens);
  if (days.length)
    return weekly(
      win,
      days,
      days.length === 1
        ? `по ${['понедельникам', 'вторникам', 'средам', 'четвергам', 'пятницам', 'субботам', 'воскресеньям'][days[0]! - 1]}`
        : 'еженедельно',
    );
  if (has(tokens, 'еженедельн*') || has(tokens, 'кажд*', 'недел*') || has(tokens, 'по', 'неделям')) return weekly(win, [7], 'еженедельно');
  if (unnumbered(tokens, 'полугод*') && (has(tokens, 'учебн*', 'полугод*') || has(tokens, 'полугод*', 'учебн*')))
    return recurring(
      win,
      schoolParts(ctx, win, (sy) => [sy.quarters[1], sy.quarters[3]]).map((q) => q.end),
      'по полугодиям учебного года',
    );
  if (has(tokens, 'по', 'полугодиям') || has(tokens, 'кажд*', 'полугод*')) return recurring(win, HALF_ENDS(win), 'по полугодиям');
  if (has(tokens, 'ежегодн*') || has(tokens, 'кажд*', 'год*') || has(tokens, 'по', 'итогам', 'года')) {
    // «ежегодно до 1 сентября» → that day each year; «ежегодно в мае» → the month's end each year.
    const at = tokens.findIndex((t, i) => t.t === 'num' && tokens[i + 1]?.t === 'month');
    if (at >= 0) {
      const d = (tokens[at] as { n: number }).n;
      const m = (tokens[at + 1] as { m: number }).m;
      return recurring(
        win,
        eachYear(win, (y) => (isValidDate(y, m, d) ? [iso(y, m, d)] : [])),
        'ежегодно',
      );
    }
    if (months.length)
      return recurring(
        win,
        eachYear(win, (y) => months.map((m) => monthEnd(y, m))),
        'ежегодно',
      );
    return recurring(
      win,
      eachYear(win, (y) => [iso(y, 12, 31)]),
      'ежегодно',
    );
  }
  return null;
}

// ——— rule 2: continuous ———

function readContinuous(tokens: Token[], ctx: TermContext): Reading | null {
  const yes =
    has(tokens, 'постоянн*|систематич*|регулярн*') ||
    has(tokens, 'весь', 'период') ||
    has(tokens, 'на', 'протяжении') ||
    has(tokens, 'в', 'течение|течении', 'всего') ||
    has(tokens, 'в', 'течение|течении', 'периода|срока|реализации|действия') ||
    has(tokens, 'в', 'течение|течении', 'года') ||
    has(tokens, 'в', 'течение|течении', 'учебного', 'года') ||
    has(tokens, 'в', 'период', 'реализации');
  if (!yes) return null;
  const win = yearsWindow(tokens, ctx.period);
  return { kind: 'continuous', start: win.start, end: win.end, due: [win.end], label: 'постоянно', certainty: 'exact' };
}

// ——— the school year ———

/** «2024/2025», «2024/25», «2024-2025 уч. г.», «2023-2024 учебном году»: the starting year and where it ends. */
function schoolYearAt(tokens: Token[], i: number): { y: number; next: number } | null {
  const a = tokens[i];
  const sep = tokens[i + 1];
  const b = tokens[i + 2];
  if (a?.t !== 'year' || (sep?.t !== 'slash' && sep?.t !== 'dash')) return null;
  const y2 = b?.t === 'year' ? b.y : b?.t === 'num' && b.n < 100 ? Math.floor(a.y / 100) * 100 + b.n : null;
  if (y2 !== a.y + 1) return null;
  let next = i + 3;
  const named = wordIs(tokens[next], 'учебн*|уч|у');
  if (sep.t === 'dash' && !named) return null; // «2024-2025» alone is two calendar years
  while (wordIs(tokens[next], 'учебн*|уч|у|г|гг|год*')) next++;
  return { y: a.y, next };
}

function schoolYearOfPeriod(ctx: TermContext, end: (sy: SchoolYear) => string): number {
  const y = yearOf(ctx.period.start) - 1;
  for (let k = y; k <= y + 2; k++) if (end(schoolYear(ctx.calendar, k)) >= ctx.period.start) return k;
  return y + 1;
}

// ——— rule 3: the end of the school year ———

/** «по окончании учебного года», «в конце учебного года», «до конца учебного года», «к концу учебного года». */
function readSchoolYearEnd(tokens: Token[], ctx: TermContext): Reading | null {
  const at = findSeq(tokens, 'учебн*|уч', 'год*');
  if (at < 1) return null;
  const before = tokens.slice(0, at).filter((t) => !wordIs(t, 'в|до|к|по|на|срок'));
  if (before.length !== 1 || !wordIs(before[0], 'окончани*|конц*|конец|завершени*|итогам')) return null;
  if (tokens.slice(at + 2).some((t) => t.t !== 'year' && t.t !== 'slash' && t.t !== 'num' && !wordIs(t, 'г|гг'))) return null;
  const written = tokens.findIndex((t, i) => schoolYearAt(tokens, i) !== null);
  const years = tokens.flatMap((t) => (t.t === 'year' ? [t.y] : []));
  if (written >= 0 || years.length) {
    const y = written >= 0 ? schoolYearAt(tokens, written)!.y : years[0]! - 1;
    const end = schoolYear(ctx.calendar, y).quarters[3].end;
    return { kind: 'deadline', start: null, end, due: [end], label: '', certainty: 'exact' };
  }
  const ends = schoolParts(ctx, ctx.period, (sy) => [sy.quarters[3]])
    .map((q) => q.end)
    .filter((d) => inRange(d, ctx.period.start, ctx.period.end));
  if (ends.length > 1) return recurring(ctx.period, ends, 'по окончании учебного года');
  const end =
    ends[0] ??
    schoolYear(
      ctx.calendar,
      schoolYearOfPeriod(ctx, (sy) => sy.quarters[3].end),
    ).quarters[3].end;
  return { kind: 'deadline', start: null, end, due: [end], label: '', certainty: 'assumed-year' };
}

// ——— rule 6: the grammar of dates ———

type ItemKind = 'day' | 'decade' | 'month' | 'quarter' | 'half' | 'year' | 'schoolYear' | 'schoolQuarter' | 'trimester' | 'schoolHalf';
interface Item {
  kind: ItemKind;
  /** Day, decade, quarter, half or part number. */
  n?: number;
  m?: number;
  y?: number;
  /** The year was taken from a later item, not written here. */
  inferred?: boolean;
  /** The year was taken from the roadmap's period. */
  assumed?: boolean;
}
type Op = 'range' | 'list';

/** Words that carry no date and may stand anywhere in a term of dates. */
const FILLER = new Set([
  'в',
  'во',
  'течение',
  'течении',
  'на',
  'за',
  'срок',
  'сроки',
  'период',
  'периоде',
  'месяц',
  'месяца',
  'месяцы',
  'месяцев',
  'года',
  'год',
  'годы',
  'годов',
  'году',
  'г',
  'конца',
  'конец',
  'числа',
  'число',
  'включительно',
  'ч',
  'мес',
  'уч',
  'учебного',
  'учебный',
  'учебном',
  'у',
  'текущего',
  'календарного',
  'месяцах',
  'не',
  'позднее',
  'позже',
]);

/** The unit word after numbers: «квартал», «кв.», «полугодие», «четверть», «триместр», «декада». */
function unitOf(tok: Token | undefined): ItemKind | null {
  if (wordIs(tok, 'квартал*|кв')) return 'quarter';
  if (wordIs(tok, 'полугод*')) return 'half';
  if (wordIs(tok, SCHOOL_QUARTER)) return 'schoolQuarter';
  if (wordIs(tok, 'триместр*')) return 'trimester';
  if (wordIs(tok, 'декад*')) return 'decade';
  return null;
}
const UNIT_MAX: Partial<Record<ItemKind, number>> = { quarter: 4, half: 2, schoolQuarter: 4, trimester: 3, decade: 3 };

interface Built {
  items: Item[];
  ops: Op[];
  /** A school year written for the school quarters, trimesters and half-years in the term. */
  schoolYear: number | null;
}

function buildItems(tokens: Token[]): Built | null {
  const items: Item[] = [];
  const ops: Op[] = [];
  let pending: Op | null = null;
  let sy: number | null = null;
  const push = (it: Item) => {
    if (items.length) ops.push(pending ?? 'list');
    items.push(it);
    pending = null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // Numbers before a unit word: «2–4 квартал», «I и III четверти», «1 декада сентября», «второе полугодие».
    if (ordinalOf(t) !== null && (t.t !== 'word' || unitOf(next))) {
      const group: { n: number; op: Op | null }[] = [{ n: ordinalOf(t)!, op: null }];
      let j = i + 1;
      while ((tokens[j]?.t === 'dash' || tokens[j]?.t === 'sep') && ordinalOf(tokens[j + 1]) !== null && tokens[j + 1]?.t !== 'word') {
        group.push({ n: ordinalOf(tokens[j + 1])!, op: tokens[j]!.t === 'dash' ? 'range' : 'list' });
        j += 2;
      }
      const unit = unitOf(tokens[j]);
      if (unit) {
        if (group.some((g) => g.n < 1 || g.n > UNIT_MAX[unit]!)) return null;
        let year: number | undefined;
        let month: number | undefined;
        if (unit === 'decade') {
          if (tokens[j + 1]?.t !== 'month') return null;
          month = (tokens[j + 1] as { m: number }).m;
          j++;
        }
        const school = schoolYearAt(tokens, j + 1);
        if (school) {
          sy = school.y;
          j = school.next - 1;
        } else if (tokens[j + 1]?.t === 'year' && unit !== 'schoolQuarter' && unit !== 'trimester') {
          year = (tokens[j + 1] as { y: number }).y;
          j++;
        }
        // «1 полугодие 2024/2025 уч. г.», «I полугодие учебного года»: the school year's half.
        const kind: ItemKind = unit === 'half' && (school || wordIs(tokens[j + 1], 'учебн*|уч')) ? 'schoolHalf' : unit;
        group.forEach((g, k) => {
          if (k > 0) pending = g.op;
          push({ kind, n: g.n, ...(month ? { m: month } : {}), ...(year ? { y: year } : {}) });
        });
        i = j;
        continue;
      }
    }
    if (t.t === 'date') push({ kind: 'day', n: t.d, m: t.m, ...(t.y ? { y: t.y } : {}) });
    else if (t.t === 'num') {
      if (next?.t === 'month') {
        const after = tokens[i + 2];
        push({ kind: 'day', n: t.n, m: next.m, ...(after?.t === 'year' ? { y: after.y } : {}) });
        i += after?.t === 'year' ? 2 : 1;
      } else if (next?.t === 'dash' || next?.t === 'sep' || wordIs(next, 'по|до')) push({ kind: 'day', n: t.n });
      else return null;
    } else if (t.t === 'month') {
      push({ kind: 'month', m: t.m, ...(next?.t === 'year' ? { y: next.y } : {}) });
      if (next?.t === 'year') i++;
    } else if (t.t === 'year') {
      const school = schoolYearAt(tokens, i);
      if (school) {
        push({ kind: 'schoolYear', y: school.y });
        i = school.next - 1;
      } else push({ kind: 'year', y: t.y });
    } else if (t.t === 'dash' || wordIs(t, 'по|до')) {
      if (!items.length) return null;
      pending = 'range';
    } else if (t.t === 'sep') {
      if (items.length && pending === null) pending = 'list';
    } else if (t.t === 'word' && FILLER.has(t.w)) continue;
    else return null;
  }
  if (pending === 'range' || items.length === 0) return null;
  return { items, ops, schoolYear: sy };
}

/** Where an item sits inside its year, to see a range crossing the new year («ноябрь – февраль»). */
function order(it: Item): number {
  switch (it.kind) {
    case 'day':
      return it.m! * 100 + it.n!;
    case 'decade':
      return it.m! * 100 + it.n! * 10;
    case 'month':
      return it.m! * 100 + 99;
    case 'quarter':
      return it.n! * 300 + 99;
    case 'half':
      return it.n! * 600 + 99;
    default:
      return 0;
  }
}

/** An item's span once its year is known. */
function spanOf(it: Item, ctx: TermContext, sy: number): Span | null {
  const y = it.y!;
  switch (it.kind) {
    case 'year':
      return { start: iso(y, 1, 1), end: iso(y, 12, 31) };
    case 'month':
      return { start: monthStart(y, it.m!), end: monthEnd(y, it.m!) };
    case 'quarter':
      return { start: quarterStart(y, it.n!), end: quarterEnd(y, it.n!) };
    case 'half':
      return it.n === 1 ? { start: iso(y, 1, 1), end: iso(y, 6, 30) } : { start: iso(y, 7, 1), end: iso(y, 12, 31) };
    case 'decade': {
      const from = (it.n! - 1) * 10 + 1;
      const to = it.n === 3 ? lastDay(y, it.m!) : it.n! * 10;
      return { start: iso(y, it.m!, from), end: iso(y, it.m!, to) };
    }
    case 'day':
      return isValidDate(y, it.m!, it.n!) ? { start: iso(y, it.m!, it.n!), end: iso(y, it.m!, it.n!) } : null;
    case 'schoolYear': {
      const s = schoolYear(ctx.calendar, y);
      return { start: s.quarters[0].start, end: s.quarters[3].end };
    }
    case 'schoolQuarter':
    case 'trimester':
    case 'schoolHalf':
      return partOf(it, schoolYear(ctx.calendar, sy));
  }
}

/** A school quarter, trimester or half-year of a school year, as the school calendar draws it. */
function partOf(it: Item, s: SchoolYear): Span {
  if (it.kind === 'schoolQuarter') return s.quarters[it.n! - 1]!;
  if (it.kind === 'trimester') return s.trimesters[it.n! - 1]!;
  return it.n === 1 ? { start: s.quarters[0].start, end: s.quarters[1].end } : { start: s.quarters[2].start, end: s.quarters[3].end };
}

const SCHOOL_PARTS = new Set<ItemKind>(['schoolQuarter', 'trimester', 'schoolHalf']);
/** Units whose ranges mean each unit in turn («2–4 квартал» = three quarters, three reports). */
const COUNTED = new Set<ItemKind>(['quarter', 'schoolQuarter', 'trimester', 'half', 'schoolHalf']);

/** The first year (from the period's start) in which `end(y)` falls on or after the period's start. */
function yearFromPeriod(period: Span, end: (y: number) => string): number {
  const y = yearOf(period.start);
  return end(y) < period.start ? y + 1 : y;
}

interface Resolved {
  segments: Span[];
  assumed: boolean;
  /** Some segment was a range of counted units (quarters): a list of them, not one range. */
  counted: boolean;
}

function resolveItems(built: Built, ctx: TermContext): Resolved | null {
  const { items, ops } = built;
  const period = ctx.period;
  // «Май 2024, 2025»: years listed after a month are that month in those years.
  for (let i = 1; i < items.length; i++) {
    const prev = items[i - 1]!;
    if (items[i]!.kind === 'year' && ops[i - 1] === 'list' && prev.kind === 'month')
      items[i] = { kind: 'month', m: prev.m!, y: items[i]!.y! };
  }
  // «10–20 апреля 2024», «Май, июнь 2022», «Ноябрь – февраль 2025»: month and year come from later items.
  for (let i = items.length - 2; i >= 0; i--) {
    const it = items[i]!;
    const later = items.slice(i + 1);
    if (it.kind === 'day' && it.m === undefined) it.m = later.find((x) => x.m !== undefined)?.m;
    if (!SCHOOL_PARTS.has(it.kind) && it.kind !== 'year' && it.kind !== 'schoolYear' && it.y === undefined) {
      const y = later.find((x) => x.y !== undefined && !SCHOOL_PARTS.has(x.kind))?.y;
      if (y !== undefined) {
        it.y = y;
        it.inferred = true;
      }
    }
  }
  if (items.some((it) => it.kind === 'day' && it.m === undefined)) return null;
  // A year still missing comes from the period: the first such date inside it.
  items.forEach((it, i) => {
    if (it.y !== undefined || SCHOOL_PARTS.has(it.kind)) return;
    const prev = items[i - 1];
    if (prev && ops[i - 1] === 'range' && prev.y !== undefined && !SCHOOL_PARTS.has(prev.kind)) {
      it.y = prev.y;
      if (order(it) < order(prev)) it.y++;
      it.assumed = prev.assumed;
    } else {
      it.y = yearFromPeriod(
        period,
        (y) => spanOf({ ...it, y, ...(it.kind === 'day' ? { n: Math.min(it.n!, lastDay(y, it.m!)) } : {}) }, ctx, y)!.end,
      );
      it.assumed = true;
    }
  });
  // A range whose start took its year from the end and would come after it crosses the new year.
  ops.forEach((op, i) => {
    const a = items[i]!;
    const b = items[i + 1]!;
    if (op === 'range' && a.inferred && a.y === b.y && order(a) > order(b)) a.y = a.y! - 1;
  });
  const school = items.find((it) => SCHOOL_PARTS.has(it.kind));
  let sy = built.schoolYear;
  const assumedSchool = school !== undefined && sy === null;
  if (school && sy === null) sy = schoolYearOfPeriod(ctx, (s) => partOf(school, s).end);
  const spans = items.map((it) => spanOf(it, ctx, sy ?? 0));
  if (spans.some((x) => x === null)) return null;
  // Items joined by dashes are one segment (a range); commas separate segments (a list). A range of
  // quarters (half-years, school quarters) is each of them in turn.
  const segments: Span[] = [];
  let counted = false;
  let cur = spans[0]!;
  ops.forEach((op, i) => {
    const a = items[i]!;
    const b = items[i + 1]!;
    const next = spans[i + 1]!;
    if (op === 'range' && COUNTED.has(a.kind) && a.kind === b.kind) {
      counted = true;
      segments.push(cur);
      for (const extra of unitsBetween(a, b, ctx, sy ?? 0)) segments.push(extra);
      cur = next;
    } else if (op === 'range') cur = { start: cur.start, end: next.end };
    else {
      segments.push(cur);
      cur = next;
    }
  });
  segments.push(cur);
  if (!segments.every((s) => s.start <= s.end)) return null;
  return { segments, assumed: assumedSchool || items.some((it) => it.assumed), counted };
}

/** The units strictly between two of the same kind: «II–IV квартал» → III; «IV кв. 2024 – I кв. 2025» → none. */
function unitsBetween(a: Item, b: Item, ctx: TermContext, sy: number): Span[] {
  const per = UNIT_MAX[a.kind]!;
  const out: Span[] = [];
  let y = a.y ?? 0;
  let n = a.n!;
  for (let guard = 0; guard < 400; guard++) {
    n++;
    if (n > per) {
      if (SCHOOL_PARTS.has(a.kind)) return out;
      n = 1;
      y++;
    }
    if (n === b.n && (SCHOOL_PARTS.has(a.kind) || y === b.y)) return out;
    if (!SCHOOL_PARTS.has(a.kind) && y > (b.y ?? y)) return out;
    const s = spanOf({ kind: a.kind, n, y }, ctx, sy);
    if (s) out.push(s);
  }
  return out;
}

function listOf(segments: Span[], period: Span, label: string, certainty: TermCertainty): Reading {
  const ends = uniqSorted(segments.map((s) => s.end));
  const inside = ends.filter((d) => inRange(d, period.start, period.end));
  return {
    kind: 'recurring',
    start: segments.map((s) => s.start).sort()[0]!,
    end: ends.at(-1)!,
    // Dates named outside the period are kept rather than dropped when none falls inside (likely a typo in the year).
    due: inside.length ? inside : ends,
    label,
    certainty,
  };
}

function readDates(tokens: Token[], ctx: TermContext): Resolved | null {
  const built = buildItems(tokens);
  return built ? resolveItems(built, ctx) : null;
}

const certaintyOf = (r: Resolved): TermCertainty => (r.assumed ? 'assumed-year' : 'exact');

function readGeneric(tokens: Token[], ctx: TermContext): Reading | null {
  const r = readDates(tokens, ctx);
  return r ? readingOf(r, tokens, ctx) : null;
}

function readingOf(r: Resolved, tokens: Token[], ctx: TermContext): Reading {
  const [only] = r.segments;
  if (r.segments.length === 1)
    return { kind: 'range', start: only!.start, end: only!.end, due: [only!.end], label: '', certainty: certaintyOf(r) };
  return listOf(r.segments, ctx.period, r.counted && r.segments.length > 0 ? labelOfUnits(tokens) : 'по срокам', certaintyOf(r));
}

function labelOfUnits(tokens: Token[]): string {
  if (has(tokens, SCHOOL_QUARTER)) return 'по четвертям';
  if (has(tokens, 'триместр*')) return 'по триместрам';
  if (has(tokens, 'полугод*')) return 'по полугодиям';
  return 'по кварталам';
}

/** The tokens after a leading keyword, when everything before it is filler («в период с …», «в срок до …»). */
function after(tokens: Token[], keyword: string): Token[] | null {
  const at = tokens.findIndex((t) => wordIs(t, keyword));
  if (at < 0) return null;
  // «Срок – до 30 апреля», «в срок не позднее …»: a dash or a comma after the filler words too.
  return tokens
    .slice(0, at)
    .every((t) => t.t === 'dash' || t.t === 'sep' || wordIs(t, 'в|во|срок|сроки|период|начиная|позднее|позже|не|течение'))
    ? tokens.slice(at + 1)
    : null;
}

// ——— rule 4: a deadline ———

/** «до 25 марта 2024», «не позднее 01.10.2024», «к 1 сентября», «по 30.04.2024», «до конца мая», «до 25-го марта». */
function readDeadline(tokens: Token[], ctx: TermContext): Reading | null {
  const notLater = has(tokens, 'не', 'позднее|позже');
  const rest = notLater ? after(tokens, 'позднее|позже') : (after(tokens, 'до|к|по') ?? after(tokens, 'ко'));
  if (!rest) return null;
  // «до конца мая», «по итогам I полугодия», «по окончании II четверти»: by the end of it.
  const END = 'конца|конец|концу|окончания|окончании|окончанию|итогам|завершении|завершения';
  const byEnd = rest.some((t) => wordIs(t, END));
  const bare = rest.filter((t) => !wordIs(t, END));
  if (byEnd && bare.length > 0 && bare.every((t) => wordIs(t, 'года|год|календарного|текущего'))) {
    const end = iso(yearOf(ctx.period.start), 12, 31);
    return { kind: 'deadline', start: null, end, due: [end], label: '', certainty: 'assumed-year' };
  }
  const built = buildItems(bare);
  if (!built || built.items.length !== 1) return null;
  const item = built.items[0]!;
  const r = resolveItems(built, ctx);
  const span = r?.segments[0];
  if (!span || r.segments.length !== 1) return null;
  // «до 25 марта» is that day; «до конца мая» the month's end; «до мая» / «до 2025» the day before it begins;
  // «до II четверти»: its end (a quarter is a deadline by its end, as methodists mean it).
  const end = item.kind === 'day' || byEnd || COUNTED.has(item.kind) ? span.end : addDays(span.start, -1);
  return { kind: 'deadline', start: null, end, due: [end], label: '', certainty: certaintyOf(r) };
}

// ——— rule 5: from … [to …] ———

/** «С 15.02.2024» (to the period's end), «с 1 марта по 30 апреля 2024», «в период с 1 по 10 ноября». */
function readFrom(tokens: Token[], ctx: TermContext): Reading | null {
  const rest = after(tokens, 'с|со');
  if (!rest || rest.length === 0) return null;
  const to = rest.findIndex((t) => wordIs(t, 'по|до') || t.t === 'dash');
  if (to >= 0) {
    const joined: Token[] = [...rest.slice(0, to), { t: 'dash' }, ...rest.slice(to + 1)];
    const r = readDates(joined, ctx);
    // «с IV квартала 2024 по I квартал 2025» is two quarters, as with a dash.
    return r && (r.segments.length === 1 || r.counted) ? readingOf(r, joined, ctx) : null;
  }
  const r = readDates(rest, ctx);
  if (!r || r.segments.length !== 1) return null;
  const from = r.segments[0]!;
  // A start after the period's end runs to the end of its own year: the period says nothing about it.
  if (from.start > ctx.period.end) {
    const end = iso(yearOf(from.start), 12, 31);
    return { kind: 'range', start: from.start, end, due: [end], label: '', certainty: 'approximate' };
  }
  return { kind: 'range', start: from.start, end: ctx.period.end, due: [ctx.period.end], label: '', certainty: certaintyOf(r) };
}

// ——— the whole term ———

const RULES: ((tokens: Token[], ctx: TermContext) => Reading | null)[] = [
  readRecurring,
  readContinuous,
  readSchoolYearEnd,
  readDeadline,
  readFrom,
  readGeneric,
];

function readTokens(tokens: Token[], ctx: TermContext): Reading | null {
  for (const rule of RULES) {
    const r = rule(tokens, ctx);
    if (r) return r;
  }
  return null;
}

/** Parenthesised qualifiers («(по итогам ВПР)») are a note; the rest is the term. */
function splitNote(s: string): { body: string; notes: string[] } {
  const notes: string[] = [];
  const body = s.replace(/\(([^()]*)\)?/g, (_, inner: string) => {
    // «ежегодно (август)», «еженедельно (по средам)»: dates in parentheses are part of the term.
    const tokens = tokenize(inner);
    if (tokens.some((t) => t.t === 'month' || t.t === 'date' || t.t === 'year' || WEEKDAYS.some(([p]) => wordIs(t, p))))
      return ` ${inner} `;
    if (inner.trim()) notes.push(inner.trim());
    return ' , ';
  });
  return { body, notes };
}

/** The note as written in the original text (case kept), found by its position-insensitive normalized form. */
function originalNote(text: string, normalized: string): string {
  const flat = text.replace(/\s+/g, ' ');
  // Lower case, ё and dashes keep the length, so a place found in the folded text is the place in the original.
  const i = flat
    .toLocaleLowerCase('ru-RU')
    .replace(/ё/g, 'е')
    .replace(/[‐‑‒–—―−]/g, '-')
    .indexOf(normalized);
  return i >= 0 ? flat.slice(i, i + normalized.length) : normalized;
}

export function parseTermDetailed(text: string, ctx: TermContext): ParsedTerm {
  const s = normalizeTerm(text);
  // Refused at every door already; kept here because the loops below trust the period's years.
  if (!s || periodProblem(ctx.period.start, ctx.period.end)) return UNPARSED;
  const { body, notes } = splitNote(s);
  const tokens = tokenize(body);
  while (tokens.at(-1)?.t === 'sep') tokens.pop();
  while (tokens[0]?.t === 'sep') tokens.shift();
  let reading = tokens.length ? readTokens(tokens, ctx) : null;
  // «Ноябрь 2024, по итогам мониторинга»: the longest leading part that reads as a term; the rest is a note.
  if (!reading) {
    // The last few separators only: a qualifier is a short tail, and a pasted paragraph must not cost n² readings.
    const seps = tokens
      .flatMap((t, i) => (t.t === 'sep' && t !== tokens[0] ? [i] : []))
      .reverse()
      .slice(0, 3);
    for (const at of seps) {
      const head = tokens.slice(0, at);
      const tail = tokens.slice(at + 1);
      // Only a tail of words is a qualifier; a tail with dates was meant as a date and is not dropped.
      if (tail.some((t) => t.t !== 'word') || !head.length) continue;
      reading = readTokens(head, ctx);
      if (reading) {
        notes.unshift(tail.map((t) => (t as { w: string }).w).join(' '));
        break;
      }
    }
  }
  if (!reading) return UNPARSED;
  const note = notes.map((n) => originalNote(text, n)).join('; ');
  return { ...reading, note };
}

/** The structured term alone: `{ kind, start, end, due }`. */
export function parseTerm(text: string, ctx: TermContext): StructuredTerm {
  const { kind, start, end, due } = parseTermDetailed(text, ctx);
  return { kind, start, end, due };
}

/**
 * A period named in running text (an imported document's title or passport): «на 2024-2025 годы»,
 * «в 2023-2024 учебном году», «с 01.02.2024 по 30.11.2024», «на 2022 год». The same grammar as terms,
 * over the stretches of the text that are dates; only a written year counts (no period to borrow one from).
 */
export function periodFromText(text: string, calendar: SchoolCalendar): Span | null {
  const tokens = tokenize(normalizeTerm(text), { anyYear: true });
  const years = tokens.flatMap((t) => (t.t === 'year' ? [t.y] : t.t === 'date' && t.y ? [t.y] : []));
  if (years.length === 0) return null;
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  // Years no plan can have are read all the same: the import refuses such a period by name (periodProblem).
  const ctx: TermContext = { period: { start: iso(lo, 1, 1), end: iso(hi + 1, 12, 31) }, calendar };
  // Runs of tokens the date grammar knows; any other word ends a run.
  const dateish = (t: Token) => t.t !== 'word' || FILLER.has(t.w) || wordIs(t, 'с|со|по|до|учебн*|уч|у');
  for (let i = 0; i < tokens.length; i++) {
    if (!dateish(tokens[i]!)) continue;
    let j = i;
    while (j < tokens.length && dateish(tokens[j]!)) j++;
    const run = tokens.slice(i, j);
    if (run.some((t) => t.t === 'year' || (t.t === 'date' && t.y))) {
      // A lone date or month («приказ от 15.01.2024») is not a period: only «с … по …», years and school years.
      const r = readFrom(run, ctx) ?? (run.every((t) => t.t !== 'month' && t.t !== 'date') ? readGeneric(run, ctx) : null);
      if (r?.kind === 'range' && r.start && r.end && r.certainty === 'exact') return { start: r.start, end: r.end };
    }
    i = j;
  }
  return null;
}
