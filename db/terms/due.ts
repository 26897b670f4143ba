/**
 * The «Сроки» view: the due dates of every measure and protocol decision, one line per measure or
 * decision — what is due this week, this month, this quarter, and what is overdue. Done and overdue
 * are decided by shared/execution-rules.ts, the same rule the quarter's report uses.
 */
import { mustExist } from '../exists';
import type { ExecutionStatus } from '../executions';
import type { Db } from '../open';
import { schoolNames } from '../organizations';
import { namesSchool, type SchoolNames } from '../../shared/school-match';
import { quarterOf } from '../../shared/quarters';
import { coveringMarks, isOverdue, quarterOfDue, type QuarterMark } from '../../shared/execution-rules';
import { dueSummary, sortDue, type DueSortKey, type DueSortOrder } from '../../shared/due-view';
import { fold } from '../text';
import { addDays, monthEnd, monthStart, quarterEnd, quarterStart, weekday } from './dates';

export type DueWindow = 'overdue' | 'week' | 'month' | 'quarter';

export interface DueFilter {
  today: string;
  window: DueWindow;
  personId?: number | undefined;
  schoolId?: number | undefined;
  roadmapId?: number | undefined;
  /** Free text matched against the executors as written (case and ё ignored). */
  executor?: string | undefined;
  /** Keep the dates already done (the overdue window never has any); on unless switched off. */
  showDone?: boolean | undefined;
  sortBy?: DueSortKey | undefined;
  sortOrder?: DueSortOrder | undefined;
  /** Only these lines (the start screen's first few, db/home.ts); not part of the API's filter. */
  only?: { measures: readonly number[]; decisions: readonly number[] } | undefined;
}

/** One due date of a line, with the mark of its quarter. */
export interface DueDate {
  due: string;
  quarter: string;
  status: ExecutionStatus | null;
  done: boolean;
  overdue: boolean;
}

/**
 * One line of «Сроки»: a measure or a decision with its dates in the window — a weekly measure is
 * one line with its overdue count and next date, not a hundred lines.
 */
export interface DueItem {
  source: 'measure' | 'decision';
  id: number;
  roadmapId: number | null;
  meetingId: number | null;
  /** The roadmap's title, or «Протокол № 1 от 14.04.2022». */
  origin: string;
  number: string;
  name: string;
  term: string;
  executors: string;
  /** The first of the line's dates: what the «Срок» column shows and sorts by. */
  due: string;
  quarter: string;
  status: ExecutionStatus | null;
  /** Every date of the line is done. */
  done: boolean;
  /** At least one date of the line is overdue. */
  overdue: boolean;
  overdueCount: number;
  /** The first date from today on that is not done yet, over the whole term (not only the window). */
  nextDue: string | null;
  dates: DueDate[];
  /** «еженедельно — просрочено 14 раз, следующий срок 07.12.2025» for a line with several dates. */
  summary: string;
}

export function windowOf(today: string, window: DueWindow): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  if (window === 'week') {
    const from = addDays(today, 1 - weekday(today));
    return { from, to: addDays(from, 6) };
  }
  if (window === 'month') return { from: monthStart(y, m), to: monthEnd(y, m) };
  if (window === 'quarter') {
    const q = Math.floor((m - 1) / 3) + 1;
    return { from: quarterStart(y, q), to: quarterEnd(y, q) };
  }
  return { from: '0000-01-01', to: addDays(today, -1) };
}

interface Row {
  id: number;
  roadmapId: number | null;
  meetingId: number | null;
  origin: string;
  number: string;
  name: string;
  term: string;
  executors: string;
  termDue: string;
  schoolId: number | null;
  meetingDate: string | null;
  /** The line's execution marks, '2024-Q1 done,2024-Q2 in_progress', or null: read with the line, by index. */
  marks: string | null;
}

const NO_MARKS: QuarterMark[] = [];

export function marksOf(text: string | null): QuarterMark[] {
  if (text === null) return NO_MARKS;
  return text.split(',').map((m) => ({ quarter: m.slice(0, m.indexOf(' ')), status: m.slice(m.indexOf(' ') + 1) as ExecutionStatus }));
}

/** The status marked for the quarter, or null: a line has a handful of marks at most. */
function statusIn(marks: readonly QuarterMark[], quarter: string): ExecutionStatus | null {
  for (const m of marks) if (m.quarter === quarter) return m.status;
  return null;
}

// With `only`, the lines are picked by id instead of by the index of dates: the few the start screen
// shows first. A line without a date in the window still shows nothing (judgeLine returns null).
const onlyOf = (ids: readonly number[] | undefined) => (ids ? { only: JSON.stringify(ids) } : {});

/**
 * Whether a measure's line belongs to a school in «Сроки» (and in the start screen's list of schools):
 * its roadmap is the school's, the school is linked as an executor, or the executors text names it.
 * Decisions belong to no school.
 */
export function isSchoolLine(
  line: { id: number; schoolId: number | null; executors: string },
  school: SchoolNames,
  linked: ReadonlySet<number>,
  named: (executors: string, school: SchoolNames) => boolean = namesSchool,
): boolean {
  return line.schoolId === school.id || linked.has(line.id) || named(line.executors, school);
}

/** Whether a window shows a date of a line: the overdue window only the overdue ones, the others all or only the open ones. */
function shows(window: DueWindow, showDone: boolean, due: string, today: string, done: boolean): boolean {
  return window === 'overdue' ? isOverdue(due, today, done) : showDone || !done;
}

/**
 * The first date (of the sorted dates) a window shows for a line, or null when the line is not in
 * the window: what judgeLine's `dates[0]` would be, without building the line — the start screen
 * counts lines and sorts them by this date (db/home.ts).
 */
export function firstShownDate(
  allDue: readonly string[],
  covering: (due: string) => QuarterMark | null,
  today: string,
  span: { from: string; to: string },
  window: DueWindow,
  showDone: boolean,
): string | null {
  for (const due of allDue) {
    if (due < span.from) continue;
    if (due > span.to) break;
    if (shows(window, showDone, due, today, covering(due) !== null)) return due;
  }
  return null;
}

/** What one line shows in a window: its dates there, judged by the shared rule. */
export interface LineJudgement {
  dates: DueDate[];
  /** The first overdue date, or null. */
  first: DueDate | null;
  allDone: boolean;
  overdueCount: number;
  nextDue: string | null;
}

/**
 * The one judgement of a line for «Сроки» and the start screen's counts (db/home.ts): which of its
 * dates (sorted) the window shows — the overdue window only the overdue ones, the others all or only
 * the open ones — each done or overdue by shared/execution-rules.ts; null when the line is not in
 * the window at all.
 */
export function judgeLine(
  allDue: readonly string[],
  marks: readonly QuarterMark[],
  covering: (due: string) => QuarterMark | null,
  today: string,
  span: { from: string; to: string },
  window: DueWindow,
  showDone: boolean,
): LineJudgement | null {
  const { from, to } = span;
  // Only the window's dates are judged in full; the next date is the first open one from today.
  // Plain loops: this runs for every line of the list (tens of thousands on a district's database).
  const dates: DueDate[] = [];
  let first: DueDate | null = null;
  let allDone = true;
  let overdueCount = 0;
  let nextDue: string | null = null;
  for (const due of allDue) {
    const inWindow = due >= from && due <= to;
    if (!inWindow && (due < today || nextDue !== null)) continue;
    const done = covering(due) !== null;
    if (nextDue === null && due >= today && !done) nextDue = due;
    if (!inWindow) continue;
    if (!shows(window, showDone, due, today, done)) continue;
    const quarter = quarterOfDue(due);
    const overdue = isOverdue(due, today, done);
    const d: DueDate = { due, quarter, status: statusIn(marks, quarter), done, overdue };
    dates.push(d);
    if (!done) allDone = false;
    if (overdue) {
      overdueCount++;
      first ??= d;
    }
  }
  return dates.length ? { dates, first, allDone, overdueCount, nextDue } : null;
}

/**
 * The lines of «Сроки»: only measures and decisions with a date in the window are read, found by the
 * due_dates index (db/terms/store.ts keeps it equal to term_due), with their marks; each line is
 * then judged over all its dates by the shared rule (a late mark covers earlier dates).
 */
export function dueItems(db: Db, f: DueFilter): DueItem[] {
  mustExist(db, 'people', f.personId);
  mustExist(db, 'organizations', f.schoolId);
  mustExist(db, 'roadmaps', f.roadmapId);
  const { from, to } = windowOf(f.today, f.window);
  const span = { from, to };
  const measures = db.sqlite
    .prepare(
      `SELECT m.id, m.roadmap_id AS roadmapId, NULL AS meetingId, r.title AS origin, m.number, m.name, m.term, m.executors,
              m.term_due AS termDue, r.school_id AS schoolId, NULL AS meetingDate,
              (SELECT group_concat(x.quarter || ' ' || x.status) FROM executions x WHERE x.measure_id = m.id) AS marks
         FROM measures m JOIN roadmaps r ON r.id = m.roadmap_id
        WHERE m.id IN (${f.only ? 'SELECT value FROM json_each(@only)' : 'SELECT measure_id FROM due_dates WHERE due BETWEEN @from AND @to AND measure_id IS NOT NULL'})
          AND (@roadmapId IS NULL OR m.roadmap_id = @roadmapId)
          AND (@personId IS NULL OR EXISTS (SELECT 1 FROM measure_executors e WHERE e.measure_id = m.id AND e.person_id = @personId))`,
    )
    .all({ ...span, roadmapId: f.roadmapId ?? null, personId: f.personId ?? null, ...onlyOf(f.only?.measures) }) as Row[];
  // Decisions belong to no roadmap: a roadmap filter leaves them out.
  const decisions =
    f.roadmapId !== undefined
      ? []
      : (db.sqlite
          .prepare(
            `SELECT d.id, NULL AS roadmapId, mt.id AS meetingId, mt.number AS origin, printf('%d.%d', a.position + 1, d.position + 1) AS number,
                    d.text AS name, d.term, trim(coalesce(p.full_name, '') || ' ' || d.responsible_text) AS executors,
                    d.term_due AS termDue, NULL AS schoolId, mt.date AS meetingDate,
                    (SELECT group_concat(x.quarter || ' ' || x.status) FROM executions x WHERE x.decision_id = d.id) AS marks
               FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id JOIN meetings mt ON mt.id = a.meeting_id
               LEFT JOIN people p ON p.id = d.responsible_id
              WHERE d.id IN (${f.only ? 'SELECT value FROM json_each(@only)' : 'SELECT decision_id FROM due_dates WHERE due BETWEEN @from AND @to AND decision_id IS NOT NULL'})
                AND (@personId IS NULL OR d.responsible_id = @personId)`,
          )
          .all({ ...span, personId: f.personId ?? null, ...onlyOf(f.only?.decisions) }) as Row[]);

  let school: SchoolNames | null = null;
  let linkedToSchool = new Set<number>();
  if (f.schoolId !== undefined) {
    school = schoolNames(db, f.schoolId) ?? {
      id: f.schoolId,
      name: '',
      shortName: '',
    };
    linkedToSchool = new Set(
      db.sqlite.prepare('SELECT measure_id FROM measure_executors WHERE organization_id = ?').pluck().all(f.schoolId) as number[],
    );
  }
  const executorText = f.executor ? fold(f.executor) : null;
  const showDone = f.showDone ?? true;

  const out: DueItem[] = [];
  const take = (source: DueItem['source'], r: Row) => {
    if (executorText && !fold(r.executors).includes(executorText)) return;
    if (school !== null && !(source === 'measure' && isSchoolLine(r, school, linkedToSchool))) return;
    const allDue = (JSON.parse(r.termDue) as string[]).sort();
    const marks = marksOf(r.marks);
    const judged = judgeLine(allDue, marks, coveringMarks(allDue, marks), f.today, span, f.window, showDone);
    if (judged === null) return;
    const { dates, allDone, overdueCount, nextDue } = judged;
    let first = judged.first;
    first ??= dates[0]!;
    const item: DueItem = {
      source,
      id: r.id,
      roadmapId: r.roadmapId,
      meetingId: r.meetingId,
      origin: source === 'measure' ? r.origin : `Протокол № ${r.origin} от ${r.meetingDate!.split('-').reverse().join('.')}`,
      number: r.number,
      name: r.name,
      term: r.term,
      executors: r.executors,
      due: dates[0]!.due,
      quarter: first.quarter,
      status: first.status,
      done: allDone,
      overdue: overdueCount > 0,
      overdueCount,
      nextDue,
      dates,
      summary: '',
    };
    item.summary = dueSummary(item);
    out.push(item);
  };
  for (const r of measures) take('measure', r);
  for (const r of decisions) take('decision', r);
  return sortDue(out, f.sortBy, f.sortOrder);
}

/** The quarters ('2024-Q2') in which a measure has something due: what quarterly execution asks about. */
export function dueQuarters(termDue: string[]): string[] {
  return [...new Set(termDue.map(quarterOf))].sort();
}
