/**
 * Puts the rows of a history step into the state of one side: `before` for undo, `after` for redo.
 * Parents are inserted before children and deleted after them; updates set only the columns the
 * step changed, so what changed outside the plan's history (execution marks, terms read against a
 * new school calendar) stays as it is now.
 */
import type { RowChange } from './history';
import { columnsOf, HISTORY_TABLES, type HistoryTable, type RowImage } from './history-capture';
import { AppError } from './errors';
import { rowExists } from './exists';
import type { Db } from './open';
import { refreshMeasureTerms, refreshRoadmapTerms } from './terms/store';

const order = (t: HistoryTable) => HISTORY_TABLES.indexOf(t);

function insertRow(db: Db, table: HistoryTable, row: RowImage): void {
  const cols = Object.keys(row);
  db.sqlite
    .prepare(`INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
    .run(...cols.map((c) => row[c]));
}

function updateRow(db: Db, table: HistoryTable, id: number, values: RowImage): void {
  const cols = Object.keys(values);
  // Taking a change back is itself a change: the row's «изменено» and its version move on, so a form
  // opened before the undo is told the record changed (db/versions.ts) instead of overwriting it.
  const columns = columnsOf(db, table);
  const touch =
    (columns.includes('updated_at') ? `, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')` : '') +
    (columns.includes('version') ? ', version = version + 1' : '');
  db.sqlite
    .prepare(`UPDATE ${table} SET ${cols.map((c) => `"${c}" = ?`).join(', ')}${touch} WHERE id = ?`)
    .run(...cols.map((c) => values[c]), id);
}

/** A person or school deleted since the step cannot come back as an executor link. */
function linkTargetsExist(db: Db, row: RowImage): boolean {
  const exists = (table: 'people' | 'organizations', id: unknown) => id === null || rowExists(db, table, id as number);
  return exists('people', row.person_id) && exists('organizations', row.organization_id);
}

/** A risk factor deleted since the step (only an unused one can be: db/risk-factors.ts) cannot come back as a link. */
function factorExists(db: Db, row: RowImage): boolean {
  return db.sqlite.prepare('SELECT 1 FROM risk_factors WHERE id = ?').get(row.factor_id) !== undefined;
}

const canInsert = (db: Db, c: RowChange, row: RowImage): boolean =>
  c.t === 'measure_executors' ? linkTargetsExist(db, row) : c.t === 'measure_risks' ? factorExists(db, row) : true;

export function applyRows(db: Db, roadmapId: number, changes: RowChange[], side: 'before' | 'after'): void {
  const other = side === 'before' ? 'after' : 'before';
  const inserts = changes.filter((c) => c[other] === null && c[side] !== null).sort((a, b) => order(a.t) - order(b.t));
  const updates = changes.filter((c) => c[other] !== null && c[side] !== null);
  const deletes = changes.filter((c) => c[side] === null).sort((a, b) => order(b.t) - order(a.t));
  try {
    for (const c of inserts) if (canInsert(db, c, c[side]!)) insertRow(db, c.t, c[side]!);
    for (const c of updates) updateRow(db, c.t, c.id, c[side]!);
    for (const c of deletes) db.sqlite.prepare(`DELETE FROM ${c.t} WHERE id = ?`).run(c.id);
  } catch (err) {
    throw new AppError('history_conflict', 'Не удалось восстановить план: записи изменились после этого шага истории.', { cause: err });
  }
  // Terms are read against the period and the calendar of today, not of the step.
  const periodChanged = updates.some((c) => c.t === 'roadmaps' && ('period_start' in c[side]! || 'period_end' in c[side]!));
  if (periodChanged) refreshRoadmapTerms(db, roadmapId);
  else {
    const measureIds = [...inserts, ...updates]
      .filter((c) => c.t === 'measures' && (c[other] === null || 'term' in c[side]!))
      .map((c) => c.id);
    for (let i = 0; i < measureIds.length; i += 500) {
      const chunk = measureIds.slice(i, i + 500);
      refreshMeasureTerms(db, `m.id IN (${chunk.map(() => '?').join(', ')})`, chunk);
    }
  }
  db.sqlite.prepare(`UPDATE roadmaps SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(roadmapId);
}
