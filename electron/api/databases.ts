/**
 * API of the open database file: which databases were opened recently, «Открыть другую базу…» (the
 * desktop's open dialog, or a path typed in the browser mode), the demo district in its own file, the
 * way back to the user's own database, and the start page's steps.
 */
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../db/errors';
import { firstSteps } from '../../db/first-steps';
import { fillDemo } from '../demo';
import { isRecent, listRecent } from '../databases/recent';
import { type ApiContext, method, noInput, type Workspace } from './define';

function needWorkspace(ctx: ApiContext): Workspace {
  if (!ctx.workspace)
    throw new AppError(
      'no_workspace',
      'Переключать базы данных можно только в окне программы (в настольной программе или в режиме браузера).',
    );
  return ctx.workspace;
}

const DATABASE_EXT = /\.(sqlite3?|db)$/i;

/**
 * Which paths the page may name. The desktop page only those the user picked in this run's dialog or
 * that are in the recent list (a page that went wrong cannot open an arbitrary file); the browser mode
 * has no dialog, so a typed path is accepted once it is a full path to a database file.
 */
function allowedPath(ctx: ApiContext, ws: Workspace, typed: string): string {
  const file = typed.trim();
  if (ctx.host) {
    if (ctx.pickedPaths?.has(file) || isRecent(ws.recentFile, file) || path.resolve(file) === ws.homePath()) return file;
    throw new AppError('unknown_file', 'Этот файл не был выбран в окне «Открыть другую базу…» и его нет в списке недавних баз.');
  }
  if (!path.isAbsolute(file))
    throw new AppError('relative_path', 'Укажите полный путь к файлу базы данных, например C:\\Users\\Методист\\Документы\\рмк.sqlite.');
  if (!DATABASE_EXT.test(file))
    throw new AppError('not_database_name', `«${path.basename(file)}» — не файл базы данных: нужен файл .sqlite.`);
  return file;
}

const state = (ctx: ApiContext) => ({ path: ctx.db.path, readOnly: ctx.db.readOnly, demo: ctx.workspace?.demoPath === ctx.db.path });

export const databasesApi = {
  'app.firstSteps': method(noInput, ({ db }) => firstSteps(db)),
  'app.recentDatabases': method(noInput, (ctx) => ({
    items: ctx.workspace ? listRecent(ctx.workspace.recentFile, ctx.db.path) : [],
    canSwitch: !!ctx.workspace,
    // The desktop shows its open dialog; the browser mode asks for a typed path.
    canPick: !!ctx.host?.chooseOpenFile,
  })),
  /** Desktop: the open dialog; the picked path may then be opened with app.openDatabase. */
  'app.pickDatabase': method(noInput, async (ctx) => {
    needWorkspace(ctx);
    if (!ctx.host?.chooseOpenFile)
      throw new AppError('no_host', 'Выбор файла доступен только в настольной программе: в режиме браузера введите путь к файлу.');
    const chosen = await ctx.host.chooseOpenFile('database');
    if (!chosen) return { cancelled: true as const };
    (ctx.pickedPaths ??= new Set()).add(chosen);
    return { cancelled: false as const, path: chosen };
  }),
  'app.openDatabase': method(
    z.strictObject({ path: z.string().trim().min(1, 'Укажите путь к файлу базы данных').max(4000) }),
    async (ctx, i) => {
      const ws = needWorkspace(ctx);
      await ws.switchTo(allowedPath(ctx, ws, i.path));
      return state(ctx);
    },
  ),
  /** The demo district in its own file (made on first use): the user's database is closed, not written. */
  'app.openDemo': method(noInput, async (ctx) => {
    const ws = needWorkspace(ctx);
    await ws.switchTo(ws.demoPath, { create: true });
    let created = false;
    if (!ctx.db.readOnly && firstSteps(ctx.db).roadmaps === 0) {
      fillDemo(ctx.db);
      created = true;
    }
    return { ...state(ctx), created };
  }),
  'app.returnHome': method(noInput, async (ctx) => {
    const ws = needWorkspace(ctx);
    await ws.switchTo(ws.homePath());
    return state(ctx);
  }),
};
