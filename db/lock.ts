/**
 * One database, one writer: a lock file `<db>.lock` beside the database, created exclusively by every
 * process that opens the file for writing (the desktop app, the browser mode, writing CLI commands).
 * Two windows on one file used to fight over it (62 % of writes failed with «занята», a stale form
 * overwrote newer data). The lock names its holder — pid, start time and, for the browser mode, its
 * address — so the second opener can say who has the file. A lock left by a dead process is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError, fileErrorMessage } from './errors';

export interface LockInfo {
  pid: number;
  startedAt: string;
  /** The browser mode's address, without its key. */
  url?: string;
}

export interface DbLock {
  file: string;
  info: LockInfo;
  /** Adds what is known only later (the browser mode's address). */
  update(extra: Partial<LockInfo>): void;
  release(): void;
}

export const lockPath = (dbFile: string): string => `${dbFile}.lock`;

/** Alive unless the system says there is no such process (EPERM: alive, but someone else's). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code !== 'ESRCH';
  }
}

export function readLock(dbFile: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dbFile), 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

/** The live holder of the lock, if any (a dead holder's lock does not count). */
export function lockHolder(dbFile: string): LockInfo | null {
  const info = readLock(dbFile);
  return info && processAlive(info.pid) ? info : null;
}

function describeHolder(info: LockInfo): string {
  const d = new Date(info.startedAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const when = Number.isNaN(d.getTime())
    ? ''
    : `, открыта ${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} в ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return `процесс ${info.pid}${when}${info.url ? `, режим браузера: ${info.url}` : ''}`;
}

export function inUseError(info: LockInfo): AppError {
  return new AppError('db_in_use', `Эта база уже открыта в другом окне программы (${describeHolder(info)}).`);
}

function writeExclusive(file: string, info: LockInfo): void {
  const fd = fs.openSync(file, 'wx');
  try {
    fs.writeSync(fd, JSON.stringify(info));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function acquireLock(dbFile: string, extra: Partial<LockInfo> = {}): DbLock {
  const file = lockPath(dbFile);
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), ...extra };
  // The first start: the database's folder (%APPDATA%\rmk-roadmaps) does not exist yet.
  try {
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  } catch (err) {
    throw fileErrorMessage(err, undefined, { writing: true }) ?? err;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      writeExclusive(file, info);
      break;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
        throw new AppError('lock_failed', `Не удалось занять базу данных: нет прав на запись в папку «${path.dirname(dbFile)}».`, {
          cause: err,
        });
      if (code !== 'EEXIST') throw fileErrorMessage(err, undefined, { writing: true }) ?? err;
      const holder = readLock(dbFile);
      // Unreadable JSON is a lock torn by a crash between open and write; a dead pid is a crash later.
      if (holder && processAlive(holder.pid)) throw inUseError(holder);
      if (attempt > 0) throw inUseError(holder ?? { pid: 0, startedAt: '' });
      fs.rmSync(file, { force: true });
    }
  }
  let released = false;
  const onExit = () => lock.release();
  const lock: DbLock = {
    file,
    info,
    update(more) {
      Object.assign(info, more);
      // Rewritten in place: the file stays ours throughout, no window in which another process may take it.
      fs.writeFileSync(file, JSON.stringify(info));
    },
    release() {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      if (readLock(dbFile)?.pid === process.pid) fs.rmSync(file, { force: true });
    },
  };
  process.on('exit', onExit);
  return lock;
}
