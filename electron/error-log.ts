/**
 * The error log: where a real bug's stack goes instead of stderr or the screen. One file in the user's
 * data folder (`logs/errors.log`), appended to; the CLI and the web launcher print its path with
 * «Внутренняя ошибка», so a methodist can send it to whoever maintains the program.
 */
import fs from 'node:fs';
import path from 'node:path';
import { userDataDir } from './paths';

/** Larger than this, the log starts over: it is for the latest failures, not an archive. */
const MAX_LOG_BYTES = 5 * 1024 * 1024;

export function errorLogPath(dir: string = userDataDir()): string {
  return path.join(dir, 'logs', 'errors.log');
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause === undefined ? '' : `\nCaused by: ${describe(err.cause)}`;
    return `${err.stack ?? `${err.name}: ${err.message}`}${cause}`;
  }
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

/** Appends the error with where it happened; returns the log's path, or null when even that failed (full disk). */
export function logInternalError(where: string, err: unknown, dir?: string): string | null {
  const file = errorLogPath(dir);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_LOG_BYTES) fs.rmSync(file, { force: true });
    fs.appendFileSync(file, `[${new Date().toISOString()}] ${where} (pid ${process.pid})\n${describe(err)}\n\n`);
    return file;
  } catch {
    return null;
  }
}
