/** Saving a generated file through the desktop's dialog: the last folder remembered, written atomically. */
import path from 'node:path';
import { AppError } from '../../db/errors';
import { getSetting, setSetting } from '../../db/settings';
import { writeFileAtomic } from '../files/write-atomic';
import type { ApiContext, FileKind, Host } from './define';

const LAST_FOLDER = 'lastFolder';

export function needHost(ctx: ApiContext): Host {
  if (!ctx.host) throw new AppError('no_host', 'Это действие доступно только в настольной программе; в режиме браузера файл скачивается.');
  return ctx.host;
}

export function lastFolder(ctx: ApiContext): string | null {
  return getSetting(ctx.db, LAST_FOLDER);
}

/** Asks where to save (starting in the folder used last), writes the file, remembers the folder. */
export async function saveThroughHost(
  ctx: ApiContext,
  fileName: string,
  kind: FileKind,
  render: () => Promise<Buffer>,
): Promise<{ cancelled: true } | { cancelled: false; path: string }> {
  const host = needHost(ctx);
  const folder = lastFolder(ctx);
  const chosen = await host.chooseSavePath(folder ? path.join(folder, fileName) : fileName, kind);
  if (!chosen) return { cancelled: true };
  const ext = `.${kind}`;
  const target = chosen.toLowerCase().endsWith(ext) ? chosen : `${chosen}${ext}`;
  writeFileAtomic(target, await render());
  rememberFolder(ctx, path.dirname(target));
  ctx.savedPaths?.add(target);
  return { cancelled: false, path: target };
}

export function rememberFolder(ctx: ApiContext, folder: string): void {
  // A read-only database still exports to other folders; it just cannot remember which one.
  if (!ctx.db.readOnly) setSetting(ctx.db, LAST_FOLDER, folder);
}
