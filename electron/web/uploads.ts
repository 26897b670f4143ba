/**
 * The browser mode's uploads: a picked file is streamed by `POST /upload` into a temporary file (never
 * held in memory, never base64 inside a JSON body), and the page then names it by an upload id in
 * `import.preview` / `import.commit` / `answers.preview`. Files go when used, when too many pile up
 * (abandoned previews), and all of them when the server closes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError, fileErrorMessage } from '../../db/errors';
import type { UploadedFiles } from '../api/define';
import { MAX_IMPORT_BYTES } from '../import/index';

export interface UploadLimits {
  /** One file: the import's own limit, so the README's 100 MB holds in the browser too. */
  maxBytes: number;
  /** Kept files at once (one answers import may bring 100 forms); the oldest go first. */
  maxFiles: number;
  /** All kept files together. */
  maxTotalBytes: number;
}

export const UPLOAD_LIMITS: UploadLimits = { maxBytes: MAX_IMPORT_BYTES, maxFiles: 200, maxTotalBytes: 1024 * 1024 * 1024 };

export function tooLarge(maxBytes: number): AppError {
  return new AppError('too_large', `Файл слишком большой: принимаются файлы до ${Math.round(maxBytes / 1048576)} МБ.`);
}

/** Windows refuses to delete a file another reader still has open: then the OS's temp cleaning gets it later. */
function removeQuietly(p: string): void {
  try {
    fs.rmSync(p, { recursive: true, force: true });
  } catch {
    // Still open somewhere; nothing to tell the user.
  }
}

export class UploadStore implements UploadedFiles {
  private dir: string | null = null;
  private readonly files = new Map<string, { file: string; size: number }>();
  private total = 0;

  constructor(readonly limits: UploadLimits = UPLOAD_LIMITS) {}

  /** The temporary folder, made on the first upload (most runs never upload anything). */
  get directory(): string {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'rmk-uploads-'));
    return this.dir;
  }

  /**
   * Streams the request body into a new temporary file, with backpressure. Past the limit it stops
   * listening, deletes what was written and rejects with «слишком большой»; the caller answers 413
   * and closes the connection, so the rest of the body is never read.
   */
  receive(body: Readable): Promise<{ uploadId: string; size: number }> {
    const id = crypto.randomBytes(16).toString('hex');
    const file = path.join(this.directory, id);
    return new Promise((resolve, reject) => {
      const out = fs.createWriteStream(file, { flags: 'wx' });
      let size = 0;
      let done = false;
      const fail = (err: AppError) => {
        if (done) return;
        done = true;
        body.off('data', onData);
        body.resume();
        // Answer first (the client may still be sending); the partial file goes once closed (Windows
        // will not delete an open file).
        out.once('close', () => fs.rm(file, { force: true }, () => {}));
        out.destroy();
        reject(err);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > this.limits.maxBytes) return fail(tooLarge(this.limits.maxBytes));
        if (!out.write(chunk)) {
          body.pause();
          out.once('drain', () => body.resume());
        }
      };
      body.on('data', onData);
      body.on('end', () => {
        if (!done) out.end();
      });
      // The page went away mid-file: nothing is kept.
      body.on('close', () => {
        if (!body.readableEnded) fail(new AppError('upload_aborted', 'Передача файла прервана: выберите его ещё раз.'));
      });
      body.on('error', () => fail(new AppError('upload_aborted', 'Передача файла прервана: выберите его ещё раз.')));
      out.on('error', (err) =>
        fail(
          fileErrorMessage(err, file, { writing: true }) ??
            new AppError('upload_failed', 'Не удалось сохранить загруженный файл.', { cause: err }),
        ),
      );
      out.on('finish', () => {
        if (done) return;
        done = true;
        this.keep(id, file, size);
        resolve({ uploadId: id, size });
      });
    });
  }

  private keep(id: string, file: string, size: number): void {
    this.files.set(id, { file, size });
    this.total += size;
    for (const old of this.files.keys()) {
      if (this.files.size <= this.limits.maxFiles && this.total <= this.limits.maxTotalBytes) break;
      if (old !== id) this.release(old);
    }
  }

  has(id: string): boolean {
    return this.files.has(id);
  }

  async read(id: string): Promise<Buffer> {
    const entry = this.files.get(id);
    if (!entry) throw new AppError('upload_gone', 'Загруженный файл больше не доступен: выберите его ещё раз.');
    try {
      return await fs.promises.readFile(entry.file);
    } catch (err) {
      throw fileErrorMessage(err, entry.file) ?? err;
    }
  }

  release(id: string): void {
    const entry = this.files.get(id);
    if (!entry) return;
    this.files.delete(id);
    this.total -= entry.size;
    removeQuietly(entry.file);
  }

  /** Deletes every kept file and the folder: the server is closing. */
  close(): void {
    this.files.clear();
    this.total = 0;
    if (this.dir) removeQuietly(this.dir);
    this.dir = null;
  }
}
