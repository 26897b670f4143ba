/** «Does this row exist?» — the one check behind every «не найдено» for an id given from outside. */
import { notFound } from './errors';
import type { Db } from './open';

/** Tables whose rows are referred to by id from forms, the CLI and other records. */
export type Table = 'people' | 'organizations' | 'roadmaps';

const WHAT: Record<Table, string> = { people: 'Человек', organizations: 'Организация', roadmaps: 'Дорожная карта' };

export function rowExists(db: Db, table: Table, id: number): boolean {
  return db.sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** Throws «Не найдено: …» for an id that is given (not null/undefined) and has no row. */
export function mustExist(db: Db, table: Table, id: number | null | undefined): void {
  if (id !== null && id !== undefined && !rowExists(db, table, id)) throw notFound(WHAT[table], id);
}
