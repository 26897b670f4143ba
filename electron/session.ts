/**
 * Opening the database for the app — the same steps for the desktop window and the browser mode:
 * take the lock beside the file (one database, one writing process), remove temporary files of copies
 * killed half-way, open (migrating if needed), and make the day's automatic copy. A file that cannot
 * be written is opened read-only, without lock or copies.
 *
 * With a data folder the session can also switch to another database («Открыть другую базу…», the
 * recent list, the demo district): the new file is opened the same way first, and only then is the old
 * one closed and its lock released — a refused file leaves the open database untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dailyBackup, removeOrphans } from '../db/backup';
import { AppError } from '../db/errors';
import { acquireLock, type DbLock } from '../db/lock';
import { canWrite, closeDatabase, type Db, openDatabase, type OpenOptions } from '../db/open';
import { termUpgradeMessage } from '../db/terms/describe';
import type { ApiContext, Workspace } from './api/define';
import { RECENT_FILE_NAME, rememberRecent } from './databases/recent';

export interface Session {
  ctx: ApiContext;
  lock: DbLock | null;
  /** The automatic copy made at this start (null: one was made earlier today, or the file is read-only). */
  dailyBackupPath: string | null;
  /** Said to the user but not fatal (the day's copy failed: the disk is full, say). */
  warnings: string[];
  /** Said to the user once at this start: what the opening did (readings of terms recomputed by a newer parser). */
  notices: string[];
  close(): void;
}

export interface SessionPlace {
  /** The app's data folder: the recent list and the demo district live here, outside every database. */
  dataDir: string;
}

export const demoPathIn = (dataDir: string): string => path.join(dataDir, 'demo', 'Демонстрационный район.sqlite');

interface Opened {
  db: Db;
  lock: DbLock | null;
  dailyBackupPath: string | null;
  warnings: string[];
}

async function openForSession(file: string, options: OpenOptions, lockExtra: { url?: string } = {}): Promise<Opened> {
  const readOnly = options.readOnly === true || !canWrite(file);
  const lock = readOnly ? null : acquireLock(file, lockExtra);
  let db: Db;
  try {
    if (!readOnly) removeOrphans(file);
    db = openDatabase(file, { ...options, readOnly });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const warnings: string[] = [];
  let dailyBackupPath: string | null = null;
  if (!db.readOnly) {
    try {
      dailyBackupPath = await dailyBackup(db.sqlite, db.path);
    } catch (err) {
      warnings.push(err instanceof AppError ? `Ежедневная копия не сделана: ${err.message}` : 'Ежедневная копия базы данных не сделана.');
    }
  }
  return { db, lock, dailyBackupPath, warnings };
}

/** What may be opened as another database: an existing, non-empty file (a new empty one is made only for the demo). */
function checkCandidate(file: string): void {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new AppError('no_file', `Файл «${name}» не найден: его переместили, удалили или диск не подключён.`, { cause: err });
  }
  if (stat.isDirectory()) throw new AppError('is_directory', `«${name}» — это папка, а не файл базы данных.`);
  if (stat.size === 0) throw new AppError('empty_file', `Файл «${name}» пуст: это не база данных программы.`);
}

const samePath = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);

export async function startSession(
  file: string,
  options: OpenOptions = {},
  ctx: Omit<ApiContext, 'db'> = {},
  place?: SessionPlace,
): Promise<Session> {
  const first = await openForSession(file, options);
  const session: Session = {
    ctx: { ...ctx, db: first.db },
    lock: first.lock,
    dailyBackupPath: first.dailyBackupPath,
    warnings: first.warnings,
    notices: first.db.termUpgrade ? [termUpgradeMessage(first.db.termUpgrade)] : [],
    close() {
      // ctx.db, not the first db: a restore or a switch replaces the open database.
      closeDatabase(session.ctx.db);
      session.lock?.release();
    },
  };
  if (!place) return session;

  const recentFile = path.join(place.dataDir, RECENT_FILE_NAME);
  const demoPath = path.resolve(demoPathIn(place.dataDir));
  const remember = (db: Db) => {
    // The demo is reached by its own button, not through the list; a list that cannot be written is not worth failing an opening.
    if (samePath(db.path, demoPath)) return;
    try {
      rememberRecent(recentFile, db.path);
    } catch (err) {
      session.warnings.push(
        err instanceof AppError ? `Список недавних баз не обновлён: ${err.message}` : 'Список недавних баз не обновлён.',
      );
    }
  };
  let home = first.db.path;
  remember(first.db);

  const workspace: Workspace = {
    recentFile,
    demoPath,
    homePath: () => home,
    async switchTo(next, { create = false } = {}) {
      next = path.resolve(next);
      if (samePath(next, session.ctx.db.path)) return;
      if (!create || fs.existsSync(next)) checkCandidate(next);
      // The browser mode's address goes into the new lock as into the old, so a second opener can name it.
      const url = session.lock?.info.url;
      const opened = await openForSession(
        next,
        { readOnly: options.readOnly, ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}) },
        url ? { url } : {},
      );
      // From here on synchronous: no API call runs between closing the old database and adopting the new one.
      closeDatabase(session.ctx.db);
      session.lock?.release();
      session.ctx.db = opened.db;
      session.lock = opened.lock;
      session.dailyBackupPath = opened.dailyBackupPath;
      session.warnings.push(...opened.warnings);
      if (opened.db.termUpgrade) session.notices.push(termUpgradeMessage(opened.db.termUpgrade));
      if (!samePath(opened.db.path, demoPath)) home = opened.db.path;
      remember(opened.db);
    },
  };
  session.ctx.workspace = workspace;
  return session;
}
