/**
 * The app's own SQL functions, registered on every connection that reads or writes the app's data:
 * both openings in db/open.ts and applyMigrations (a migration may fill columns with them, and the
 * triggers that keep the search text call fold() on every write of a measure). A connection made
 * with a bare `new Database(file)` that writes measures must call this first, or SQLite refuses the
 * write with «no such function: fold».
 */
import type Database from 'better-sqlite3';
import { fold } from './text';

export function registerSqlFunctions(sqlite: Database.Database): void {
  // SQLite's lower() folds ASCII only; search and sorting need Cyrillic folded (and ё = е).
  sqlite.function('fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? fold(v) : v));
}
