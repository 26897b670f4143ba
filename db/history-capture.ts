/**
 * Which rows one change of a plan touched, and how they looked before it. Temporary triggers (this
 * connection only, nothing stored in the file) write the first image of every row of the plan's
 * tables that an INSERT, UPDATE or DELETE touches while a capture is on — including rows deleted by
 * ON DELETE CASCADE, which no application code sees. The cost follows the rows touched, not the plan.
 */
import type { Db } from './open';

/** The tables a plan step may change, parents first (the order rows are inserted in). */
export const HISTORY_TABLES = ['roadmaps', 'sections', 'measures', 'measure_executors', 'measure_risks', 'executions'] as const;
export type HistoryTable = (typeof HISTORY_TABLES)[number];

/**
 * Columns whose change alone is no edit: the roadmap's «изменено» moves on every plan change, and a
 * form's save bumps the record's version even when nothing else changed. Undo and redo move both on.
 */
export const UNTRACKED_COLUMNS = new Set(['updated_at', 'version']);

export type RowImage = Record<string, unknown>;

const installed = new WeakSet<object>();
const columnsCache = new WeakMap<object, Map<HistoryTable, string[]>>();

export function columnsOf(db: Db, table: HistoryTable): string[] {
  let byTable = columnsCache.get(db.sqlite);
  if (!byTable) columnsCache.set(db.sqlite, (byTable = new Map()));
  let cols = byTable.get(table);
  if (!cols) byTable.set(table, (cols = db.sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]));
  return cols;
}

const image = (db: Db, table: HistoryTable, alias: 'old' | 'new') =>
  `json_object(${columnsOf(db, table)
    .map((c) => `'${c}', ${alias}."${c}"`)
    .join(', ')})`;

function install(db: Db): void {
  if (installed.has(db.sqlite)) return;
  const s = db.sqlite;
  s.exec(`CREATE TEMP TABLE IF NOT EXISTS history_capturing (on_ INTEGER);
          CREATE TEMP TABLE IF NOT EXISTS history_touched (tbl TEXT NOT NULL, row_id INTEGER NOT NULL, before TEXT, PRIMARY KEY (tbl, row_id));`);
  const on = 'EXISTS (SELECT 1 FROM temp.history_capturing)';
  for (const t of HISTORY_TABLES) {
    const changed = columnsOf(db, t)
      .filter((c) => !UNTRACKED_COLUMNS.has(c))
      .map((c) => `old."${c}" IS NOT new."${c}"`)
      .join(' OR ');
    // OR IGNORE keeps the first image: the row as it was before the whole change.
    s.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS history_${t}_ins AFTER INSERT ON main.${t} WHEN ${on}
      BEGIN INSERT OR IGNORE INTO temp.history_touched VALUES ('${t}', new.id, NULL); END;
      CREATE TEMP TRIGGER IF NOT EXISTS history_${t}_upd AFTER UPDATE ON main.${t} WHEN ${on} AND (${changed})
      BEGIN INSERT OR IGNORE INTO temp.history_touched VALUES ('${t}', old.id, ${image(db, t, 'old')}); END;
      CREATE TEMP TRIGGER IF NOT EXISTS history_${t}_del AFTER DELETE ON main.${t} WHEN ${on}
      BEGIN INSERT OR IGNORE INTO temp.history_touched VALUES ('${t}', old.id, ${image(db, t, 'old')}); END;`);
  }
  installed.add(db.sqlite);
}

export interface Touched {
  table: HistoryTable;
  id: number;
  before: RowImage | null;
}

export function isCapturing(db: Db): boolean {
  return installed.has(db.sqlite) && db.sqlite.prepare('SELECT 1 FROM temp.history_capturing').get() !== undefined;
}

/** Starts recording; must run inside the transaction of the change (a rollback forgets it all). */
export function startCapture(db: Db): void {
  install(db);
  db.sqlite.prepare('DELETE FROM temp.history_touched').run();
  db.sqlite.prepare('INSERT INTO temp.history_capturing VALUES (1)').run();
}

/** The rows touched so far (the capture goes on). */
export function touchedSoFar(db: Db): Touched[] {
  const rows = db.sqlite.prepare('SELECT tbl, row_id AS id, before FROM temp.history_touched ORDER BY rowid').all() as {
    tbl: HistoryTable;
    id: number;
    before: string | null;
  }[];
  return rows.map((r) => ({ table: r.tbl, id: r.id, before: r.before === null ? null : (JSON.parse(r.before) as RowImage) }));
}

export function stopCapture(db: Db): Touched[] {
  const touched = touchedSoFar(db);
  db.sqlite.prepare('DELETE FROM temp.history_capturing').run();
  db.sqlite.prepare('DELETE FROM temp.history_touched').run();
  return touched;
}

/** The row as it is now, in the same shape as a captured image; null when it is gone. */
export function currentImage(db: Db, table: HistoryTable, id: number): RowImage | null {
  const cols = columnsOf(db, table);
  const row = db.sqlite
    .prepare(`SELECT json_object(${cols.map((c) => `'${c}', "${c}"`).join(', ')}) FROM main.${table} WHERE id = ?`)
    .pluck()
    .get(id) as string | undefined;
  return row === undefined ? null : (JSON.parse(row) as RowImage);
}
