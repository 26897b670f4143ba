/**
 * Opening the one SQLite file the app keeps everything in.
 *
 * The order matters: the file is first inspected through a read-only connection, so a file that is
 * not a database, or was written by a newer version of the app, is refused before a single byte
 * changes (switching to WAL alone would rewrite its header). Only then is a backup copy taken
 * (when migrations are pending) and the migrations applied, all of them in one transaction.
 *
 * A file that cannot be written (a write-protected USB stick, a file without write rights) is opened
 * read-only: no WAL switch, no migrations, `db.readOnly` set so the UI can say so.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { copyFileSync, nextBackupPath } from './backup';
import { AppError, sqliteErrorMessage } from './errors';
import * as schema from './schema';
import { registerSqlFunctions } from './sql-functions';
import { type TermUpgrade, upgradeTerms } from './terms/store';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface Db {
  path: string;
  sqlite: Database.Database;
  orm: Orm;
  /** Where the copy taken before the last migration went, if one was taken. */
  backupPath: string | null;
  /** Opened without write access: every write is refused by SQLite (SQLITE_READONLY). */
  readOnly: boolean;
  /** For a read-only file in a folder that cannot be written: the private snapshot actually opened. */
  snapshotDir?: string;
  /** Readings of terms recomputed on this opening because an older parser made them, if any were. */
  termUpgrade?: TermUpgrade;
}

const MIGRATIONS_TABLE = '__drizzle_migrations';

export function defaultMigrationsFolder(): string {
  // Under tsx this file sits beside `migrations/`; the compiled build copies the folder next to it too.
  return path.join(__dirname, 'migrations');
}

interface AppliedMigration {
  hash: string;
  created_at: number;
}

export interface Inspection {
  applied: AppliedMigration[];
  hasOtherTables: boolean;
}

export function inspect(file: string): Inspection {
  let ro: Database.Database;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw sqliteErrorMessage(err) ?? new AppError('open_failed', `Не удалось открыть файл базы данных «${file}».`, { cause: err });
  }
  try {
    return inspectConnection(ro, file);
  } finally {
    ro.close();
  }
}

/** What inspect() reads, through a connection already open (it writes nothing). */
function inspectConnection(connection: Database.Database, file: string): Inspection {
  try {
    const tables = connection
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    const hasMigrations = tables.includes(MIGRATIONS_TABLE);
    const applied = hasMigrations
      ? (connection.prepare(`SELECT hash, created_at FROM ${MIGRATIONS_TABLE} ORDER BY created_at, id`).all() as AppliedMigration[])
      : [];
    return { applied, hasOtherTables: tables.some((t) => t !== MIGRATIONS_TABLE) };
  } catch (err) {
    const known = sqliteErrorMessage(err);
    if (known?.code === 'not_a_database')
      throw new AppError(
        'not_a_database',
        `Файл «${path.basename(file)}» не является базой данных программы «Дорожные карты РМК» или повреждён. Файл не изменён.`,
        { cause: err },
      );
    throw known ?? err;
  }
}

/**
 * Whether the file is an SQLite database already in WAL mode (header bytes 18–19 are 2) with no
 * WAL content left beside it: opening it for writing, and closing it, then changes no byte of it
 * until something is written, so it may be inspected through the connection the app keeps instead
 * of a separate read-only one. (Closing the last connection copies a left-over WAL into the file:
 * such a file, maybe a newer version's, is inspected read-only as before.)
 */
function isWalDatabase(file: string): boolean {
  try {
    if (fs.statSync(`${file}-wal`).size > 0) return false;
  } catch {
    // No -wal file: nothing to copy in.
  }
  const header = Buffer.alloc(20);
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    return (
      fs.readSync(fd, header, 0, 20, 0) === 20 &&
      header.toString('latin1', 0, 16) === 'SQLite format 3\0' &&
      header[18] === 2 &&
      header[19] === 2
    );
  } catch {
    return false;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * drizzle's own migrator compares only the newest timestamp: a database from a newer app version
 * or a late-merged older migration would pass silently. Here the applied list must be a prefix of
 * the known one, hash by hash.
 */
export function pendingMigrations(known: MigrationMeta[], applied: AppliedMigration[], file: string): MigrationMeta[] {
  if (applied.length > known.length || applied.some((a, i) => known[i]!.hash !== a.hash)) {
    const newest = applied.at(-1)?.created_at ?? 0;
    const future = newest > (known.at(-1)?.folderMillis ?? 0);
    throw new AppError(
      future ? 'db_from_future' : 'db_unknown_migrations',
      future
        ? `База данных «${path.basename(file)}» создана более новой версией программы. Обновите программу; файл не изменён.`
        : `История изменений базы данных «${path.basename(file)}» не совпадает с этой версией программы. Файл не изменён.`,
    );
  }
  return known.slice(applied.length);
}

/** The copy before a migration goes through db/backup.ts like every copy: temp name, integrity check, rename. */
function backupBeforeMigration(file: string): string {
  try {
    return copyFileSync(file, nextBackupPath(file, 'before-migration'));
  } catch (err) {
    throw new AppError(
      'backup_failed',
      'Не удалось сделать резервную копию базы перед обновлением: обновление отменено, файл не изменён.',
      { cause: err },
    );
  }
}

export function applyMigrations(sqlite: Database.Database, pending: MigrationMeta[]): void {
  if (pending.length === 0) return;
  // Migrations fill columns and define triggers with the app's functions (fold), whoever opened the connection.
  registerSqlFunctions(sqlite);
  // Table rebuilds in generated migrations need foreign keys off; the pragma is a no-op inside a transaction.
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      sqlite.exec(
        `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`,
      );
      const record = sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (hash, created_at) VALUES (?, ?)`);
      for (const m of pending) {
        for (const statement of m.sql) if (statement.trim()) sqlite.exec(statement);
        record.run(m.hash, m.folderMillis);
      }
      const broken = sqlite.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new AppError('migration_fk', 'Обновление базы нарушило бы связи между записями и отменено.');
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

export interface OpenOptions {
  migrationsFolder?: string;
  /** Open for reading only, whatever the file's rights (the CLI's reading commands beside a running app, and tests: root may write anything). */
  readOnly?: boolean;
}

/** Whether this process may change the file and create its -wal/-shm beside it. */
export function canWrite(file: string): boolean {
  try {
    // A folder not made yet (the first start) is writable when its nearest existing parent is.
    let dir = path.dirname(file);
    while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    // A file in the way: opening says so precisely («там уже есть файл с таким именем»), not «только для чтения».
    if (!fs.statSync(dir).isDirectory()) return true;
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * SQLite cannot read a WAL database in a folder where it may not create the -shm file (a write-protected
 * stick). Such a file is copied, with its -wal if one was left, to a private temporary folder and read from there.
 */
export function readableCopy(file: string): { open: string; snapshotDir?: string } {
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return { open: file };
  } catch {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rmk-readonly-'));
    const copy = path.join(dir, path.basename(file));
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    return { open: copy, snapshotDir: dir };
  }
}

function openReadOnly(file: string, known: MigrationMeta[]): Db {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0)
    throw new AppError('readonly_missing', `Файла базы данных «${file}» нет, а создать его нельзя: папка доступна только для чтения.`);
  // Even inspecting a WAL file needs its -shm: a file in a folder we cannot write is read from a snapshot.
  const { open, snapshotDir } = readableCopy(file);
  const drop = () => snapshotDir && fs.rmSync(snapshotDir, { recursive: true, force: true });
  let sqlite: Database.Database;
  try {
    const state = inspect(open);
    if (state.applied.length === 0 && state.hasOtherTables)
      throw new AppError('foreign_database', `Файл «${path.basename(file)}» — база данных другой программы. Файл не изменён.`);
    if (pendingMigrations(known, state.applied, file).length > 0)
      throw new AppError(
        'readonly_outdated',
        `База данных «${path.basename(file)}» доступна только для чтения, а её нужно обновить для этой версии программы. Скопируйте файл в папку, где его можно изменять, и откройте копию. Файл не изменён.`,
      );
    sqlite = new Database(open, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    registerSqlFunctions(sqlite);
  } catch (err) {
    drop();
    if (err instanceof AppError) throw err;
    throw sqliteErrorMessage(err) ?? new AppError('open_failed', `Не удалось открыть файл базы данных «${file}».`, { cause: err });
  }
  return {
    path: file,
    sqlite,
    orm: drizzle(sqlite, { schema }),
    backupPath: null,
    readOnly: true,
    ...(snapshotDir ? { snapshotDir } : {}),
  };
}

/** Refuses a file of another program, or one written by a newer version; says which migrations it still needs. */
function checkState(state: Inspection, known: MigrationMeta[], file: string): MigrationMeta[] {
  if (state.applied.length === 0 && state.hasOtherTables)
    throw new AppError('foreign_database', `Файл «${path.basename(file)}» — база данных другой программы. Файл не изменён.`);
  return pendingMigrations(known, state.applied, file);
}

function connect(file: string): Database.Database {
  try {
    return new Database(file);
  } catch (err) {
    throw (
      sqliteErrorMessage(err) ?? new AppError('open_failed', `Не удалось открыть или создать файл базы данных «${file}».`, { cause: err })
    );
  }
}

/**
 * The migrations shipped with the app, read (and hashed) once per folder: they are part of the
 * installation and do not change while it runs, and a switch to another database or a restore opens again.
 */
const knownMigrations = new Map<string, MigrationMeta[]>();

export function migrationsIn(folder: string): MigrationMeta[] {
  let known = knownMigrations.get(folder);
  if (!known) knownMigrations.set(folder, (known = readMigrationFiles({ migrationsFolder: folder })));
  return known;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const known = migrationsIn(options.migrationsFolder ?? defaultMigrationsFolder());
  const memory = file === ':memory:';
  let pending = known;
  let backupPath: string | null = null;
  let sqlite: Database.Database | null = null;
  if (!memory) {
    file = path.resolve(file);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory())
      throw new AppError('is_directory', `«${file}» — это папка, а не файл базы данных.`);
    if (options.readOnly || (fs.existsSync(file) && !canWrite(file))) return openReadOnly(file, known);
    if (fs.existsSync(file) && fs.statSync(file).size > 0) {
      // The usual opening (a file this app switched to WAL before) is inspected through the connection
      // it keeps: one connection and one reading of the schema instead of two.
      let state: Inspection;
      if (isWalDatabase(file)) {
        sqlite = connect(file);
        try {
          state = inspectConnection(sqlite, file);
        } catch (err) {
          sqlite.close();
          throw err;
        }
      } else state = inspect(file);
      try {
        pending = checkState(state, known, file);
      } catch (err) {
        sqlite?.close();
        throw err;
      }
      if (pending.length > 0 && state.applied.length > 0) {
        // The copy before a migration is taken with no connection of ours open, as it always was.
        sqlite?.close();
        sqlite = null;
        backupPath = backupBeforeMigration(file);
      }
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    }
  }

  sqlite ??= connect(file);
  try {
    sqlite.pragma('busy_timeout = 5000');
    if (!memory) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    registerSqlFunctions(sqlite);
    applyMigrations(sqlite, pending);
  } catch (err) {
    sqlite.close();
    if (err instanceof AppError) throw err;
    throw (
      sqliteErrorMessage(err) ??
      new AppError('migration_failed', 'Не удалось обновить структуру базы данных; изменения отменены.', { cause: err })
    );
  }
  const db: Db = { path: file, sqlite, orm: drizzle(sqlite, { schema }), backupPath, readOnly: false };
  // Data steps that SQL migrations cannot do: terms are parsed in JS. One settings lookup when up to date.
  const upgrade = upgradeTerms(db);
  // A database without terms (a new one) has nothing to say about them.
  if (upgrade && upgrade.rows > 0) db.termUpgrade = upgrade;
  return db;
}

export function closeDatabase(db: Db): void {
  if (db.sqlite.open) db.sqlite.close();
  if (db.snapshotDir) fs.rmSync(db.snapshotDir, { recursive: true, force: true });
}
