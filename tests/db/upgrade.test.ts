/**
 * Upgrades keep data: a database made by the previous release (tests/fixtures/upgrade/v0.1.0.sqlite,
 * made by that release's code with make-fixture.ts beside it) opens in this version with every row
 * it had, and a verified copy of it is taken before the migration.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { closeDatabase, defaultMigrationsFolder, openDatabase } from '../../db/open';
import { PARSER_VERSION_KEY } from '../../db/terms/store';
import { tempDir } from '../helpers';

const FIXTURE = path.resolve(__dirname, '../fixtures/upgrade/v0.1.0.sqlite');

/**
 * Tables a later migration replaces on purpose, with where their content went. The undo history of
 * 0.1.0 (whole-plan copies) is not carried over into the change log that replaced it.
 */
const REPLACED: Record<string, string> = { plan_snapshots: 'undo history: the change log starts empty after the upgrade' };

type Rows = Record<string, Record<string, unknown>[]>;

function readAll(file: string): Rows {
  const ro = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = ro
      .prepare(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(tables.map((t) => [t, ro.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[]]));
  } finally {
    ro.close();
  }
}

/** Each old row, reduced to the old columns: new columns (with their defaults) may have been added. */
function project(rows: Record<string, unknown>[], columns: string[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
}

describe('upgrading a database made by the previous release', () => {
  it('opens the 0.1.0 database with all its data after a verified backup', () => {
    const file = path.join(tempDir(), 'rmk.sqlite');
    fs.copyFileSync(FIXTURE, file);
    const before = readAll(FIXTURE);
    expect(before.measures!.length).toBe(37);
    expect(before.executions!.length).toBeGreaterThan(0);

    const applied = new Database(FIXTURE, { readonly: true }).prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
    const known = readMigrationFiles({ migrationsFolder: defaultMigrationsFolder() }).length;
    // This release has migrations the previous one did not: the upgrade path is really exercised.
    expect(known).toBeGreaterThan(applied);

    const db = openDatabase(file);
    expect(db.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(known);
    closeDatabase(db);

    const after = readAll(file);
    for (const [table, rows] of Object.entries(before)) {
      if (REPLACED[table]) continue;
      expect(after[table], `table ${table} is gone`).toBeDefined();
      const columns = Object.keys(rows[0] ?? {});
      // Rows added by the opening itself: the term reader's version (its readings were recomputed on opening).
      const kept = table === 'settings' ? after[table]!.filter((r) => r.key !== PARSER_VERSION_KEY) : after[table]!;
      expect(project(kept, columns), `rows of ${table}`).toEqual(rows);
    }

    // The copy taken before migrating is the old file's content, whole.
    expect(db.backupPath).toBeTruthy();
    const backup = new Database(db.backupPath!, { readonly: true });
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
    expect(readAll(db.backupPath!)).toEqual(before);
  });
});
