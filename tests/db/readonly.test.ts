/**
 * A read-only database (a write-protected USB stick, a file without write rights) opens for reading:
 * everything can be listed, searched and exported; every write gets a clear Russian message; the
 * file is never changed. Tests run as root, who may write anything, so the forced option is tested
 * in-process, and the real thing in a child process running as an ordinary user on a 0444 file in a
 * 0555 folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import type { ApiContext } from '../../electron/api/define';
import { closeDatabase, openDatabase } from '../../db/open';
import { startSession } from '../../electron/session';
import { fillDemo } from '../../electron/demo';
import { runCli, tempDir } from '../helpers';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The CLI run as an ordinary user. Root ignores file modes, so as root the child runs as «nobody». The
 * checkout may lie in a folder nobody may enter (CI clones into a 0700 temporary folder): for the run,
 * such folders above it get the right to pass through (o+x, not to list or write), and get back their
 * modes after. A normal user runs the CLI as themselves.
 */
function cliAsOrdinaryUser(args: string[]) {
  const run = () => runCli(args, process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {});
  if (process.getuid?.() !== 0) return run();
  const opened: [string, number][] = [];
  for (let dir = ROOT; ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, mode | 0o001);
      opened.push([dir, mode]);
    }
    if (path.dirname(dir) === dir) break;
  }
  try {
    return run();
  } finally {
    for (const [dir, mode] of opened) fs.chmodSync(dir, mode);
  }
}
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function demoFile(): string {
  const file = path.join(tempDir(), 'rmk.sqlite');
  const db = openDatabase(file);
  fillDemo(db);
  closeDatabase(db); // the last connection checkpoints: one file, no -wal
  return file;
}

describe('a database opened read-only', () => {
  it('lists, searches and exports; refuses every write with a Russian message; the file stays byte for byte the same', async () => {
    const file = demoFile();
    const before = sha256(file);
    const db = openDatabase(file, { readOnly: true });
    expect(db.readOnly).toBe(true);
    const saveDir = tempDir();
    const ctx: ApiContext = {
      db,
      host: {
        chooseSavePath: async (p) => path.join(saveDir, path.basename(p)),
        chooseFolder: async () => saveDir,
        openPath: async () => {},
        showInFolder: () => {},
      },
      savedPaths: new Set(),
    };

    expect(await callApi(ctx, 'app.info', undefined)).toMatchObject({ ok: true, value: { readOnly: true, dbPath: file } });
    const roadmaps = await callApi(ctx, 'roadmaps.list', undefined);
    expect(roadmaps.ok && roadmaps.value).toHaveLength(2);
    const found = await callApi(ctx, 'search.measures', { query: 'ВПР' });
    expect(found.ok && (found.value as unknown[]).length).toBeGreaterThan(0);
    // Exports: a download (browser mode) and a file saved through the desktop dialog to another folder.
    expect(await callApi(ctx, 'documents.download', { request: { kind: 'appendix', roadmapId: 1 } })).toMatchObject({ ok: true });
    expect(await callApi(ctx, 'reports.download', { quarter: '2022-Q2', roadmapIds: [] })).toMatchObject({ ok: true });
    const saved = await callApi(ctx, 'documents.save', { request: { kind: 'appendix', roadmapId: 1 } });
    expect(saved).toMatchObject({ ok: true, value: { cancelled: false } });
    expect(fs.readdirSync(saveDir)).toHaveLength(1);
    expect(await callApi(ctx, 'backups.download', undefined)).toMatchObject({ ok: true });

    for (const [m, input] of [
      ['people.create', { fullName: 'Новый' }],
      ['roadmaps.create', { title: 'К', periodStart: '2024-01-01', periodEnd: '2024-12-31' }],
      ['plan.addMeasure', { roadmapId: 1, sectionId: null, index: 0, values: { name: 'М' } }],
      ['execution.set', { measureId: 1, quarter: '2022-Q2', status: 'done' }],
      [
        'settings.setDepartment',
        { fullName: 'Отдел', shortName: 'ОО', headName: 'Грек', headPosition: 'Начальник', town: 'г. Карпинск', coordinatorId: null },
      ],
    ] as const) {
      const r = await callApi(ctx, m, input);
      expect(r, m).toMatchObject({ ok: false, error: { code: 'readonly', message: expect.stringMatching(/только для чтения/) } });
    }
    expect(await callApi(ctx, 'backups.create', undefined)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/только для чтения/) },
    });
    closeDatabase(db);
    expect(sha256(file)).toBe(before);
    // A WAL reader may leave an empty -wal beside the file; nothing was written into it.
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
  });

  it('refuses a read-only file that would need an update, untouched', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const folder = path.join(tempDir(), 'v1');
    fs.cpSync(path.join(ROOT, 'db/migrations'), folder, { recursive: true });
    const journalFile = path.join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries = journal.entries.slice(0, 1);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    closeDatabase(openDatabase(file, { migrationsFolder: folder }));
    const before = sha256(file);
    expect(() => openDatabase(file, { readOnly: true })).toThrow(/доступна только для чтения, а её нужно обновить/);
    expect(sha256(file)).toBe(before);
  });

  it('the start-up opens it without lock, daily copy or temp-file cleaning', async () => {
    const file = demoFile();
    const session = await startSession(file, { readOnly: true });
    expect(session.ctx.db.readOnly).toBe(true);
    expect(session.lock).toBeNull();
    expect(session.dailyBackupPath).toBeNull();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
    session.close();
  });

  it('for real: an ordinary user opens a 0444 file in a 0555 folder, lists it and exports from it; writes are refused', () => {
    const file = demoFile();
    const dir = path.dirname(file);
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rmk-out-'));
    fs.chmodSync(outDir, 0o777);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o555);
    const before = sha256(file);
    const cli = (...args: string[]) => cliAsOrdinaryUser(args);
    try {
      const list = cli('list', '--db', file);
      expect(list.status, list.stderr).toBe(0);
      expect(list.stdout.trim().split('\n')).toHaveLength(2);
      const out = path.join(outDir, 'приложение.docx');
      const exp = cli('export', 'appendix', '--db', file, '--roadmap', '1', '--out', out);
      expect(exp.status, exp.stderr).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(5000);
      const write = cli('demo', '--db', file);
      expect(write.status).toBe(1);
      expect(write.stderr.trim()).toMatch(/[А-Яа-я]/);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(file, 0o644);
    }
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['rmk.sqlite']);
  }, 60_000);

  it('for real: an ordinary user restores from a plain copy of the database file lying in a folder they cannot write', () => {
    // A copy made by hand in Explorer keeps the WAL header: SQLite could not even read it there without a snapshot.
    const onStick = demoFile();
    const stick = path.dirname(onStick);
    fs.chmodSync(onStick, 0o444);
    fs.chmodSync(stick, 0o555);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rmk-work-'));
    fs.chmodSync(work, 0o777);
    const file = path.join(work, 'rmk.sqlite');
    closeDatabase(openDatabase(file));
    fs.chmodSync(file, 0o666);
    const before = sha256(onStick);
    try {
      const r = cliAsOrdinaryUser(['restore', '--db', file, onStick]);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ roadmaps: 2, measures: 38 });
    } finally {
      fs.chmodSync(stick, 0o755);
      fs.chmodSync(onStick, 0o644);
    }
    expect(sha256(onStick)).toBe(before);
    expect(fs.readdirSync(stick)).toEqual(['rmk.sqlite']);
    const db = openDatabase(file, { readOnly: true });
    expect(db.sqlite.prepare('SELECT count(*) FROM measures').pluck().get()).toBe(38);
    closeDatabase(db);
  }, 60_000);
});
