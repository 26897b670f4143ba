/**
 * A file's bytes as the page sends them: inline as base64 (Electron, whose IPC carries them well; small
 * files) or, in the browser mode, as the id of a file streamed first to `POST /upload` — one base64
 * JSON body could not carry the 100 MB an import may be.
 */
import { z } from 'zod';
import { AppError } from '../../db/errors';
import type { ApiContext } from './define';

export const uploadId = z.string().regex(/^[0-9a-f]{32}$/, 'Неверный номер загруженного файла');

export async function fileBytes(ctx: ApiContext, f: { base64?: string | undefined; uploadId?: string | undefined }): Promise<Buffer> {
  if (f.uploadId === undefined) return Buffer.from(f.base64 ?? '', 'base64');
  if (!ctx.uploads) throw new AppError('no_upload', 'Загруженные файлы принимаются только в режиме браузера: выберите файл ещё раз.');
  return ctx.uploads.read(f.uploadId);
}

/** After a successful use the temporary copy goes; a failed one keeps it, so the user can retry without re-sending. */
export function releaseUpload(ctx: ApiContext, f: object): void {
  const id = (f as { uploadId?: unknown }).uploadId;
  if (typeof id === 'string') ctx.uploads?.release(id);
}
