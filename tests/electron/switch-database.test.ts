/**
 * «Открыть другую базу…», the recent list and the demo district, through the API on a real session
 * (electron/session.ts): the new file is opened with its lock before the old one is let go, a locked,
 * damaged, foreign or missing file is refused with the open database kept, and the demo district lives
 * in its own file — the user's database is not touched by a byte.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, lockPath, readLock } from '../../db/lock';
import { listBackupFiles } from '../../db/backup';
import { closeDatabase, defaultMigrationsFolder, openDatabase } from '../../db/open';
import { createRoadmap, DEFAULT_CAPTIONS } from '../../db/roadmaps';
import { callApi } from '../../electron/api/call';
import type { ApiInput, ApiMethod, ApiOutput } from '../../electron/api/index';
import { RECENT_FILE_NAME, readRecent } from '../../electron/databases/recent';
import { type Session, startSession } from '../../electron/session';
import { tempDir } from '../helpers';

const sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});

/** A database file with one roadmap titled `title`, closed (its WAL folded in). */
function makeDb(file: string, title: string): string {
  const db = openDatabase(file);
  createRoadmap(db, {
    title,
    level: 'municipal',
    schoolId: null,
    periodStart: '2024-01-01',
    periodEnd: '2025-12-31',
    captions: DEFAULT_CAPTIONS,
    autoNumber: true,
    coordinator: '',
    goal: '',
    tasks: '',
    basisDocuments: '',
  });
  closeDatabase(db);
  return file;
}

async function start(dir: string, file: string, ctx: Parameters<typeof startSession>[2] = {}) {
  const s = await startSession(file, {}, ctx, { dataDir: path.join(dir, 'data') });
  sessions.push(s);
  const call = async <K extends ApiMethod>(m: K, input?: ApiInput<K>): Promise<ApiOutput<K>> => {
    const r = await callApi(s.ctx, m, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as ApiOutput<K>;
  };
  const titles = async () => (await call('roadmaps.list')).map((r) => r.title);
  return { s, call, titles };
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening another database', () => {
  it('switches to a good file: its lock taken, the old one released, both in the recent list, newest first', async () => {
    const dir = tempDir();
    const a = makeDb(path.join(dir, 'a.sqlite'), 'Карта А');
    const b = makeDb(path.join(dir, 'Другая папка', 'b.sqlite'), 'Карта Б');
    const { s, call, titles } = await start(dir, a);
    expect(await titles()).toEqual(['Карта А']);

    expect(await call('app.openDatabase', { path: b })).toMatchObject({ path: b, readOnly: false, demo: false });
    expect(await titles()).toEqual(['Карта Б']);
    expect(s.ctx.db.path).toBe(b);
    expect(fs.existsSync(lockPath(a))).toBe(false);
    expect(readLock(b)).toMatchObject({ pid: process.pid });
    // The day's copy is made for the opened file as at a start.
    expect(fs.readdirSync(path.join(dir, 'Другая папка', 'backups')).some((f) => f.endsWith('-daily.sqlite'))).toBe(true);

    const recent = await call('app.recentDatabases');
    expect(recent.items.map((i) => [i.name, i.current, i.exists])).toEqual([
      ['b.sqlite', true, true],
      ['a.sqlite', false, true],
    ]);
    expect((await call('app.info')).homePath).toBe(b);

    // Back through the list: the same file goes to the top, once.
    await call('app.openDatabase', { path: a });
    expect(await titles()).toEqual(['Карта А']);
    expect((await call('app.recentDatabases')).items.map((i) => i.name)).toEqual(['a.sqlite', 'b.sqlite']);
    s.close();
    sessions.length = 0;
    expect(fs.existsSync(lockPath(a))).toBe(false);
    expect(fs.existsSync(lockPath(b))).toBe(false);
  });

  it('refuses a locked, damaged, foreign, empty or missing file in Russian and keeps the open database', async () => {
    const dir = tempDir();
    const a = makeDb(path.join(dir, 'a.sqlite'), 'Карта А');
    const locked = makeDb(path.join(dir, 'locked.sqlite'), 'Чужая');
    const damaged = path.join(dir, 'damaged.sqlite');
    fs.writeFileSync(damaged, Buffer.concat([Buffer.from('SQLite format 3\0'), crypto.randomBytes(8192)]));
    const foreign = path.join(dir, 'foreign.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (1)');
    f.close();
    const empty = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    const other = acquireLock(locked);
    const before = { damaged: sha(damaged), foreign: sha(foreign) };
    const { s, call, titles } = await start(dir, a);
    try {
      const refusals: [string, RegExp][] = [
        [locked, /уже открыта в другом окне программы/],
        [damaged, /не является базой данных программы «Дорожные карты РМК» или повреждён/],
        [foreign, /база данных другой программы/],
        [empty, /пуст/],
        [path.join(dir, 'нет такого.sqlite'), /не найден/],
      ];
      for (const [file, message] of refusals) {
        const r = await callApi(s.ctx, 'app.openDatabase', { path: file });
        expect(r.ok, file).toBe(false);
        if (!r.ok) expect(r.error.message).toMatch(message);
        expect(s.ctx.db.path).toBe(a);
        expect(await titles()).toEqual(['Карта А']);
        expect(readLock(a)).toMatchObject({ pid: process.pid });
      }
      // The lock of the locked file is still the other holder's; nothing was written into the refused files.
      expect(readLock(locked)?.startedAt).toBe(other.info.startedAt);
      expect({ damaged: sha(damaged), foreign: sha(foreign) }).toEqual(before);
      expect(fs.existsSync(lockPath(damaged))).toBe(false);
      expect((await call('app.recentDatabases')).items.map((i) => i.name)).toEqual(['a.sqlite']);
    } finally {
      other.release();
    }
  });

  it('in the browser mode wants a full path to a .sqlite file; on the desktop only a picked or recent one', async () => {
    const dir = tempDir();
    const a = makeDb(path.join(dir, 'a.sqlite'), 'Карта А');
    const b = makeDb(path.join(dir, 'b.sqlite'), 'Карта Б');
    const web = await start(dir, a);
    await expect(web.call('app.openDatabase', { path: 'b.sqlite' })).rejects.toThrow(/полный путь/);
    await expect(web.call('app.openDatabase', { path: path.join(dir, 'b.txt') })).rejects.toThrow(/не файл базы данных/);
    await expect(web.call('app.pickDatabase')).rejects.toThrow(/введите путь/);
    web.s.close();
    sessions.length = 0;

    let offered: string | null = b;
    const host = {
      chooseSavePath: async () => null,
      chooseFolder: async () => null,
      openPath: async () => {},
      showInFolder: () => {},
      chooseOpenFile: async () => offered,
    };
    const desk = await start(tempDir(), a, { host, pickedPaths: new Set() });
    expect((await desk.call('app.recentDatabases')).canPick).toBe(true);
    await expect(desk.call('app.openDatabase', { path: b })).rejects.toThrow(/не был выбран/);
    expect(desk.s.ctx.db.path).toBe(a);
    expect(await desk.call('app.pickDatabase')).toEqual({ cancelled: false, path: b });
    await desk.call('app.openDatabase', { path: b });
    expect(await desk.titles()).toEqual(['Карта Б']);
    // Now in the recent list, a is allowed again without the dialog.
    await desk.call('app.openDatabase', { path: a });
    expect(await desk.titles()).toEqual(['Карта А']);
    offered = null;
    expect(await desk.call('app.pickDatabase')).toEqual({ cancelled: true });
  });

  it('updates a database made by an older version on switching, with the copy before the update, as at a start', async () => {
    const dir = tempDir();
    const a = makeDb(path.join(dir, 'a.sqlite'), 'Карта А');
    // The first migration only: the file an older version of the app left.
    const v1 = path.join(dir, 'v1');
    fs.cpSync(defaultMigrationsFolder(), v1, { recursive: true });
    const journalFile = path.join(v1, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries = journal.entries.slice(0, 1);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const old = path.join(dir, 'old.sqlite');
    const o = openDatabase(old, { migrationsFolder: v1 });
    o.sqlite.exec(
      "INSERT INTO roadmaps (id, title, period_start, period_end, captions) VALUES (1, 'Старая карта', '2022-01-01', '2022-12-31', '{}')",
    );
    closeDatabase(o);

    const { s, titles } = await start(dir, a);
    await expect(callApi(s.ctx, 'app.openDatabase', { path: old })).resolves.toMatchObject({ ok: true });
    expect(await titles()).toEqual(['Старая карта']);
    expect(s.ctx.db.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(
      fs.readdirSync(defaultMigrationsFolder()).filter((f) => f.endsWith('.sql')).length,
    );
    expect(
      listBackupFiles(old)
        .map((b) => b.kind)
        .sort(),
    ).toEqual(['before-migration', 'daily']);
  });
});

describe('the recent list', () => {
  it('keeps ten, most recent first, marks a vanished file, survives a garbled file, and is written atomically', async () => {
    const dir = tempDir();
    const files = Array.from({ length: 12 }, (_, i) => makeDb(path.join(dir, `db${i + 1}.sqlite`), `Карта ${i + 1}`));
    const { call } = await start(dir, files[0]!);
    for (const f of files.slice(1)) await call('app.openDatabase', { path: f });
    const names = (await call('app.recentDatabases')).items.map((i) => i.name);
    expect(names).toEqual(['db12', 'db11', 'db10', 'db9', 'db8', 'db7', 'db6', 'db5', 'db4', 'db3'].map((n) => `${n}.sqlite`));

    const recentFile = path.join(dir, 'data', RECENT_FILE_NAME);
    // Only the list itself in the data folder: no temporary file left beside it by the atomic writes.
    expect(fs.readdirSync(path.join(dir, 'data'))).toEqual([RECENT_FILE_NAME]);
    expect(readRecent(recentFile)).toHaveLength(10);

    fs.rmSync(files[5]!);
    const items = (await call('app.recentDatabases')).items;
    expect(items.find((i) => i.name === 'db6.sqlite')).toMatchObject({ exists: false, current: false });
    expect(items.filter((i) => !i.exists)).toHaveLength(1);
    await expect(call('app.openDatabase', { path: files[5]! })).rejects.toThrow(/не найден/);

    fs.writeFileSync(recentFile, '{ это не JSON');
    expect((await call('app.recentDatabases')).items).toEqual([]);
    await call('app.openDatabase', { path: files[2]! });
    expect((await call('app.recentDatabases')).items.map((i) => i.name)).toEqual(['db3.sqlite']);
    expect(JSON.parse(fs.readFileSync(recentFile, 'utf8')).items).toHaveLength(1);
  });
});

describe('the demo district', () => {
  it('is made in its own file and opened there; the user database stays byte for byte as it was; back to it', async () => {
    const dir = tempDir();
    const mine = makeDb(path.join(dir, 'моя.sqlite'), 'Моя карта');
    const before = sha(mine);
    const { s, call, titles } = await start(dir, mine);
    expect(await call('app.firstSteps')).toMatchObject({ roadmaps: 1, empty: false });

    const demo = await call('app.openDemo');
    expect(demo).toMatchObject({ demo: true, created: true });
    expect(demo.path).toBe(path.join(dir, 'data', 'demo', 'Демонстрационный район.sqlite'));
    expect((await titles()).length).toBeGreaterThan(1);
    expect(await titles()).not.toContain('Моя карта');
    expect((await call('app.info')).demo).toBe(true);
    expect((await call('app.info')).homePath).toBe(mine);
    // The user's file, closed now, is untouched and free; the demo is not put into the recent list.
    expect(sha(mine)).toBe(before);
    expect(fs.existsSync(lockPath(mine))).toBe(false);
    expect((await call('app.recentDatabases')).items.map((i) => i.name)).toEqual(['моя.sqlite']);

    expect(await call('app.returnHome')).toMatchObject({ path: mine, demo: false });
    expect(await titles()).toEqual(['Моя карта']);
    expect((await call('app.info')).demo).toBe(false);

    // The second time the demo file is reused as it is (the methodist's tries in it kept).
    const again = await call('app.openDemo');
    expect(again.created).toBe(false);
    expect(s.ctx.db.path).toBe(demo.path);
  });

  it('is not available without a session that can switch (the CLI, a bare API)', async () => {
    const db = openDatabase(path.join(tempDir(), 'x.sqlite'));
    try {
      const r = await callApi({ db }, 'app.openDemo', undefined);
      expect(r).toMatchObject({ ok: false, error: { code: 'no_workspace' } });
      expect((await callApi({ db }, 'app.recentDatabases', undefined)) as unknown).toMatchObject({
        ok: true,
        value: { items: [], canSwitch: false },
      });
      expect(await callApi({ db }, 'app.firstSteps', undefined)).toMatchObject({
        ok: true,
        value: { settings: false, schools: 0, roadmaps: 0, empty: true },
      });
    } finally {
      closeDatabase(db);
    }
  });
});
