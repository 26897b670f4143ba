/**
 * The start-up both the desktop app and the browser mode use (electron/session.ts): the lock beside
 * the file, temporary files of killed copies removed, the day's automatic copy made once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsDir, listBackupFiles } from '../db/backup';
import { lockPath, readLock } from '../db/lock';
import { startSession } from '../electron/session';
import { tempDir } from './helpers';

describe('starting the app on a database', () => {
  it('takes the lock, removes orphaned temporary copies, makes one daily copy a day, and lets go on close', async () => {
    const file = path.join(tempDir(), 'rmk.sqlite');
    fs.mkdirSync(backupsDir(file));
    const orphan = path.join(backupsDir(file), '.rmk-2025-01-01_10-00-00-daily.sqlite.abcdef012345.partial');
    fs.writeFileSync(orphan, '');

    const first = await startSession(file);
    expect(readLock(file)).toMatchObject({ pid: process.pid });
    expect(fs.existsSync(orphan)).toBe(false);
    expect(first.dailyBackupPath).not.toBeNull();
    expect(listBackupFiles(file).map((b) => b.kind)).toEqual(['daily']);
    // A second opener of the same file is refused while the first holds it.
    await expect(startSession(file)).rejects.toThrow(/Эта база уже открыта в другом окне программы \(процесс \d+/);
    first.close();
    expect(fs.existsSync(lockPath(file))).toBe(false);

    const again = await startSession(file);
    expect(again.dailyBackupPath).toBeNull();
    expect(listBackupFiles(file)).toHaveLength(1);
    again.close();
  });

  it('starts on a fresh computer, where the data folder does not exist yet, with a writable database', async () => {
    const file = path.join(tempDir(), 'AppData', 'Roaming', 'rmk-roadmaps', 'rmk.sqlite');
    const s = await startSession(file);
    expect(s.ctx.db.readOnly).toBeFalsy();
    expect(fs.existsSync(file)).toBe(true);
    expect(readLock(file)).toMatchObject({ pid: process.pid });
    s.close();
  });
});
