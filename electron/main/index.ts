/**
 * The Electron main process: the window, the app:// protocol, IPC wiring. Kept thin on purpose —
 * everything it calls runs and is tested under plain Node (the API, db/, the browser mode).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, net, protocol, session, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { toAppError } from '../../db/errors';
import { rendererDir, resolveDbPath, resourcesDir, userDataDir } from '../paths';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isTrustedAppUrl } from '../security';
import type { Host } from '../api/define';
import { setErrorLogger } from '../api/call';
import { logInternalError } from '../error-log';
import { type Session, startSession } from '../session';
import { registerApiIpc } from './ipc';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let appSession: Session | null = null;
let mainWindow: BrowserWindow | null = null;

// One app per user: a second start hands over to the first window (the lock beside the database
// covers the browser mode and other users' processes).
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();
app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

// Electron would name the data folder after productName («Дорожные карты РМК»); the CLI and the browser
// mode use %APPDATA%\rmk-roadmaps. One folder for all three, decided in ../paths.ts.
app.setPath('userData', userDataDir());

function dbPathFromArgs(): string {
  const i = process.argv.indexOf('--db');
  return resolveDbPath(i >= 0 ? process.argv[i + 1] : undefined);
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

const FILTERS = {
  docx: [{ name: 'Документ Word', extensions: ['docx'] }],
  xlsx: [{ name: 'Книга Excel', extensions: ['xlsx'] }],
  sqlite: [{ name: 'Копия базы данных', extensions: ['sqlite'] }],
  database: [{ name: 'База данных', extensions: ['sqlite', 'sqlite3', 'db'] }],
  png: [{ name: 'Рисунок PNG', extensions: ['png'] }],
};

/** File dialogs and opening files: what only the desktop can do (see Host in electron/api/define.ts). */
function desktopHost(): Host {
  return {
    chooseSavePath: async (defaultPath, kind) => {
      const win = BrowserWindow.getFocusedWindow();
      const filters = FILTERS[kind];
      const options = { title: 'Сохранить файл', defaultPath, filters };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    chooseFolder: async (defaultPath) => {
      const win = BrowserWindow.getFocusedWindow();
      const options = {
        title: 'Папка для форм',
        properties: ['openDirectory' as const, 'createDirectory' as const],
        ...(defaultPath ? { defaultPath } : {}),
      };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
    },
    chooseOpenFile: async (kind) => {
      const win = BrowserWindow.getFocusedWindow();
      const options = {
        title: kind === 'database' ? 'Открыть другую базу' : 'Восстановить из копии',
        properties: ['openFile' as const],
        filters: FILTERS[kind],
      };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
    },
    openPath: async (p) => {
      const err = await shell.openPath(p);
      if (err) throw new Error(err);
    },
    showInFolder: (p) => shell.showItemInFolder(p),
    // The page has laid itself out for print (its @media print pages); the dialog offers the printers and «PDF».
    print: ({ pageSize, landscape }) =>
      new Promise((resolve, reject) => {
        const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
        if (!win) return resolve();
        win.webContents.print({ pageSize, landscape, printBackground: true }, (success, reason) =>
          // «cancelled» is the user's choice, not an error.
          success || reason === 'cancelled' ? resolve() : reject(new Error(`Не удалось напечатать: ${reason}`)),
        );
      }),
  };
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Дорожные карты РМК',
    icon: path.join(resourcesDir(), 'icon.png'),
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
    },
  });
  mainWindow = win;
  win.on('closed', () => (mainWindow = null));
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

/** The only call of shell.openExternal: a URL on the allow-list of electron/security.ts (empty today), else nothing. */
function openExternal(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

app.on('web-contents-created', (_e, contents) => {
  // No navigation away from the app, no new windows, no <webview>; an allowed link opens in the user's browser.
  contents.on('will-navigate', (event, url) => {
    if (isTrustedAppUrl(url)) return;
    event.preventDefault();
    openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(
  async () => {
    if (!primary) return;
    // No camera, microphone, notifications, clipboard reading… neither asked for nor silently checked.
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    // A failed call's cause goes to the error log in the user's data folder, not to a console no one sees.
    setErrorLogger((method, err) => logInternalError(`api ${method}`, err, app.getPath('userData')));
    try {
      appSession = await startSession(
        dbPathFromArgs(),
        { readOnly: process.argv.includes('--read-only') },
        { host: desktopHost(), savedPaths: new Set(), pickedPaths: new Set() },
        { dataDir: app.getPath('userData') },
      );
    } catch (err) {
      dialog.showErrorBox('Дорожные карты РМК', toAppError(err).message);
      app.exit(1);
      return;
    }
    for (const w of appSession.warnings) console.warn(w);
    for (const n of appSession.notices) console.log(n);
    serveApp();
    registerApiIpc(appSession.ctx);
    createWindow();
  },
  (err: unknown) => void logInternalError('startup', err, app.getPath('userData')),
);

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  appSession?.close();
});
