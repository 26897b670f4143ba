/**
 * Every migration keeps the data of the version before it, and db/schema.ts agrees with the
 * migrations. For each migration N the database is built by the real code path (applyMigrations of
 * db/open.ts) up to N-1, filled with rows in every table (foreign keys pointing at real rows), then
 * migration N is applied: every old row is still there with the same values in every column that
 * survives, unless the migration is listed below as replacing it on purpose. A new migration is
 * covered without writing a test; one that drops data must say so here, with the reason.
 * (tests/db/upgrade.test.ts does the same with a real database made by release 0.1.0.)
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { applyMigrations, defaultMigrationsFolder } from '../../db/open';
import * as schema from '../../db/schema';

const FOLDER = defaultMigrationsFolder();
const JOURNAL = JSON.parse(fs.readFileSync(path.join(FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: { idx: number; tag: string }[];
};
const MIGRATIONS = readMigrationFiles({ migrationsFolder: FOLDER });

/** Tables a migration replaces on purpose, with where their content went. */
const REPLACED: Record<string, Record<string, string>> = {
  '0003_plan_history': { plan_snapshots: 'whole-plan undo copies: the change log that replaced them starts empty' },
};

const ROWS = 3;

/** Columns of which exactly one is set (CHECK constraints of the schema). */
const ONE_OF: Record<string, [string, string]> = {
  executions: ['measure_id', 'decision_id'],
  measure_executors: ['person_id', 'organization_id'],
  due_dates: ['measure_id', 'decision_id'],
};

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}
interface ForeignKey {
  table: string;
  from: string;
}

const tablesOf = (db: Database.Database) =>
  db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name",
    )
    .pluck()
    .all() as string[];

/** A value SQLite accepts for the column in row k: the column's default where it has one (enums, JSON), else text or a number. */
function valueFor(table: string, c: Column, k: number, fks: ForeignKey[]): unknown {
  const fk = fks.find((f) => f.from === c.name);
  // Pairs under a CHECK «exactly one of»: the rows alternate between the two.
  const pair = ONE_OF[table];
  if (pair?.includes(c.name)) return pair[k % 2] === c.name ? k + 1 : null;
  if (fk) return fk.table === table && k === 0 ? null : fk.table === table ? k : k + 1;
  if (c.pk) return k + 1;
  if (c.dflt_value !== null)
    return c.dflt_value.startsWith("'") ? c.dflt_value.slice(1, -1).replace(/''/g, "'") : isExpression(c) ? null : Number(c.dflt_value);
  if (/INT|REAL|NUM/i.test(c.type)) return k + 1;
  if (/date|_at$|start|end/.test(c.name)) return `2024-0${k + 1}-15`;
  return `${table}.${c.name} № ${k + 1} «проверка»`;
}

/** Rows 1…ROWS in every table; foreign keys point at those ids, checked once everything is in (organizations and people refer to each other). */
/** A default computed by SQLite (strftime(…)), not a constant. */
const isExpression = (c: Column) => c.dflt_value !== null && !c.dflt_value.startsWith("'") && Number.isNaN(Number(c.dflt_value));

function fill(db: Database.Database): void {
  db.pragma('foreign_keys = OFF');
  for (const table of tablesOf(db)) {
    const cols = db.prepare(`PRAGMA table_info("${table}")`).all() as Column[];
    const fks = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as ForeignKey[];
    // Rows a migration seeds (0008's eleven risk factors) make way for the test's own: ids 1…ROWS.
    db.prepare(`DELETE FROM "${table}"`).run();
    for (let k = 0; k < ROWS; k++) {
      const values = cols.map((c) => valueFor(table, c, k, fks));
      // A default written as an expression ((datetime('now'))) is left to SQLite.
      const used = cols.filter((c, i) => values[i] !== null || !isExpression(c));
      const v = cols
        .map((c, i) => [c, values[i]] as const)
        .filter(([c]) => used.includes(c))
        .map(([, x]) => x);
      db.prepare(`INSERT INTO "${table}" (${used.map((c) => `"${c.name}"`).join(', ')}) VALUES (${used.map(() => '?').join(', ')})`).run(
        ...v,
      );
    }
  }
  db.pragma('foreign_keys = ON');
  expect(db.pragma('foreign_key_check')).toEqual([]);
}

const readAll = (db: Database.Database) =>
  Object.fromEntries(
    tablesOf(db).map((t) => [t, db.prepare(`SELECT rowid AS __rowid, * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[]]),
  );

describe('migrations', () => {
  it('the journal names every migration file, in order', () => {
    expect(JOURNAL.entries.map((e) => e.idx)).toEqual(MIGRATIONS.map((_, i) => i));
    for (const e of JOURNAL.entries) expect(fs.existsSync(path.join(FOLDER, `${e.tag}.sql`)), e.tag).toBe(true);
  });

  for (let n = 1; n < MIGRATIONS.length; n++) {
    const tag = JOURNAL.entries[n]!.tag;
    it(`${tag} keeps every row of the version before it`, () => {
      const db = new Database(':memory:');
      try {
        db.pragma('foreign_keys = ON');
        applyMigrations(db, MIGRATIONS.slice(0, n));
        fill(db);
        const before = readAll(db);
        expect(Object.values(before).every((rows) => rows.length === ROWS)).toBe(true);

        applyMigrations(db, [MIGRATIONS[n]!]);

        const after = readAll(db);
        for (const [table, rows] of Object.entries(before)) {
          if (REPLACED[tag]?.[table]) continue;
          expect(after[table], `${tag} dropped table ${table}`).toBeDefined();
          // The old columns that survive: new columns (with their defaults) may have been added.
          const kept = Object.keys(rows[0]!).filter((c) => c in (after[table]![0] ?? {}));
          const project = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([c]) => kept.includes(c)));
          expect(after[table]!.map(project), `${tag} changed rows of ${table}`).toEqual(rows.map(project));
        }
        expect(db.pragma('foreign_key_check')).toEqual([]);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(n + 1);
      } finally {
        db.close();
      }
    });
  }

  it('db/schema.ts and the migrations agree: drizzle-kit finds nothing to generate', async () => {
    const { generateSQLiteDrizzleJson, generateSQLiteMigration } = await import('drizzle-kit/api');
    const last = JOURNAL.entries.at(-1)!;
    const snapshot = JSON.parse(fs.readFileSync(path.join(FOLDER, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8'));
    const current = await generateSQLiteDrizzleJson(schema as Record<string, unknown>);
    expect(await generateSQLiteMigration(snapshot, current)).toEqual([]);
  });
});
