/**
 * Whole rows taken out of the database and put back as they were (same ids): the undo history and
 * the recycle bin both keep rows as JSON and re-insert them.
 */
import type { Db } from './open';

export type Row = Record<string, unknown>;

/** The table's columns now: rows kept before a column was added get its default, a dropped column is ignored. */
function columnsOf(db: Db, table: string): Set<string> {
  return new Set(db.sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
}

/** Inserts the rows with all their columns, ids included. */
export function insertRows(db: Db, table: string, rows: Row[]): void {
  if (rows.length === 0) return;
  const existing = columnsOf(db, table);
  const cols = Object.keys(rows[0]!).filter((c) => existing.has(c));
  const stmt = db.sqlite.prepare(
    `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
  );
  for (const r of rows) stmt.run(Object.fromEntries(cols.map((c) => [c, r[c]])));
}
