/** `backup` and `restore` on the command line, as real processes: what they print, what they keep, what they refuse. */
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackupFiles } from '../../db/backup';
import { registerSqlFunctions } from '../../db/sql-functions';
import { runCli, tempDir } from '../helpers';

function cli(...args: string[]) {
  const r = runCli(args);
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('cli backup and restore', () => {
  const db = path.join(tempDir(), 'rmk.sqlite');
  const out = path.join(tempDir(), 'на флешку.sqlite');

  it('backup --out writes a checked copy and says what is inside', () => {
    expect(cli('demo', '--db', db).code).toBe(0);
    const r = cli('backup', '--db', db, '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ out, bytes: fs.statSync(out).size, roadmaps: 2, measures: 38 });
  });

  it('restore brings the copy back, prints what it restored, and keeps the replaced file in backups/', () => {
    const zeya = JSON.parse(cli('list', '--db', db).out.trim().split('\n').at(-1)!) as { id: number };
    const dumpBefore = cli('dump', '--db', db, '--roadmap', String(zeya.id)).out;
    const s = new Database(db);
    // The triggers keeping the search text call the app's fold().
    registerSqlFunctions(s);
    s.prepare("UPDATE measures SET name = 'Изменено после копии' WHERE roadmap_id = ?").run(zeya.id);
    s.close();
    expect(cli('dump', '--db', db, '--roadmap', String(zeya.id)).out).not.toBe(dumpBefore);

    const r = cli('restore', '--db', db, out);
    expect(r.code, r.err).toBe(0);
    const printed = JSON.parse(r.out);
    expect(printed).toMatchObject({
      restored: out,
      roadmaps: 2,
      measures: 38,
      text: expect.stringMatching(/^В копии от \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}: 2 дорожные карты, 38 мероприятий$/),
    });
    expect(cli('dump', '--db', db, '--roadmap', String(zeya.id)).out).toBe(dumpBefore);
    expect(listBackupFiles(db).map((b) => b.path)).toContain(printed.replacedBackup);
  });

  it('refuses a damaged copy with one Russian line and exit code 1, the database unchanged', () => {
    const damaged = path.join(tempDir(), 'битая.sqlite');
    const bytes = fs.readFileSync(out);
    bytes.fill(0x33, 4096 * 2, 4096 * 30);
    fs.writeFileSync(damaged, bytes);
    const before = sha256(db);
    const r = cli('restore', '--db', db, damaged);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      expect.stringMatching(/^Файл «битая\.sqlite» (повреждён|не является базой данных программы)/),
    ]);
    expect(sha256(db)).toBe(before);
    expect(cli('restore', '--db', db).err).toMatch(/Укажите один файл копии/);
  });
});
