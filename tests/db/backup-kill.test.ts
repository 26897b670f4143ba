/**
 * A process killed with SIGKILL while it copies the database — on its own or before a migration —
 * leaves no file under a good name that is not a complete, sound copy; what it left behind is
 * removed at the next start, and the database itself is as it was.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsDir, integrityProblems, listBackupFiles, parseBackupName, removeOrphans } from '../../db/backup';
import { closeDatabase, defaultMigrationsFolder, inspect, openDatabase } from '../../db/open';
import { tempDir } from '../helpers';

const ROOT = path.resolve(__dirname, '../..');

/** A database of about 20 MB, so that copying it takes long enough to be caught half-way. */
function bigDb(): string {
  const file = path.join(tempDir(), 'big.sqlite');
  const db = openDatabase(file);
  const insert = db.sqlite.prepare('INSERT INTO people (full_name, position) VALUES (?, ?)');
  db.sqlite.transaction(() => {
    for (let i = 0; i < 80_000; i++) insert.run(`Сотрудник ${i}`, 'методист '.repeat(25) + i);
  })();
  closeDatabase(db);
  return file;
}

function nextVersion(sql: string): string {
  const folder = path.join(tempDir(), 'migrations');
  fs.cpSync(defaultMigrationsFolder(), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string }[] };
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_slow' });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, '9999_slow.sql'), sql);
  return folder;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Starts the child, waits for `ready`, then kills it with SIGKILL as soon as `when()` holds. */
async function killWhen(args: string[], when: () => boolean): Promise<{ signal: NodeJS.Signals | null; out: string }> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(__dirname, 'copy-child.ts'), ...args],
    { cwd: ROOT },
  );
  let out = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ready')) resolve();
    });
    child.on('exit', () => reject(new Error(`child ended before ready: ${out}`)));
  });
  // Polled synchronously: the copy runs in the other process, this one only watches the folder.
  const deadline = Date.now() + 30_000;
  while (!when() && Date.now() < deadline) sleep(1);
  child.kill('SIGKILL');
  return { signal: await exited, out };
}

const partials = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.includes('.partial')) : []);

/** Every file under a good name in backups/ passes integrity_check. */
function goodNamesAreSound(file: string): void {
  for (const n of fs.readdirSync(backupsDir(file)).filter((x) => parseBackupName(x)))
    expect(integrityProblems(path.join(backupsDir(file), n)), n).toBeNull();
}

describe('a copy killed half-way', () => {
  it('by SIGKILL during a backup leaves only a temporary file, removed at the next start', async () => {
    const file = bigDb();
    const dir = backupsDir(file);
    const r = await killWhen(['backup', file], () => partials(dir).length > 0);
    expect(r.signal).toBe('SIGKILL');
    expect(r.out).not.toContain('done');
    expect(partials(dir).length).toBeGreaterThan(0);
    expect(listBackupFiles(file)).toEqual([]);
    goodNamesAreSound(file);
    expect(integrityProblems(file)).toBeNull();
    removeOrphans(file);
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 90_000);

  it('by SIGKILL during the copy before a migration leaves no good-looking copy and the database at its old version', async () => {
    const file = bigDb();
    const appliedBefore = inspect(file).applied.length;
    const folder = nextVersion("UPDATE people SET position = position || ' (обновлено)';");
    const r = await killWhen(['migrate', file, folder], () => partials(backupsDir(file)).length > 0);
    expect(r.signal).toBe('SIGKILL');
    expect(r.out).not.toContain('done');
    expect(fs.readdirSync(backupsDir(file)).filter((n) => parseBackupName(n))).toEqual([]);
    expect(inspect(file).applied).toHaveLength(appliedBefore);
    expect(integrityProblems(file)).toBeNull();
    // The next start cleans up and migrates normally, with a sound copy first.
    removeOrphans(file);
    const db = openDatabase(file, { migrationsFolder: folder });
    expect(db.backupPath).not.toBeNull();
    expect(integrityProblems(db.backupPath!)).toBeNull();
    expect(partials(backupsDir(file))).toEqual([]);
    closeDatabase(db);
  }, 90_000);

  it('by SIGKILL during the migration itself leaves a sound copy and the database at its old version', async () => {
    const file = bigDb();
    const appliedBefore = inspect(file).applied.length;
    const folder = nextVersion(
      "UPDATE people SET position = position || ' (обновлено)';--> statement-breakpoint\nUPDATE people SET full_name = full_name || ' ';",
    );
    const good = () => fs.existsSync(backupsDir(file)) && fs.readdirSync(backupsDir(file)).some((n) => parseBackupName(n));
    const r = await killWhen(['migrate', file, folder], good);
    expect(r.signal).toBe('SIGKILL');
    expect(r.out).not.toContain('done');
    goodNamesAreSound(file);
    expect(listBackupFiles(file).map((b) => b.kind)).toEqual(['before-migration']);
    expect(inspect(file).applied).toHaveLength(appliedBefore);
    expect(integrityProblems(file)).toBeNull();
  }, 90_000);
});
