/**
 * Restoring the database from a copy. The candidate is inspected the way opening inspects a file
 * (this app's database, not from a newer version, integrity ok) before anything changes; a damaged
 * file, another program's SQLite or a newer version is refused with the current file untouched.
 * Then the current file is copied into `backups/`, the candidate is copied beside the database under
 * a temporary name, flushed, and renamed over it — one atomic step — and the database is reopened
 * through the normal path, so a copy from an older version is migrated like any old file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { backupDatabase, copyDatabase, copyFileSync, fsyncDir, integrityProblems, parseBackupName } from './backup';
import { AppError } from './errors';
import {
  closeDatabase,
  type Db,
  defaultMigrationsFolder,
  inspect,
  openDatabase,
  type OpenOptions,
  pendingMigrations,
  readableCopy,
} from './open';

export interface Contents {
  roadmaps: number;
  measures: number;
}

export interface CopyDescription extends Contents {
  file: string;
  /** Local date and time of the copy ('YYYY-MM-DDTHH:MM:SS'): from a backup's name, else the file's time. */
  date: string;
  /** Made by an older version: it will be updated when opened. */
  older: boolean;
  /** «В копии от 12.03.2025: 3 дорожные карты, 412 мероприятий» */
  text: string;
}

function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  const word = m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
  return `${n} ${word}`;
}

export const contentsText = (c: Contents): string =>
  `${plural(c.roadmaps, 'дорожная карта', 'дорожные карты', 'дорожных карт')}, ${plural(c.measures, 'мероприятие', 'мероприятия', 'мероприятий')}`;

const pad = (n: number) => String(n).padStart(2, '0');
const localIso = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
export const ruDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Counts inside a database file, read through a read-only connection; null for a file that cannot be read. */
export function countContents(file: string): Contents | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const count = (t: string) => db!.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return { roadmaps: count('roadmaps'), measures: count('measures') };
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Runs `use` on a readable form of `file`: the file itself, or — in a folder that cannot be written (a
 * write-protected stick holding a WAL-mode file) — a private snapshot, removed afterwards.
 */
async function withReadable<T>(file: string, use: (readable: string) => Promise<T> | T): Promise<T> {
  const { open, snapshotDir } = readableCopy(file);
  try {
    return await use(open);
  } finally {
    if (snapshotDir) fs.rmSync(snapshotDir, { recursive: true, force: true });
  }
}

/** Checks that `file` is a good copy of this app's database and says what is in it; throws a Russian AppError otherwise. */
export function describeCopy(file: string, migrationsFolder = defaultMigrationsFolder()): CopyDescription {
  file = path.resolve(file);
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new AppError('no_file', `Файл «${name}» не найден или недоступен.`, { cause: err });
  }
  if (stat.isDirectory()) throw new AppError('is_directory', `«${name}» — это папка, а не копия базы данных.`);
  if (stat.size === 0) throw new AppError('empty_copy', `Файл «${name}» пуст: это не копия базы данных.`);
  const { open, snapshotDir } = readableCopy(file);
  try {
    const state = inspect(open);
    if (state.applied.length === 0)
      throw new AppError(
        'foreign_database',
        `Файл «${name}» — не копия базы программы «Дорожные карты РМК» (база данных другой программы или пустая).`,
      );
    const pending = pendingMigrations(readMigrationFiles({ migrationsFolder }), state.applied, file);
    const problem = integrityProblems(open);
    if (problem)
      throw new AppError(
        'damaged_copy',
        `Файл «${name}» повреждён (проверка целостности: ${problem.slice(0, 200)}). Восстановить из него нельзя.`,
      );
    const contents = countContents(open);
    if (!contents) throw new AppError('damaged_copy', `Файл «${name}» не удалось прочитать как копию базы данных.`);
    const date = parseBackupName(name)?.date ?? localIso(stat.mtime);
    const older = pending.length > 0;
    const text = `В копии от ${ruDate(date)} ${date.slice(11, 16)}: ${contentsText(contents)}${older ? ' (сделана прежней версией программы, будет обновлена)' : ''}`;
    return { file, date, older, text, ...contents };
  } finally {
    if (snapshotDir) fs.rmSync(snapshotDir, { recursive: true, force: true });
  }
}

export interface RestoreResult {
  restored: CopyDescription;
  /** The copy of the file that was replaced, in `backups/`. */
  replacedBackup: string;
}

function removeSidecars(file: string): void {
  // The old -wal holds pages of the old file: beside the new file it would corrupt it.
  for (const s of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${s}`, { force: true });
}

/** Puts the file at `from` under `file` in one rename; `from` must be a checked, flushed copy beside it. */
function swapIn(from: string, file: string): void {
  removeSidecars(file);
  fs.renameSync(from, file);
  fsyncDir(path.dirname(file));
}

const stagingName = (file: string) =>
  path.join(path.dirname(file), `.${path.basename(file)}.restore-${crypto.randomBytes(6).toString('hex')}.partial`);

/**
 * Replaces the open database `current` with the copy `candidate`. Once `current` has been closed, the
 * database opened in its place is handed to `adopt` (the restored one, or the old file put back if the
 * restored one would not open). On a refusal before the swap `current` stays open and byte-for-byte unchanged.
 */
export async function restoreDatabase(
  current: Db,
  candidate: string,
  adopt: (db: Db) => void,
  options: OpenOptions = {},
): Promise<RestoreResult> {
  if (current.readOnly) throw new AppError('readonly', 'База открыта только для чтения: восстановить из копии нельзя.');
  const restored = describeCopy(candidate, options.migrationsFolder);
  if (restored.file === current.path) throw new AppError('same_file', 'Это и есть открытая база данных: восстанавливать из неё нечего.');
  const replacedBackup = await backupDatabase(current.sqlite, current.path, 'before-restore');

  const staged = stagingName(current.path);
  await withReadable(restored.file, async (readable) => {
    const source = new Database(readable, { readonly: true, fileMustExist: true });
    try {
      await copyDatabase({ connection: source }, staged);
    } finally {
      source.close();
    }
  });

  // From here on synchronous: no other API call can run on a closed database in between.
  closeDatabase(current);
  swapIn(staged, current.path);
  try {
    adopt(openDatabase(current.path, options));
    return { restored, replacedBackup };
  } catch (err) {
    // The copy passed every check but did not open (a failing migration): put the replaced file back.
    const back = stagingName(current.path);
    copyFileSync(replacedBackup, back);
    swapIn(back, current.path);
    adopt(openDatabase(current.path, options));
    throw err instanceof AppError ? new AppError(err.code, `${err.message} Текущая база оставлена как была.`, { cause: err }) : err;
  }
}
