/**
 * Undo and redo of a roadmap's plan (and its passport and column captions). Each step stores only
 * the rows the change touched — before and after images of sections, measures, executor links,
 * execution records and the roadmap row — so its cost follows the change, not the plan. Undo puts
 * the `before` images back, redo the `after` ones; a new change after an undo drops what could be
 * redone; a roadmap keeps its last HISTORY_DEPTH steps.
 */
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import { AppError } from './errors';
import { applyRows } from './history-apply';
import {
  currentImage,
  type HistoryTable,
  isCapturing,
  type RowImage,
  startCapture,
  stopCapture,
  type Touched,
  UNTRACKED_COLUMNS,
} from './history-capture';
import type { Db } from './open';
import { planHistory } from './schema';

/** How many steps back a roadmap can go. */
export const HISTORY_DEPTH = 30;

/**
 * One changed row. For an insert `before` is null, for a delete `after` is null (both hold the whole
 * row); for an update both hold only the columns that changed.
 */
export interface RowChange {
  t: HistoryTable;
  id: number;
  before: RowImage | null;
  after: RowImage | null;
}

export interface HistoryInfo {
  /** Steps that can be undone, and the newest one's name. */
  steps: number;
  last: string | null;
  /** Steps that can be redone, and the one «Вернуть» brings back. */
  redoSteps: number;
  next: string | null;
}

function diff(t: Touched, after: RowImage | null): RowChange | null {
  if (t.before === null && after === null) return null; // inserted and deleted within the change
  if (t.before === null || after === null) return { t: t.table, id: t.id, before: t.before, after };
  const b: RowImage = {};
  const a: RowImage = {};
  for (const [col, value] of Object.entries(after)) {
    if (UNTRACKED_COLUMNS.has(col) || t.before[col] === value) continue;
    b[col] = t.before[col];
    a[col] = value;
  }
  return Object.keys(a).length === 0 ? null : { t: t.table, id: t.id, before: b, after: a };
}

/**
 * Runs `change` as one step of the roadmap's history, inside the caller's transaction or its own.
 * A change that turns out to change nothing leaves the history (and what can be redone) alone.
 * A step inside another step belongs to the outer one.
 */
export function recordStep<T>(db: Db, roadmapId: number, label: string, change: () => T): T {
  return db.sqlite.transaction(() => {
    if (isCapturing(db)) return change();
    startCapture(db);
    const result = change();
    const changes = stopCapture(db)
      .map((t) => diff(t, currentImage(db, t.table, t.id)))
      .filter((c): c is RowChange => c !== null);
    if (changes.length > 0) saveStep(db, roadmapId, label, changes);
    return result;
  })();
}

function saveStep(db: Db, roadmapId: number, label: string, changes: RowChange[]): void {
  db.orm
    .delete(planHistory)
    .where(and(eq(planHistory.roadmapId, roadmapId), eq(planHistory.undone, true)))
    .run();
  db.orm
    .insert(planHistory)
    .values({ roadmapId, label, changes: JSON.stringify(changes) })
    .run();
  const oldestKept = db.orm
    .select({ id: planHistory.id })
    .from(planHistory)
    .where(eq(planHistory.roadmapId, roadmapId))
    .orderBy(desc(planHistory.id))
    .limit(1)
    .offset(HISTORY_DEPTH - 1)
    .get();
  if (oldestKept)
    db.orm
      .delete(planHistory)
      .where(and(eq(planHistory.roadmapId, roadmapId), lt(planHistory.id, oldestKept.id)))
      .run();
}

/** A demo or an import starts with a clean history. */
export function clearHistory(db: Db, roadmapId: number): void {
  db.orm.delete(planHistory).where(eq(planHistory.roadmapId, roadmapId)).run();
}

export function historyInfo(db: Db, roadmapId: number): HistoryInfo {
  const rows = db.orm
    .select({ label: planHistory.label, undone: planHistory.undone })
    .from(planHistory)
    .where(eq(planHistory.roadmapId, roadmapId))
    .orderBy(asc(planHistory.id))
    .all();
  const done = rows.filter((r) => !r.undone);
  const undone = rows.filter((r) => r.undone);
  return { steps: done.length, last: done.at(-1)?.label ?? null, redoSteps: undone.length, next: undone[0]?.label ?? null };
}

/** Takes back the newest step. */
export function undoStep(db: Db, roadmapId: number): string {
  return db.sqlite.transaction(() => {
    const step = db.orm
      .select()
      .from(planHistory)
      .where(and(eq(planHistory.roadmapId, roadmapId), eq(planHistory.undone, false)))
      .orderBy(desc(planHistory.id))
      .limit(1)
      .get();
    if (!step) throw new AppError('nothing_to_undo', 'Отменять нечего: изменений плана этой дорожной карты больше нет в истории.');
    applyRows(db, roadmapId, JSON.parse(step.changes) as RowChange[], 'before');
    db.orm.update(planHistory).set({ undone: true }).where(eq(planHistory.id, step.id)).run();
    return step.label;
  })();
}

/** Brings back the oldest step that undo took back. */
export function redoStep(db: Db, roadmapId: number): string {
  return db.sqlite.transaction(() => {
    const step = db.orm
      .select()
      .from(planHistory)
      .where(and(eq(planHistory.roadmapId, roadmapId), eq(planHistory.undone, true)))
      .orderBy(asc(planHistory.id))
      .limit(1)
      .get();
    if (!step) throw new AppError('nothing_to_redo', 'Возвращать нечего: отменённых изменений этой дорожной карты нет.');
    applyRows(db, roadmapId, JSON.parse(step.changes) as RowChange[], 'after');
    db.orm.update(planHistory).set({ undone: false }).where(eq(planHistory.id, step.id)).run();
    return step.label;
  })();
}
