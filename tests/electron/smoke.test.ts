/**
 * The smoke test of the real desktop app: Electron's window, the preload, the IPC path, the save dialog
 * and the single-instance lock — everything the Node and Chromium tests cannot reach.
 *
 * It runs where an Electron binary exists:
 *  - the packaged build: RMK_ELECTRON_APP=path\to\win-unpacked\«Дорожные карты РМК.exe» (the Windows
 *    workflow, .github/workflows/windows.yml, sets it after `npm run dist`);
 *  - the development build: node_modules/electron with its binary downloaded (`npm run build` first).
 * On our machines Electron cannot be downloaded, so it is skipped with a message; it is type-checked.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

interface Target {
  executablePath: string;
  args: string[];
}

function findTarget(): Target | null {
  const packaged = process.env.RMK_ELECTRON_APP;
  if (packaged) return fs.existsSync(packaged) ? { executablePath: packaged, args: [] } : null;
  const pathTxt = path.join(root, 'node_modules/electron/path.txt');
  if (!fs.existsSync(pathTxt)) return null;
  const bin = path.join(root, 'node_modules/electron/dist', fs.readFileSync(pathTxt, 'utf8').trim());
  const built =
    fs.existsSync(path.join(root, 'dist/node/electron/main/index.js')) && fs.existsSync(path.join(root, 'dist/renderer/index.html'));
  return fs.existsSync(bin) && built ? { executablePath: bin, args: [root] } : null;
}

const target = findTarget();
if (!target)
  console.log(
    'Проверка настольной программы пропущена: нет Electron (RMK_ELECTRON_APP не задан, а node_modules/electron без скачанного файла или `npm run build` не выполнен).',
  );

describe.skipIf(!target)('the packaged desktop app', () => {
  // The user's data folder is redirected to a temporary one: %APPDATA% on Windows, XDG_CONFIG_HOME on Linux.
  const appData = fs.mkdtempSync(path.join(os.tmpdir(), 'rmk-electron-'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), APPDATA: appData, XDG_CONFIG_HOME: appData };
  delete env.RMK_DB;
  const dbFile = path.join(appData, 'rmk-roadmaps', 'rmk.sqlite');
  let app: ElectronApplication;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await _electron.launch({ executablePath: target!.executablePath, args: target!.args, env, timeout: 60_000 });
    page = await app.firstWindow();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.getByText('Дорожные карты', { exact: true }).first().waitFor({ timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  });

  it('opens its window with the version in the title and no page errors', async () => {
    const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    await expect.poll(() => page.title()).toBe(`Дорожные карты РМК ${version}`);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('keeps its database in the user data folder (%APPDATA%\\rmk-roadmaps)', () => {
    expect(fs.existsSync(dbFile)).toBe(true);
  });

  it('creates a roadmap and writes its DOCX appendix through IPC and the (stubbed) save dialog', async () => {
    const out = path.join(appData, 'Приложение.docx');
    await app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as unknown as typeof dialog.showSaveDialog;
    }, out);
    const result = await page.evaluate(async () => {
      // The preload's one function (electron/preload/index.ts): the same door the UI uses.
      const { invoke } = (window as unknown as { rmk: { invoke: (m: string, i: unknown) => Promise<unknown> } }).rmk;
      const created = (await invoke('roadmaps.create', {
        title: 'Дорожная карта проверки',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
      })) as {
        ok: boolean;
        value: { id: number };
      };
      if (!created.ok) return created;
      return invoke('documents.save', { request: { kind: 'appendix', roadmapId: created.value.id } });
    });
    expect(result).toMatchObject({ ok: true, value: { cancelled: false, path: out } });
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a second start focuses the first window instead of opening another', async () => {
    const second = spawn(target!.executablePath, target!.args, { env, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        second.kill();
        reject(new Error('the second instance did not exit within 30 s'));
      }, 30_000);
      second.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(0);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())).toBe(true);
  });
});
