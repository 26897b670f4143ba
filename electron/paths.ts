/** Where things live on disk: the app's own folder (resources, the built UI) and the default database. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The folder holding package.json: the repository under tsx, the app.asar root when packaged. */
export function appRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

export const resourcesDir = (): string => path.join(appRoot(), 'resources');
export const rendererDir = (): string => path.join(appRoot(), 'dist', 'renderer');

/** The user's data folder as Electron would name it for this app (%APPDATA%\rmk-roadmaps on Windows). */
export function userDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'rmk-roadmaps');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'rmk-roadmaps');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'rmk-roadmaps');
}

/** `--db` flag, else the RMK_DB environment variable, else the user's data folder. */
export function resolveDbPath(flag?: string): string {
  return path.resolve(flag ?? process.env.RMK_DB ?? path.join(userDataDir(), 'rmk.sqlite'));
}
