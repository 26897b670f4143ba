/**
 * «Резервные копии» through the one API door, as the settings screen uses it: the list with what is
 * inside each copy, a copy made now, saved through the desktop's dialog or downloaded, and a restore
 * from the list, from a picked file or from an upload that replaces the database behind the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import type { ApiContext, Host } from '../../electron/api/define';
import type { ApiMethod } from '../../electron/api/index';
import { integrityProblems } from '../../db/backup';
import { closeDatabase, openDatabase } from '../../db/open';
import { fillDemo } from '../../electron/demo';
import { tempDir } from '../helpers';

function setup() {
  const db = openDatabase(path.join(tempDir(), 'rmk.sqlite'));
  fillDemo(db);
  const saveDir = tempDir();
  const opened: string[] = [];
  let toPick: string | null = null;
  const host: Host = {
    chooseSavePath: async (p) => path.join(saveDir, path.basename(p)),
    chooseFolder: async () => saveDir,
    openPath: async (p) => void opened.push(p),
    showInFolder: () => {},
    chooseOpenFile: async () => toPick,
  };
  const ctx: ApiContext = { db, host, savedPaths: new Set(), pickedPaths: new Set() };
  const call = async (m: ApiMethod, input?: unknown) => {
    const r = await callApi(ctx, m, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as never;
  };
  return { ctx, call, saveDir, opened, pick: (p: string | null) => (toPick = p) };
}

const count = (ctx: ApiContext, table: string) => ctx.db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('backups through the API', () => {
  it('lists copies with date, kind, size and what is inside; makes one now', async () => {
    const { ctx, call } = setup();
    expect(await call('backups.list')).toMatchObject({ folder: path.join(path.dirname(ctx.db.path), 'backups'), items: [] });
    const made = (await call('backups.create')) as { fileName: string };
    const list = (await call('backups.list')) as { items: unknown[] };
    expect(list.items).toEqual([
      {
        fileName: made.fileName,
        kind: 'manual',
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
        size: expect.any(Number),
        roadmaps: 2,
        measures: 38,
      },
    ]);
    closeDatabase(ctx.db);
  });

  it('restores from a copy in the list: the API answers from the restored database at once', async () => {
    const { ctx, call } = setup();
    const made = (await call('backups.create')) as { fileName: string };
    const first = ctx.db;
    await call('people.create', { fullName: 'Появилась после копии' });
    expect(await call('backups.describe', { source: { fileName: made.fileName } })).toMatchObject({
      roadmaps: 2,
      measures: 38,
      text: expect.stringMatching(/^В копии от .*: 2 дорожные карты, 38 мероприятий$/),
    });
    const r = (await call('backups.restore', { source: { fileName: made.fileName } })) as { replacedBackup: string; text: string };
    expect(ctx.db).not.toBe(first);
    expect(first.sqlite.open).toBe(false);
    const people = (await call('people.list')) as { fullName: string }[];
    expect(people.map((p) => p.fullName)).not.toContain('Появилась после копии');
    expect(fs.existsSync(r.replacedBackup)).toBe(true);
    // The list now holds both: the copy restored from and the copy of what was replaced.
    expect(((await call('backups.list')) as { items: { kind: string }[] }).items.map((i) => i.kind).sort()).toEqual([
      'before-restore',
      'manual',
    ]);
    closeDatabase(ctx.db);
  });

  it('refuses a name that is not a copy in the folder, a path nobody picked, and a damaged upload — changing nothing', async () => {
    const { ctx } = setup();
    const file = ctx.db.path;
    for (const source of [
      { fileName: '../rmk.sqlite' },
      { fileName: 'rmk-2020-01-01_00-00-00-manual.sqlite' },
      { path: file },
      { upload: { fileName: 'битая.sqlite', base64: Buffer.from('SQLite format 3\u0000 и дальше мусор'.repeat(100)).toString('base64') } },
    ]) {
      const r = await callApi(ctx, 'backups.restore', { source });
      expect(r.ok, JSON.stringify(source)).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/[А-Яа-я]/);
    }
    expect(ctx.db.sqlite.open).toBe(true);
    expect(count(ctx, 'measures')).toBe(38);
    closeDatabase(ctx.db);
  });

  it('desktop: saves a copy through the save dialog, restores from a picked file, opens the folder', async () => {
    const { ctx, call, saveDir, opened, pick } = setup();
    const saved = (await call('backups.saveAs')) as { cancelled: boolean; path: string };
    expect(saved.cancelled).toBe(false);
    expect(path.dirname(saved.path)).toBe(saveDir);
    expect(saved.path).toMatch(/\.sqlite$/);
    expect(integrityProblems(saved.path)).toBeNull();

    const onStick = path.join(tempDir(), 'с флешки.sqlite');
    fs.copyFileSync(saved.path, onStick);
    const s = new Database(onStick);
    s.prepare("UPDATE roadmaps SET title = 'С флешки' WHERE id = 1").run();
    s.close();
    pick(null);
    expect(await call('backups.pick')).toEqual({ cancelled: true });
    pick(onStick);
    expect(await call('backups.pick')).toEqual({ cancelled: false, path: onStick });
    expect(await call('backups.describe', { source: { path: onStick } })).toMatchObject({ roadmaps: 2 });
    await call('backups.restore', { source: { path: onStick } });
    expect(ctx.db.sqlite.prepare('SELECT title FROM roadmaps WHERE id = 1').pluck().get()).toBe('С флешки');

    await call('backups.openFolder');
    expect(opened).toEqual([path.join(path.dirname(ctx.db.path), 'backups')]);
    closeDatabase(ctx.db);
  });

  it('browser mode: downloads a sound copy, restores from an upload; the desktop-only methods say so', async () => {
    const { ctx, call } = setup();
    const dl = (await call('backups.download')) as { fileName: string; base64: string };
    expect(dl.fileName).toMatch(/^rmk-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-копия\.sqlite$/);
    const copy = path.join(tempDir(), 'download.sqlite');
    fs.writeFileSync(copy, Buffer.from(dl.base64, 'base64'));
    expect(integrityProblems(copy)).toBeNull();

    await call('people.create', { fullName: 'После копии' });
    expect(count(ctx, 'people')).toBe(10);
    await call('backups.restore', { source: { upload: { fileName: dl.fileName, base64: dl.base64 } } });
    expect(count(ctx, 'people')).toBe(9);

    const web: ApiContext = { db: ctx.db };
    for (const m of ['backups.saveAs', 'backups.pick', 'backups.openFolder'] as ApiMethod[])
      expect(await callApi(web, m, undefined)).toMatchObject({ ok: false, error: { code: 'no_host' } });
    closeDatabase(ctx.db);
  });
});
