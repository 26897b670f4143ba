/** Test helpers: a fresh database file in a temp folder, the API called directly, a snapshot of every table, the CLI as a process. */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callApiSync, setErrorLogger } from '../electron/api/call';
import type { ApiInput, ApiMethod, ApiOutput } from '../electron/api/index';
import { closeDatabase, type Db, openDatabase } from '../db/open';
import { CLI_BUNDLE } from './cli-bundle';

setErrorLogger(() => {});

export function tempDir(prefix = 'rmk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function freshDb(): Db {
  return openDatabase(path.join(tempDir(), 'test.sqlite'));
}

export { closeDatabase };

/** Calls the API as the renderer would and returns the value, throwing the Russian message on failure. */
export function apiOf(db: Db) {
  return <K extends ApiMethod>(method: K, input?: ApiInput<K>): ApiOutput<K> => {
    const r = callApiSync({ db }, method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as ApiOutput<K>;
  };
}

/**
 * Every row of every table: "nothing changed" is checked against this. Rows of a table without an
 * id of its own (due_dates, rewritten whole with their reading) are a set: sorted by every column.
 */
export function snapshotAll(db: Db): Record<string, unknown[]> {
  const tables = db.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const order = (t: string) => {
    const cols = db.sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[];
    return cols.includes('id') ? '' : ` ORDER BY ${cols.map((c) => `"${c}"`).join(', ')}`;
  };
  return Object.fromEntries(tables.map((t) => [t, db.sqlite.prepare(`SELECT * FROM "${t}"${order(t)}`).all()]));
}

const ROOT = path.resolve(__dirname, '..');

/**
 * The CLI as a real process, the way a user or a script runs it. RMK_DB is cleared so that only the
 * test's own --db counts; `options.env` may set it (or anything else) on purpose.
 */
export function runCli(args: string[], options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {}) {
  return spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: ROOT,
    ...options,
    encoding: 'utf8',
    env: { ...process.env, RMK_DB: '', ...options.env },
  });
}
