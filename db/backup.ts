/**
 * Every copy of the database file — the daily one, one made by hand, the one before a migration and
 * the one before a restore — is written here, the one way: to a temporary name, checked with
 * `PRAGMA integrity_check`, flushed to disk and only then renamed to its good name. A copy killed
 * half-way therefore never sits under a name that looks good (issue 10: a killed migration used to
 * leave an empty `.before-migration` file); the leftover temporary file is removed at the next start.
 *
 * Copies live in `backups/` beside the database, named `<db>-YYYY-MM-DD_HH-MM-SS-<kind>.sqlite`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from './errors';

export type BackupKind = 'daily' | 'manual' | 'before-migration' | 'before-restore';
export const BACKUP_KINDS: readonly BackupKind[] = ['daily', 'manual', 'before-migration', 'before-restore'];

/** How many daily copies are kept; copies before a migration are kept for ever, those made by hand too. */
export const DAILY_KEPT = 14;

const TEMP_MARK = '.partial';
const NAME_RE = /^(.+)-(\d{4}-\d{2}-\d{2})_(\d{2})-(\d{2})-(\d{2})-(daily|manual|before-migration|before-restore)(?:-\d+)?\.sqlite$/;

export const backupsDir = (dbFile: string): string => path.join(path.dirname(path.resolve(dbFile)), 'backups');

const pad = (n: number) => String(n).padStart(2, '0');
/** Local time: the methodist reads these names in Explorer. */
export function stamp(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}_${pad(d.getHours())}-${pad(d.getMinutes())}-${pad(d.getSeconds())}`;
}

const baseName = (dbFile: string) => path.basename(dbFile).replace(/\.(sqlite3?|db)$/i, '');

export interface BackupName {
  fileName: string;
  kind: BackupKind;
  /** Local date and time of the copy, 'YYYY-MM-DDTHH:MM:SS'. */
  date: string;
}

export function parseBackupName(fileName: string): BackupName | null {
  const m = NAME_RE.exec(fileName);
  if (!m) return null;
  return { fileName, kind: m[6] as BackupKind, date: `${m[2]}T${m[3]}:${m[4]}:${m[5]}` };
}

/** A free good name in `backups/` for a copy of `dbFile` made now (a second copy in the same second gets `-2`). */
export function nextBackupPath(dbFile: string, kind: BackupKind, now = new Date()): string {
  const dir = backupsDir(dbFile);
  const stem = `${baseName(dbFile)}-${stamp(now)}-${kind}`;
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? `${stem}.sqlite` : `${stem}-${n}.sqlite`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

const tempNameFor = (target: string) =>
  path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}${TEMP_MARK}`);

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes the rename itself durable; Windows cannot open a folder, and there the rename is already flushed. */
export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // not supported on this platform
  }
}

/** `PRAGMA integrity_check` on a closed file: 'ok' or the first problems SQLite names. */
export function integrityProblems(file: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
    return rows.length === 1 && rows[0] === 'ok' ? null : rows.slice(0, 3).join('; ');
  } catch (err) {
    return (err as Error).message;
  } finally {
    db?.close();
  }
}

/** Where a copy comes from: an open connection (the online backup API) or a file to copy with VACUUM INTO. */
export type CopySource = { connection: Database.Database } | { file: string };

export interface CopyOptions {
  /** Pages copied per step of the online backup; tests make it small to catch a copy half-way. */
  pagesPerStep?: number;
}

/**
 * Turns a temporary copy into a checked, flushed file under its good name. The copy inherits WAL mode
 * from the live database; it is switched to a plain single file first, so that reading it later (or
 * carrying it on a USB stick) never needs -wal/-shm files beside it.
 */
function finish(tmp: string, target: string): void {
  const db = new Database(tmp, { fileMustExist: true });
  let problem: string | null;
  try {
    db.pragma('journal_mode = DELETE');
    const rows = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
    problem = rows.length === 1 && rows[0] === 'ok' ? null : rows.slice(0, 3).join('; ');
  } finally {
    db.close();
  }
  if (problem) throw new AppError('backup_damaged', `Копия базы данных не прошла проверку целостности (${problem}); она не сохранена.`);
  fsyncFile(tmp);
  fs.renameSync(tmp, target);
  fsyncDir(path.dirname(target));
}

function copyFailed(err: unknown, target: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string })?.code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL')
    return new AppError('disk_full', `Не хватает места на диске для копии «${path.basename(target)}».`, { cause: err });
  if (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS' ||
    code?.startsWith('SQLITE_READONLY') ||
    code?.startsWith('SQLITE_CANTOPEN')
  )
    return new AppError(
      'backup_readonly',
      `Не удалось записать копию «${path.basename(target)}»: папка «${path.dirname(target)}» недоступна для записи.`,
      { cause: err },
    );
  return new AppError('backup_failed', `Не удалось сделать копию базы данных «${path.basename(target)}».`, { cause: err });
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/**
 * Where a copy may go: a regular file (a link is followed to its file). A copy is renamed into place, so
 * a device, a pipe or a folder under that name would be replaced by a file, and the database itself
 * would be swapped under the running program: all refused.
 */
function copyTarget(target: string, sourceFile: string | null): string {
  let real = path.resolve(target);
  let stat: fs.Stats | null;
  try {
    stat = fs.lstatSync(real);
    if (stat.isSymbolicLink()) {
      real = fs.realpathSync(real);
      stat = fs.statSync(real);
    }
  } catch {
    stat = null; // a new file (or a link to one not made yet): nothing in the way
  }
  const name = path.basename(target);
  if (stat?.isDirectory()) throw new AppError('is_directory', `«${name}» — это папка: укажите имя файла для копии.`);
  if (stat && !stat.isFile())
    throw new AppError('not_a_file', `Копию можно сохранить только в обычный файл, а «${name}» — устройство или канал.`);
  if (sourceFile && stat && fs.existsSync(sourceFile) && fs.realpathSync(sourceFile) === real)
    throw new AppError('same_file', 'Копию нельзя записать поверх самой базы данных: выберите другой файл.');
  return real;
}

/** A consistent copy from a file, synchronously (VACUUM INTO, which reads through WAL), for the copy before a migration. */
export function copyFileSync(source: string, target: string): string {
  target = copyTarget(target, source);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = tempNameFor(target);
  try {
    const ro = new Database(source, { readonly: true, fileMustExist: true });
    try {
      ro.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      ro.close();
    }
    finish(tmp, target);
    return target;
  } catch (err) {
    removeQuietly(tmp);
    throw copyFailed(err, target);
  }
}

/** A consistent copy of a live database through SQLite's online backup API (never a copy of the live file). */
export async function copyDatabase(source: CopySource, target: string, options: CopyOptions = {}): Promise<string> {
  if ('file' in source) return copyFileSync(source.file, target);
  target = copyTarget(target, source.connection.name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = tempNameFor(target);
  try {
    const pages = options.pagesPerStep;
    if (pages) await source.connection.backup(tmp, { progress: () => pages });
    else await source.connection.backup(tmp);
    finish(tmp, target);
    return target;
  } catch (err) {
    removeQuietly(tmp);
    throw copyFailed(err, target);
  }
}

/** A copy into `backups/` under a new good name. */
export function backupDatabase(
  connection: Database.Database,
  dbFile: string,
  kind: BackupKind,
  options: CopyOptions = {},
): Promise<string> {
  return copyDatabase({ connection }, nextBackupPath(dbFile, kind), options);
}

/** Temporary files of copies that were killed half-way: never a good name, removed at start. */
export function removeOrphans(dbFile: string): string[] {
  const dirs = [backupsDir(dbFile), path.dirname(path.resolve(dbFile))];
  const removed: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) {
      if (!n.startsWith('.') || !/\.partial(-journal|-wal|-shm)?$/.test(n)) continue;
      try {
        fs.rmSync(path.join(dir, n), { force: true });
        removed.push(path.join(dir, n));
      } catch {
        // a folder we may read but not change: the next start on a writable disk removes it
      }
    }
  }
  return removed;
}

export interface BackupFile extends BackupName {
  path: string;
  size: number;
}

/** The copies of this database in `backups/`, newest first. */
export function listBackupFiles(dbFile: string): BackupFile[] {
  const dir = backupsDir(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const base = baseName(dbFile);
  return names
    .map((n) => parseBackupName(n))
    .filter((b): b is BackupName => b !== null && b.fileName.startsWith(`${base}-`))
    .map((b) => ({ ...b, path: path.join(dir, b.fileName), size: fs.statSync(path.join(dir, b.fileName)).size }))
    .sort((a, b) => (a.date === b.date ? b.fileName.localeCompare(a.fileName) : b.date.localeCompare(a.date)));
}

/** Keeps the newest DAILY_KEPT daily copies; every other kind is kept. */
export function pruneDaily(dbFile: string, keep = DAILY_KEPT): string[] {
  const old = listBackupFiles(dbFile)
    .filter((b) => b.kind === 'daily')
    .slice(keep);
  for (const b of old) fs.rmSync(b.path, { force: true });
  return old.map((b) => b.path);
}

/** The automatic copy: at most one a day (by the local date), then the old daily copies pruned. */
export async function dailyBackup(connection: Database.Database, dbFile: string, now = new Date()): Promise<string | null> {
  const today = stamp(now).slice(0, 10);
  if (listBackupFiles(dbFile).some((b) => b.kind === 'daily' && b.date.startsWith(today))) return null;
  const made = await copyDatabase({ connection }, nextBackupPath(dbFile, 'daily', now));
  pruneDaily(dbFile);
  return made;
}
