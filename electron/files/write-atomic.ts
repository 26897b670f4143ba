/**
 * Writing a file the safe way: to a temporary name in the same folder, flushed, then renamed over the
 * target. On any error the temporary file is removed and nothing is left at the target; the error
 * says in Russian what to do (a file open in Word, a full disk, a read-only folder).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../db/errors';

export function fileErrorMessage(err: unknown, target: string): AppError {
  const code = (err as { code?: string })?.code;
  const name = path.basename(target);
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return new AppError('file_locked', `Не удалось записать «${name}»: файл открыт в другой программе (например, в Word) или нет прав на запись. Закройте его и повторите.`, { cause: err });
    case 'ENOSPC':
      return new AppError('disk_full', `Не удалось записать «${name}»: на диске не хватает места.`, { cause: err });
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('no_folder', `Не удалось записать «${name}»: папка «${path.dirname(target)}» не существует.`, { cause: err });
    case 'EROFS':
      return new AppError('readonly', `Не удалось записать «${name}»: диск доступен только для чтения.`, { cause: err });
    case 'EISDIR':
      return new AppError('is_directory', `«${target}» — это папка, а не файл.`, { cause: err });
    default:
      return new AppError('write_failed', `Не удалось записать «${name}».`, { cause: err });
  }
}

export function writeFileAtomic(target: string, data: Uint8Array): void {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    fd = fs.openSync(tmp, 'wx');
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, target);
  } catch (err) {
    if (fd !== null) fs.closeSync(fd);
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // The folder itself is unusable (not a folder, gone): there is no temporary file to remove.
    }
    throw err instanceof AppError ? err : fileErrorMessage(err, target);
  }
}
