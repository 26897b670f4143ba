/**
 * API of backups (Настройки → «Резервные копии»): the copies in `backups/` with what is inside them,
 * a copy made now, a copy saved elsewhere (a USB stick) or downloaded in the browser mode, and
 * restoring from a copy — from the list, from a file picked in the desktop dialog, or uploaded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { backupDatabase, backupsDir, copyDatabase, listBackupFiles, parseBackupName, stamp } from '../../db/backup';
import { AppError } from '../../db/errors';
import { countContents, describeCopy, restoreDatabase } from '../../db/restore';
import { type ApiContext, method, noInput, shortText } from './define';
import { fileBytes, releaseUpload, uploadId } from './file-input';
import { needHost, saveThroughHost } from './save';

/** What the page may name as a copy: one in `backups/` by its name, a file picked this run, or an upload. */
const source = z.union([
  z.strictObject({ fileName: shortText }),
  z.strictObject({ path: z.string().max(4000) }),
  // A file the page sends: inline base64 (Electron), or streamed to /upload first (the browser mode: up to 100 MB).
  z.strictObject({
    upload: z.strictObject({ fileName: shortText, base64: z.string().max(60_000_000).optional(), uploadId: uploadId.optional() }),
  }),
]);
type Source = z.output<typeof source>;

function item(file: string) {
  const name = parseBackupName(path.basename(file));
  const contents = countContents(file);
  return {
    fileName: path.basename(file),
    kind: name?.kind ?? 'manual',
    date: name?.date ?? '',
    size: fs.statSync(file).size,
    roadmaps: contents?.roadmaps ?? null,
    measures: contents?.measures ?? null,
  };
}

/** Runs `use` on a file path for the source; an upload lives in a private temporary folder meanwhile. */
async function withSourceFile<T>(ctx: ApiContext, src: Source, use: (file: string) => Promise<T> | T): Promise<T> {
  if ('fileName' in src) {
    const file = path.join(backupsDir(ctx.db.path), src.fileName);
    if (path.basename(src.fileName) !== src.fileName || !parseBackupName(src.fileName) || !fs.existsSync(file))
      throw new AppError('no_backup', `Копии «${src.fileName}» нет в папке резервных копий.`);
    return use(file);
  }
  if ('path' in src) {
    if (!ctx.pickedPaths?.has(src.path))
      throw new AppError('unknown_file', 'Этот файл не был выбран в окне «Восстановить из копии…» в этом сеансе.');
    return use(src.path);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rmk-upload-'));
  try {
    const file = path.join(dir, path.basename(src.upload.fileName) || 'копия.sqlite');
    fs.writeFileSync(file, await fileBytes(ctx, src.upload));
    return await use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A checked copy of the open database, as bytes (for the save dialog and the browser's download). */
async function copyBytes(ctx: ApiContext): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rmk-copy-'));
  try {
    const file = await copyDatabase({ connection: ctx.db.sqlite }, path.join(dir, 'copy.sqlite'));
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const copyFileName = (ctx: ApiContext) =>
  `${path.basename(ctx.db.path).replace(/\.(sqlite3?|db)$/i, '')}-${stamp(new Date())}-копия.sqlite`;

export const backupsApi = {
  'backups.list': method(noInput, ({ db }) => ({ folder: backupsDir(db.path), items: listBackupFiles(db.path).map((b) => item(b.path)) })),
  'backups.create': method(noInput, async ({ db }) => {
    if (db.readOnly)
      throw new AppError(
        'readonly',
        'База открыта только для чтения: копия в папку резервных копий не записывается. Воспользуйтесь «Сохранить копию как…».',
      );
    return item(await backupDatabase(db.sqlite, db.path, 'manual'));
  }),
  'backups.describe': method(z.strictObject({ source }), async (ctx, i) => withSourceFile(ctx, i.source, (file) => describeCopy(file))),
  'backups.restore': method(z.strictObject({ source }), async (ctx, i) =>
    withSourceFile(ctx, i.source, async (file) => {
      const r = await restoreDatabase(ctx.db, file, (db) => (ctx.db = db));
      // The upload was described first and restored now: it has served.
      if ('upload' in i.source) releaseUpload(ctx, i.source.upload);
      return { text: r.restored.text, roadmaps: r.restored.roadmaps, measures: r.restored.measures, replacedBackup: r.replacedBackup };
    }),
  ),
  /** Desktop: the open dialog; the picked path may then be described and restored from. */
  'backups.pick': method(noInput, async (ctx) => {
    const host = needHost(ctx);
    if (!host.chooseOpenFile) throw new AppError('no_host', 'Выбор файла доступен только в настольной программе.');
    const chosen = await host.chooseOpenFile('sqlite');
    if (!chosen) return { cancelled: true as const };
    (ctx.pickedPaths ??= new Set()).add(chosen);
    return { cancelled: false as const, path: chosen };
  }),
  'backups.saveAs': method(noInput, async (ctx) => saveThroughHost(ctx, copyFileName(ctx), 'sqlite', () => copyBytes(ctx))),
  'backups.download': method(noInput, async (ctx) => ({ fileName: copyFileName(ctx), base64: (await copyBytes(ctx)).toString('base64') })),
  'backups.openFolder': method(noInput, async (ctx) => {
    const host = needHost(ctx);
    const dir = backupsDir(ctx.db.path);
    fs.mkdirSync(dir, { recursive: true });
    await host.openPath(dir);
    return null;
  }),
};
