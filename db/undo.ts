/**
 * Undo of the last changes to a plan. Before each change the whole plan of the roadmap (sections,
 * measures, executor links and their execution records) is stored as JSON; undo puts the newest
 * snapshot back with the same ids, so execution records and links survive a deleted-then-restored measure.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import { AppError } from './errors';
import { rowExists, type Table } from './exists';
import type { Db } from './open';
import { insertRows } from './rows';
import { planSnapshots } from './schema';
import { refreshRoadmapTerms } from './terms/store';

/** How many steps back a roadmap can go. */
export const UNDO_DEPTH = 30;

interface Snapshot {
  sections: Record<string, unknown>[];
  measures: Record<string, unknown>[];
  links: Record<string, unknown>[];
  executions: Record<string, unknown>[];
}

function capture(db: Db, roadmapId: number): Snapshot {
  const all = (sql: string) => db.sqlite.prepare(sql).all(roadmapId) as Record<string, unknown>[];
  return {
    sections: all('SELECT * FROM sections WHERE roadmap_id = ?'),
    measures: all('SELECT * FROM measures WHERE roadmap_id = ?'),
    links: all('SELECT e.* FROM measure_executors e JOIN measures m ON m.id = e.measure_id WHERE m.roadmap_id = ?'),
    executions: all('SELECT x.* FROM executions x JOIN measures m ON m.id = x.measure_id WHERE m.roadmap_id = ?'),
  };
}

export function takeSnapshot(db: Db, roadmapId: number, label: string): void {
  db.orm.insert(planSnapshots).values({ roadmapId, label, data: JSON.stringify(capture(db, roadmapId)) }).run();
  const keep = db.orm
    .select({ id: planSnapshots.id })
    .from(planSnapshots)
    .where(eq(planSnapshots.roadmapId, roadmapId))
    .orderBy(desc(planSnapshots.id))
    .limit(1)
    .offset(UNDO_DEPTH - 1)
    .get();
  if (keep) db.orm.delete(planSnapshots).where(and(eq(planSnapshots.roadmapId, roadmapId), lt(planSnapshots.id, keep.id))).run();
}

export function undoInfo(db: Db, roadmapId: number): { steps: number; last: string | null } {
  const rows = db.orm
    .select({ label: planSnapshots.label })
    .from(planSnapshots)
    .where(eq(planSnapshots.roadmapId, roadmapId))
    .orderBy(desc(planSnapshots.id))
    .all();
  return { steps: rows.length, last: rows[0]?.label ?? null };
}

/** Restores the plan as it was before the last change; returns what was undone. */
export function undoLast(db: Db, roadmapId: number): string {
  return db.sqlite.transaction(() => {
    const snap = db.orm
      .select()
      .from(planSnapshots)
      .where(eq(planSnapshots.roadmapId, roadmapId))
      .orderBy(desc(planSnapshots.id))
      .limit(1)
      .get();
    if (!snap) throw new AppError('nothing_to_undo', 'Отменять нечего: изменений плана этой дорожной карты больше нет в истории.');
    const data = JSON.parse(snap.data) as Snapshot;
    // Execution is not part of the plan's history: records made since the snapshot are kept; only
    // the records of measures that the undone change deleted come back from the snapshot.
    const now = capture(db, roadmapId);
    const liveIds = new Set(now.measures.map((m) => m.id));
    const restoredIds = new Set(data.measures.map((m) => m.id));
    const executions = [
      ...now.executions.filter((x) => restoredIds.has(x.measure_id)),
      ...data.executions.filter((x) => !liveIds.has(x.measure_id)),
    ];
    // A person or school deleted since then cannot come back as an executor link.
    const exists = (table: Table, id: unknown) => id === null || rowExists(db, table, id as number);
    const links = data.links.filter((l) => exists('people', l.person_id) && exists('organizations', l.organization_id));
    db.sqlite.prepare('DELETE FROM measures WHERE roadmap_id = ?').run(roadmapId);
    db.sqlite.prepare('DELETE FROM sections WHERE roadmap_id = ?').run(roadmapId);
    insertRows(db, 'sections', data.sections);
    insertRows(db, 'measures', data.measures);
    insertRows(db, 'measure_executors', links);
    insertRows(db, 'executions', executions);
    db.orm.delete(planSnapshots).where(eq(planSnapshots.id, snap.id)).run();
    // The period or the school calendar may have changed since the snapshot.
    refreshRoadmapTerms(db, roadmapId);
    return snap.label;
  })();
}
