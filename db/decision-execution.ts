/**
 * Protocol decisions executed like measures: the methodist marks a decision done (status, result,
 * date) on the protocol screen or in «Сроки», and the shared rule (shared/execution-rules.ts) stops
 * counting it as overdue. The mark is an execution record of the quarter of the date it was done,
 * written by the one writer of execution records (db/executions.ts setExecution).
 */
import { and, eq } from 'drizzle-orm';
import { AppError, notFound, raise } from './errors';
import type { Db } from './open';
import { setExecution } from './executions';
import { decisions, executions } from './schema';
import { isDoneStatus, isDueDone, isOverdue, type QuarterMark } from '../shared/execution-rules';
import type { ExecutionStatus } from '../shared/labels';
import { quarterOf } from '../shared/quarters';

export interface DecisionMarkInput {
  decisionId: number;
  status: ExecutionStatus;
  result: string;
  /** The day it was done (or the day of the mark): picks the quarter the record belongs to. */
  date: string;
}

export interface DecisionState {
  decisionId: number;
  /** Every due date of the decision is covered by a done mark (a decision without dates: its latest mark is done). */
  done: boolean;
  overdue: boolean;
  /** The latest mark, if any. */
  mark: { quarter: string; status: ExecutionStatus; result: string; doneOn: string | null } | null;
}

export function markDecision(db: Db, input: DecisionMarkInput): DecisionState {
  const row =
    db.orm.select({ id: decisions.id, termDue: decisions.termDue }).from(decisions).where(eq(decisions.id, input.decisionId)).get() ??
    raise(notFound('Решение', input.decisionId));
  const quarter = quarterOf(input.date);
  return db.sqlite.transaction(() => {
    const existing = db.orm
      .select()
      .from(executions)
      .where(and(eq(executions.decisionId, row.id), eq(executions.quarter, quarter)))
      .get();
    setExecution(db, {
      decisionId: row.id,
      quarter,
      status: input.status,
      result: input.result,
      evidence: existing?.evidence ?? '',
      note: existing?.note ?? '',
      doneOn: input.date,
    });
    return decisionStates(db, [row.id], input.date)[0]!;
  })();
}

/** Done / overdue of each decision on a given day, by the rule «Сроки» uses. */
export function decisionStates(db: Db, decisionIds: number[], today: string): DecisionState[] {
  if (decisionIds.length > 2000) throw new AppError('too_many', 'Слишком много решений в одном запросе.');
  return decisionIds.map((id) => {
    const d =
      db.orm.select({ termDue: decisions.termDue }).from(decisions).where(eq(decisions.id, id)).get() ?? raise(notFound('Решение', id));
    const rows = db.orm
      .select({ quarter: executions.quarter, status: executions.status, result: executions.result, doneOn: executions.doneOn })
      .from(executions)
      .where(eq(executions.decisionId, id))
      .all()
      .sort((a, b) => a.quarter.localeCompare(b.quarter));
    const due = (JSON.parse(d.termDue) as string[]).sort();
    const marks: QuarterMark[] = rows;
    const mark = rows.at(-1) ?? null;
    const judged = due.map((x) => isDueDone(x, due, marks));
    const done = due.length ? judged.every(Boolean) : isDoneStatus(mark?.status);
    return { decisionId: id, done, overdue: due.some((x, i) => isOverdue(x, today, judged[i]!)), mark };
  });
}
