/**
 * The one rule for «выполнено» and «просрочено», shared by «Сроки» (db/terms/due.ts), the quarter's
 * report selection (db/quarter-selection.ts), the reports and the renderer. Pure: no Node, no DOM.
 * tests/shared/execution-rules.test.ts fails if another module lists the done statuses again.
 */
import type { ExecutionStatus } from './labels';
import { quarterOf } from './quarters';

/** The statuses that count as done: a late completion is still a completion. */
export const DONE_STATUSES = ['done', 'done_late'] as const satisfies readonly ExecutionStatus[];

export function isDoneStatus(status: ExecutionStatus | null | undefined): boolean {
  return status != null && (DONE_STATUSES as readonly string[]).includes(status);
}

/** The execution quarter that answers for a due date: marks are made per calendar quarter. */
export function quarterOfDue(due: string): string {
  return quarterOf(due);
}

export interface QuarterMark {
  quarter: string;
  status: ExecutionStatus;
}

/**
 * Whether a due date is done: a done mark in its own quarter; or a late one, in a later quarter before
 * the next quarter the measure is due in again (a report due in March and done in May); or an early
 * one, before the first quarter it is due in at all (a decision due in April, done in February). So a
 * weekly measure's «выполнено» for the second quarter says nothing about the first, and every mark
 * answers for one quarter's dates only.
 */
export function isDueDone(due: string, allDue: readonly string[], marks: readonly QuarterMark[]): boolean {
  return coveringMark(due, allDue, marks) !== null;
}

/** The done mark that covers the due date (its own quarter's first), or null. */
export function coveringMark<M extends QuarterMark>(due: string, allDue: readonly string[], marks: readonly M[]): M | null {
  return coveringMarks(allDue, marks)(due);
}

/**
 * coveringMark for many dates of one line: the line's quarters and done marks are worked out once,
 * so judging every date of a weekly measure does not redo them per date («Сроки» judges thousands).
 */
export function coveringMarks<M extends QuarterMark>(allDue: readonly string[], marks: readonly M[]): (due: string) => M | null {
  // Sorted by quarter: the first covering one is the earliest, as the rule wants.
  const done = marks.filter(isDoneMark).sort(byQuarter);
  if (!done.length) return noMark;
  const quarters = [...new Set(allDue.map(quarterOfDue))].sort();
  return (due) => {
    const own = quarterOfDue(due);
    const next = quarters.find((q) => q > own);
    const first = quarters[0] === undefined || quarters[0] >= own;
    const covers = (q: string) => q === own || (q > own && (next === undefined || q < next)) || (first && q < own);
    return done.find((m) => m.quarter === own) ?? done.find((m) => covers(m.quarter)) ?? null;
  };
}

// Made once: «Сроки» asks coveringMarks for every line, and most lines have no done mark at all.
const noMark = () => null;
const isDoneMark = (m: QuarterMark) => isDoneStatus(m.status);
const byQuarter = (a: QuarterMark, b: QuarterMark) => a.quarter.localeCompare(b.quarter);

/** A due date is overdue when it has passed (before today) and no done mark covers it. */
export function isOverdue(due: string, today: string, done: boolean): boolean {
  return due < today && !done;
}

/** How many of the counted measures are done (on time or late): the «Доля выполненных» of every summary. */
export function doneCount(counts: Partial<Record<string, number>>): number {
  return DONE_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
}

export function doneShare(counts: Partial<Record<string, number>>, total: number): number {
  return total ? doneCount(counts) / total : 0;
}
