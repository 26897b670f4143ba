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
  const own = quarterOfDue(due);
  const quarters = allDue.map(quarterOfDue);
  const next = quarters.filter((q) => q > own).sort()[0];
  const first = quarters.every((q) => q >= own);
  const covers = (q: string) => q === own || (q > own && (next === undefined || q < next)) || (first && q < own);
  const covering = marks.filter((m) => covers(m.quarter) && isDoneStatus(m.status));
  return covering.find((m) => m.quarter === own) ?? covering.sort((a, b) => a.quarter.localeCompare(b.quarter))[0] ?? null;
}

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
