/** Execution (исполнение): per measure (or protocol decision) and quarter, a status, the result and evidence. */
import { and, eq } from 'drizzle-orm';
import { AppError, notFound, raise } from './errors';
import type { Db } from './open';
import { getPlan, sectionHeading } from './plan';
import { quartersOfPeriod } from '../shared/quarters';
import { dueQuarters } from './terms/due';
import { getRoadmap } from './roadmaps';
import { decisions, executions, measures, nowSql } from './schema';
import { STATUS_LABELS, type ExecutionStatus } from '../shared/labels';

export { STATUS_LABELS, type ExecutionStatus };

export interface ExecutionRecord {
  status: ExecutionStatus;
  result: string;
  evidence: string;
  note: string;
  updatedAt: string;
}

export interface ExecutionInput {
  measureId?: number | undefined;
  decisionId?: number | undefined;
  quarter: string;
  status: ExecutionStatus;
  result: string;
  evidence: string;
  note: string;
  /** Who answered, from a school's form; left as it is when not given. */
  filledBy?: string | undefined;
  /** The day it was done (a protocol decision's mark); left as it is when not given. */
  doneOn?: string | undefined;
}

export interface ExecutionGridRow {
  measureId: number;
  number: string;
  name: string;
  term: string;
  executors: string;
  sectionTitle: string | null;
  /** Null for a measure outside any section. */
  sectionId: number | null;
  /** Quarters in which the measure has a due date (from its parsed term). */
  dueQuarters: string[];
  understood: string;
  cells: Record<string, ExecutionRecord>;
}

/** A section of the plan as the grid shows it: a full-width row above its measures, numbered as printed. */
export interface ExecutionGridSection {
  id: number;
  heading: string;
}

export function executionGrid(
  db: Db,
  roadmapId: number,
): { quarters: string[]; sections: ExecutionGridSection[]; rows: ExecutionGridRow[] } {
  const roadmap = getRoadmap(db, roadmapId);
  const quarters = quartersOfPeriod(roadmap.periodStart, roadmap.periodEnd);
  const records = db.sqlite
    .prepare(
      `SELECT x.measure_id AS measureId, x.quarter, x.status, x.result, x.evidence, x.note, x.updated_at AS updatedAt
         FROM executions x JOIN measures m ON m.id = x.measure_id WHERE m.roadmap_id = ?`,
    )
    .all(roadmapId) as (ExecutionRecord & { measureId: number; quarter: string })[];
  const byMeasure = new Map<number, Record<string, ExecutionRecord>>();
  for (const { measureId, quarter, ...rec } of records) {
    const cells = byMeasure.get(measureId) ?? {};
    cells[quarter] = rec;
    byMeasure.set(measureId, cells);
  }
  const plan = getPlan(db, roadmapId);
  const rows = plan.flatMap((s) =>
    s.measures.map((m) => ({
      measureId: m.id,
      number: m.number,
      name: m.name,
      term: m.term,
      executors: m.executors,
      sectionTitle: s.title,
      sectionId: s.id,
      dueQuarters: dueQuarters(m.parsed.due),
      understood: m.parsed.understood,
      cells: byMeasure.get(m.id) ?? {},
    })),
  );
  // The group outside sections (id null) has no heading row: its measures come first, as in the plan.
  const sectionList = plan
    .filter((s): s is typeof s & { id: number } => s.id !== null)
    .map((s) => ({ id: s.id, heading: sectionHeading(s) }));
  return { quarters, sections: sectionList, rows };
}

/** Each measure's status in one quarter (measures without a mark left out): what the plan's status filter reads. */
export function quarterStatuses(db: Db, roadmapId: number, quarter: string): { measureId: number; status: ExecutionStatus }[] {
  getRoadmap(db, roadmapId);
  return db.sqlite
    .prepare(
      `SELECT x.measure_id AS measureId, x.status FROM executions x JOIN measures m ON m.id = x.measure_id
        WHERE m.roadmap_id = ? AND x.quarter = ? ORDER BY x.measure_id`,
    )
    .all(roadmapId, quarter) as { measureId: number; status: ExecutionStatus }[];
}

export function setExecution(db: Db, input: ExecutionInput): ExecutionRecord {
  const { measureId, decisionId, quarter, ...fields } = input;
  if ((measureId === undefined) === (decisionId === undefined))
    throw new AppError('bad_target', 'Укажите либо мероприятие, либо решение протокола.');
  if (measureId !== undefined) {
    const m = db.orm.select().from(measures).where(eq(measures.id, measureId)).get() ?? raise(notFound('Мероприятие', measureId));
    const r = getRoadmap(db, m.roadmapId);
    if (!quartersOfPeriod(r.periodStart, r.periodEnd).includes(quarter))
      throw new AppError('bad_quarter', `Квартал ${quarter} вне периода дорожной карты (${r.periodStart} — ${r.periodEnd}).`);
  } else {
    db.orm.select({ id: decisions.id }).from(decisions).where(eq(decisions.id, decisionId!)).get() ??
      raise(notFound('Решение', decisionId!));
  }
  const target = measureId !== undefined ? eq(executions.measureId, measureId) : eq(executions.decisionId, decisionId!);
  const existing = db.orm
    .select({ id: executions.id })
    .from(executions)
    .where(and(target, eq(executions.quarter, quarter)))
    .get();
  const row = existing
    ? db.orm
        .update(executions)
        .set({ ...fields, updatedAt: nowSql })
        .where(eq(executions.id, existing.id))
        .returning()
        .get()!
    : db.orm
        .insert(executions)
        .values({ measureId: measureId ?? null, decisionId: decisionId ?? null, quarter, ...fields })
        .returning()
        .get();
  return { status: row.status, result: row.result, evidence: row.evidence, note: row.note, updatedAt: row.updatedAt };
}

export function decisionExecutions(db: Db, decisionId: number): (ExecutionRecord & { quarter: string })[] {
  db.orm.select({ id: decisions.id }).from(decisions).where(eq(decisions.id, decisionId)).get() ?? raise(notFound('Решение', decisionId));
  return db.orm
    .select({
      quarter: executions.quarter,
      status: executions.status,
      result: executions.result,
      evidence: executions.evidence,
      note: executions.note,
      updatedAt: executions.updatedAt,
    })
    .from(executions)
    .where(eq(executions.decisionId, decisionId))
    .all();
}

/**
 * A status as a person typed it in a returned form («Выполнено.», «выполнено с опозданием», «в процессе»):
 * the code, `null` for an empty cell (no answer), `undefined` when it cannot be recognised.
 */
export function parseStatus(text: string): ExecutionStatus | null | undefined {
  const s = text
    .toLocaleLowerCase('ru-RU')
    .replace(/ё/g, 'е')
    .replace(/[«»"'.,;:!()\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s) return null;
  for (const [code, label] of Object.entries(STATUS_LABELS)) if (s === label.replace(/ё/g, 'е')) return code as ExecutionStatus;
  if (/наруш|с опоздани|несвоевремен|позже срока|после срока|не в срок|с задержк|с просрочк/.test(s)) return 'done_late';
  if (/^(не выполн|невыполн|не исполн|не проведен)/.test(s)) return 'not_done';
  if (/^(не начат|не приступ)/.test(s)) return 'not_started';
  if (/перенес|отложен/.test(s)) return 'postponed';
  if (/в работе|в процессе|выполняется|частично|ведется|в стадии|начато/.test(s)) return 'in_progress';
  if (/^(выполн|исполн|сделано|проведен|готово|да$)/.test(s)) return 'done';
  return undefined;
}

/**
 * What a typed status says that its code loses: «выполнено частично» is «в работе», and the word
 * «частично» goes into the note so that nobody reads the record as merely started.
 */
export function statusRemark(text: string): string | null {
  return /частичн/i.test(text) ? `Отметка школы: «${text.trim()}»` : null;
}

/** Writes the given fields of a quarter's record, keeping the others (a new record starts «не начато»). */
export function mergeExecution(
  db: Db,
  measureId: number,
  quarter: string,
  fields: Partial<Pick<ExecutionRecord, 'status' | 'result' | 'evidence' | 'note'>> & { filledBy?: string },
): ExecutionRecord {
  const current = db.orm
    .select()
    .from(executions)
    .where(and(eq(executions.measureId, measureId), eq(executions.quarter, quarter)))
    .get();
  return setExecution(db, {
    measureId,
    quarter,
    status: fields.status ?? current?.status ?? 'not_started',
    result: fields.result ?? current?.result ?? '',
    evidence: fields.evidence ?? current?.evidence ?? '',
    note: fields.note ?? current?.note ?? '',
    ...(fields.filledBy !== undefined ? { filledBy: fields.filledBy } : {}),
  });
}
