/**
 * The start screen «Главная» in one read: what is overdue, what is due this week and this month, the
 * current quarter's progress per roadmap in force, the schools by overdue count, the last imports of
 * schools' answers. Nothing is defined here a second time: a line is judged by «Сроки»'s own
 * judgement (db/terms/due.ts: firstShownDate shows a date exactly when judgeLine does, over shared/execution-rules.ts), a measure is in the quarter
 * by the report's own rule (db/quarter-selection.ts quarterReason) and counted in the report's
 * columns (shared/status-summary.ts); the first few lines of a list are «Сроки»'s own lines
 * (dueItems). What is saved is the reading: every measure's term and marks are read once, in plain
 * columns, instead of once per list, report sheet and school.
 */
import { coveringMarks, type QuarterMark } from '../shared/execution-rules';
import { quarterOf } from '../shared/quarters';
import { schoolsNamed } from '../shared/school-match';
import { emptyCounts, summaryKeyOf, type SummaryKey } from '../shared/status-summary';
import { type AnswerImport, lastAnswerImports } from './answer-imports';
import type { ExecutionStatus } from './executions';
import type { Db } from './open';
import { schoolDirectory } from './organizations';
import { quarterReason, quarterSpan, roadmapCoversQuarter } from './quarter-selection';
import { listRoadmaps } from './roadmaps';
import { dueItems, firstShownDate, isSchoolLine, windowOf, type DueItem, type DueWindow } from './terms/due';

/** How many lines of each list the start screen shows, and how many schools. */
export const HOME_FIRST = 5;
export const HOME_SCHOOLS = 10;

export interface HomeList {
  /** The number of lines «Сроки» lists for the window (done dates hidden, as it opens). */
  count: number;
  /** Its first lines, in «Сроки»'s order (by date). */
  first: DueItem[];
  from: string;
  to: string;
}

export interface HomeProgress {
  roadmapId: number;
  title: string;
  /** Measures in the quarter's report for the roadmap. */
  total: number;
  counts: Record<SummaryKey, number>;
}

export interface HomeSchool {
  schoolId: number;
  name: string;
  overdue: number;
}

export interface HomeSummary {
  today: string;
  quarter: string;
  overdue: HomeList;
  week: HomeList;
  month: HomeList;
  progress: HomeProgress[];
  schools: HomeSchool[];
  imports: AnswerImport[];
}

type Window = Exclude<DueWindow, 'quarter'>;
const WINDOWS: Window[] = ['overdue', 'week', 'month'];

interface Hit {
  source: DueItem['source'];
  id: number;
  /** The line's first date in the window: what «Сроки» sorts by first. */
  due: string;
}

/** Every line's marks by its id, from one pass over the table, with a key of them for the cache of judgements. */
function marksBy(db: Db, column: 'measure_id' | 'decision_id'): Map<number, { marks: QuarterMark[]; key: string }> {
  const out = new Map<number, { marks: QuarterMark[]; key: string }>();
  const rows = db.sqlite
    .prepare(`SELECT ${column} AS id, quarter, status FROM executions WHERE ${column} IS NOT NULL ORDER BY ${column}, quarter`)
    .raw()
    .all() as [number, string, ExecutionStatus][];
  for (const [id, quarter, status] of rows) {
    const line = out.get(id);
    if (line) {
      line.marks.push({ quarter, status });
      line.key += `,${quarter} ${status}`;
    } else out.set(id, { marks: [{ quarter, status }], key: `${quarter} ${status}` });
  }
  return out;
}

const NO_MARKS: QuarterMark[] = [];

export function homeSummary(db: Db, today: string): HomeSummary {
  // One read transaction: every figure is of the same moment of the database.
  return db.sqlite.transaction(() => summaryOf(db, today))();
}

function summaryOf(db: Db, today: string): HomeSummary {
  const quarter = quarterOf(today);
  const qspan = quarterSpan(quarter);
  const spans = Object.fromEntries(WINDOWS.map((w) => [w, windowOf(today, w)])) as Record<Window, { from: string; to: string }>;
  const hits: Record<Window, Hit[]> = { overdue: [], week: [], month: [] };

  const roadmaps = listRoadmaps(db).filter((r) => roadmapCoversQuarter(r, quarter));
  const progress = new Map<number, HomeProgress>(
    roadmaps.map((r) => [r.id, { roadmapId: r.id, title: r.title, total: 0, counts: emptyCounts() }]),
  );

  const schools = schoolDirectory(db);
  const linked = new Map<number, Set<number>>(schools.map((s) => [s.id, new Set<number>()]));
  for (const [measureId, orgId] of db.sqlite
    .prepare('SELECT measure_id, organization_id FROM measure_executors WHERE organization_id IS NOT NULL')
    .raw()
    .all() as [number, number][])
    linked.get(orgId)?.add(measureId);
  // The matcher once per distinct executors text: a district writes the same few hundred texts over and over.
  const namedCache = new Map<string, Set<number>>();
  const named = (executors: string, school: { id: number }) => {
    let ids = namedCache.get(executors);
    if (!ids) namedCache.set(executors, (ids = new Set(schoolsNamed(executors, schools).map((s) => s.id))));
    return ids.has(school.id);
  };
  const overdueBySchool = new Map<number, number>(schools.map((s) => [s.id, 0]));

  /** A line's first shown date in each window (null: not in it), by its sorted dates and marks. */
  const windowsOf = (allDue: string[], covering: () => (due: string) => QuarterMark | null): (string | null)[] =>
    WINDOWS.map((w) =>
      // A line whose first date is after the window's end is not in it.
      !allDue.length || allDue[0]! > spans[w].to ? null : firstShownDate(allDue, covering(), today, spans[w], w, false),
    );
  const lazyCovering = (allDue: string[], marks: readonly QuarterMark[]) => {
    let made: ((due: string) => QuarterMark | null) | null = null;
    return () => (made ??= coveringMarks(allDue, marks));
  };
  const record = (source: Hit['source'], id: number, dues: readonly (string | null)[]) => {
    for (let i = 0; i < WINDOWS.length; i++) if (dues[i] !== null) hits[WINDOWS[i]!].push({ source, id, due: dues[i]! });
  };

  /**
   * What a line's reading and marks decide, once per distinct pair: a district's measures share a few
   * hundred terms as written and a few patterns of marks, so most lines are judged by a lookup (as the
   * term store reads each distinct term once). The judgement itself is the one of «Сроки» and the report.
   */
  interface Judged {
    dues: (string | null)[];
    /** In the quarter's report (quarterReason) if its roadmap is in force, and in which column; null: not in it. */
    quarter: SummaryKey | null;
  }
  const judged = new Map<string, Judged>();

  const measureMarks = marksBy(db, 'measure_id');
  // Plain arrays (.raw()), not row objects: 50 000 of them on a district's database.
  const measures = db.sqlite
    .prepare(
      `SELECT m.id, m.roadmap_id, r.school_id, m.executors, m.term_kind, m.term_start, m.term_end, m.term_due
         FROM measures m JOIN roadmaps r ON r.id = m.roadmap_id`,
    )
    .raw()
    .all() as [number, number, number | null, string, string | null, string | null, string | null, string][];
  /** Judges one distinct reading with its marks: the windows, and the report's quarter. */
  const judge = (kind: string | null, start: string | null, end: string | null, termDue: string, marks: readonly QuarterMark[]): Judged => {
    const allDue = (JSON.parse(termDue) as string[]).sort();
    const covering = lazyCovering(allDue, marks);
    // The report reads the marks up to its quarter; with none after it, the line's covering is the same.
    const later = marks.some((x) => x.quarter > quarter);
    const upTo = later ? marks.filter((x) => x.quarter <= quarter) : marks;
    const t = { kind: kind ?? 'unparsed', start, end, due: allDue };
    const reason = quarterReason(t, qspan, upTo, later ? coveringMarks(allDue, upTo) : covering());
    return {
      dues: windowsOf(allDue, covering),
      quarter: reason === null ? null : summaryKeyOf(upTo.find((x) => x.quarter === quarter)?.status),
    };
  };
  for (const [id, roadmapId, schoolId, executors, kind, start, end, termDue] of measures) {
    const ofLine = measureMarks.get(id);
    const key = ofLine ? `${termDue}|${kind}|${start}|${end}|${ofLine.key}` : `${termDue}|${kind}|${start}|${end}`;
    let j = judged.get(key);
    if (!j) judged.set(key, (j = judge(kind, start, end, termDue, ofLine?.marks ?? NO_MARKS)));
    record('measure', id, j.dues);
    if (j.dues[0] !== null) {
      const line = { id, schoolId, executors };
      for (const s of schools)
        if (isSchoolLine(line, s, linked.get(s.id)!, named)) overdueBySchool.set(s.id, overdueBySchool.get(s.id)! + 1);
    }
    const progressLine = progress.get(roadmapId);
    if (!progressLine || j.quarter === null) continue;
    progressLine.total++;
    progressLine.counts[j.quarter]++;
  }

  const decisionMarks = marksBy(db, 'decision_id');
  for (const [id, termDue] of db.sqlite.prepare('SELECT id, term_due FROM decisions').raw().all() as [number, string][]) {
    const allDue = (JSON.parse(termDue) as string[]).sort();
    record('decision', id, windowsOf(allDue, lazyCovering(allDue, decisionMarks.get(id)?.marks ?? NO_MARKS)));
  }

  const list = (w: Window): HomeList => ({ count: hits[w].length, first: firstLines(db, today, w, hits[w]), ...spans[w] });
  const byName = new Intl.Collator('ru');
  return {
    today,
    quarter,
    overdue: list('overdue'),
    week: list('week'),
    month: list('month'),
    progress: [...progress.values()],
    schools: schools
      .map((s) => ({ schoolId: s.id, name: s.shortName || s.name, overdue: overdueBySchool.get(s.id)! }))
      .filter((s) => s.overdue > 0)
      .sort((a, b) => b.overdue - a.overdue || byName.compare(a.name, b.name))
      .slice(0, HOME_SCHOOLS),
    imports: lastAnswerImports(db),
  };
}

/**
 * The first lines of a window exactly as «Сроки» shows them: the earliest lines by date (all that tie
 * with the last one taken, as «Сроки» then orders them by roadmap and number) read through dueItems.
 */
function firstLines(db: Db, today: string, window: Window, hits: Hit[]): DueItem[] {
  if (!hits.length) return [];
  const sorted = [...hits].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const cut = sorted[Math.min(HOME_FIRST, sorted.length) - 1]!.due;
  const chosen = sorted.filter((h) => h.due <= cut);
  const ids = (source: Hit['source']) => chosen.filter((h) => h.source === source).map((h) => h.id);
  return dueItems(db, { today, window, showDone: false, only: { measures: ids('measure'), decisions: ids('decision') } }).slice(
    0,
    HOME_FIRST,
  );
}
