/**
 * Writing a file the safe way: to a temporary name in the same folder, flushed, then renamed over the
 * target. On any error the temporary file is removed and nothing is left at the target; the error
 * says in Russian what to do (a file open in Word, a full disk, a read-only folder) — the messages are
 * db/errors.ts's fileErrorMessage.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, fileErrorMessage } from '../../db/errors';

/** writeSync may write less than asked (a pipe, a signal): loop until everything is out. */
function writeAll(fd: number, data: Uint8Array): void {
  for (let at = 0; at < data.length;) at += fs.writeSync(fd, data, at, data.length - at);
}

function realPath(target: string): string {
  try {
    return fs.realpathSync(target);
  } catch {
    return path.resolve(target);
  }
}

function asAppError(err: unknown, target: string): AppError {
  if (err instanceof AppError) return err;
  return (
    fileErrorMessage(err, target, { writing: true }) ??
    new AppError('write_failed', `Не удалось записать «${path.basename(target)}».`, { cause: err })
  );
}

/**
 * `--out /dev/stdout`, a named pipe or a device: there is nothing to rename over (and renaming over a
 * device node would replace it), so such a target is written in place.
 */
function writeInPlace(target: string, data: Uint8Array): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(target, 'w');
    writeAll(fd, data);
    fs.closeSync(fd);
    fd = null;
  } catch (err) {
    if (fd !== null) fs.closeSync(fd);
    throw asAppError(err, target);
  }
}

export function writeFileAtomic(target: string, data: Uint8Array): void {
  const existing = (() => {
    try {
      return fs.statSync(target, { throwIfNoEntry: false });
    } catch (err) {
      throw asAppError(err, target);
    }
  })();
  if (existing?.isDirectory()) throw asAppError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), target);
  if (existing && !existing.isFile()) return writeInPlace(target, data);
  // A symlink (`--out /dev/stdout` redirected to a file, a link on the desktop): replace the file it
  // points to, not the link itself.
  const real = existing ? realPath(target) : path.resolve(target);
  const dir = path.dirname(real);
  const tmp = path.join(dir, `.${path.basename(real)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'wx');
    writeAll(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, real);
  } catch (err) {
    if (fd !== null) fs.closeSync(fd);
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // The folder itself is unusable (not a folder, gone): there is no temporary file to remove.
    }
    throw asAppError(err, target);
  }
}
