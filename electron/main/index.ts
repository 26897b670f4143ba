/**
 * The Electron main process: the window, the app:// protocol, IPC wiring. Kept thin on purpose —
 * everything it calls runs and is tested under plain Node (the API, db/, the browser mode).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, net, protocol, session, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { toAppError } from '../../db/errors';
import { closeDatabase, type Db, openDatabase } from '../../db/open';
import { rendererDir } from '../paths';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, isTrustedAppUrl } from '../security';
import type { Host } from '../api/define';
import { registerApiIpc } from './ipc';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let db: Db | null = null;

function dbPathFromArgs(): string {
  const i = process.argv.indexOf('--db');
  const flag = i >= 0 ? process.argv[i + 1] : undefined;
  return path.resolve(flag ?? process.env.RMK_DB ?? path.join(app.getPath('userData'), 'rmk.sqlite'));
}

function serveApp(): void {
  const root = path.resolve(rendererDir());
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'rmk') return new Response('Forbidden', { status: 403 });
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) return new Response('Forbidden', { status: 403 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(res.body, { status: res.status, headers });
  });
}

/** File dialogs and opening files: what only the desktop can do (see Host in electron/api/define.ts). */
function desktopHost(): Host {
  return {
    chooseSavePath: async (defaultPath, kind) => {
      const win = BrowserWindow.getFocusedWindow();
      const filters = kind === 'docx' ? [{ name: 'Документ Word', extensions: ['docx'] }] : [{ name: 'Книга Excel', extensions: ['xlsx'] }];
      const options = { title: 'Сохранить файл', defaultPath, filters };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    chooseFolder: async (defaultPath) => {
      const win = BrowserWindow.getFocusedWindow();
      const options = { title: 'Папка для форм', properties: ['openDirectory' as const, 'createDirectory' as const], ...(defaultPath ? { defaultPath } : {}) };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
    },
    openPath: async (p) => {
      const err = await shell.openPath(p);
      if (err) throw new Error(err);
    },
    showInFolder: (p) => shell.showItemInFolder(p),
  };
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Дорожные карты РМК',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The page refuses to unload while a form has unsaved changes (renderer/src/unsaved.tsx); Electron
  // would then silently keep the window open, so ask here. «Сохранить» is the page's own button.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      title: 'Дорожные карты РМК',
      message: 'Сохранить изменения?',
      detail: 'В открытой форме есть несохранённые изменения. Закройте окно без них или вернитесь и нажмите «Сохранить».',
      buttons: ['Не сохранять', 'Отмена'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice === 0) event.preventDefault();
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_e, contents) => {
  // No navigation away from the app and no new windows; external links open in the user's browser.
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(
  () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    try {
      db = openDatabase(dbPathFromArgs());
    } catch (err) {
      dialog.showErrorBox('Дорожные карты РМК', toAppError(err).message);
      app.exit(1);
      return;
    }
    serveApp();
    registerApiIpc({ db, host: desktopHost(), savedPaths: new Set() });
    createWindow();
  },
  (err: unknown) => console.error(err),
);

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  if (db) closeDatabase(db);
});
