/**
 * Opening the database for the app — the same steps for the desktop window and the browser mode:
 * take the lock beside the file (one database, one writing process), remove temporary files of copies
 * killed half-way, open (migrating if needed), and make the day's automatic copy. A file that cannot
 * be written is opened read-only, without lock or copies.
 */
import { dailyBackup, removeOrphans } from '../db/backup';
import { AppError } from '../db/errors';
import { acquireLock, type DbLock } from '../db/lock';
import { canWrite, closeDatabase, type Db, openDatabase, type OpenOptions } from '../db/open';
import { termUpgradeMessage } from '../db/terms/describe';
import type { ApiContext } from './api/define';

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

export async function startSession(file: string, options: OpenOptions = {}, ctx: Omit<ApiContext, 'db'> = {}): Promise<Session> {
  const readOnly = options.readOnly === true || !canWrite(file);
  const lock = readOnly ? null : acquireLock(file);
  let db: Db;
  try {
    if (!readOnly) removeOrphans(file);
    db = openDatabase(file, { ...options, readOnly });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const warnings: string[] = [];
  const notices = db.termUpgrade ? [termUpgradeMessage(db.termUpgrade)] : [];
  let dailyBackupPath: string | null = null;
  if (!db.readOnly) {
    try {
      dailyBackupPath = await dailyBackup(db.sqlite, db.path);
    } catch (err) {
      warnings.push(err instanceof AppError ? `Ежедневная копия не сделана: ${err.message}` : 'Ежедневная копия базы данных не сделана.');
    }
  }
  const session: Session = {
    ctx: { ...ctx, db },
    lock,
    dailyBackupPath,
    warnings,
    notices,
    close() {
      // ctx.db, not db: a restore replaces the open database.
      closeDatabase(session.ctx.db);
      lock?.release();
    },
  };
  return session;
}
