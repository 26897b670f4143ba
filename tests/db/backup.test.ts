/**
 * Backups and restore as the methodist relies on them: every copy is a checked, complete file under
 * its good name; a restore brings back exactly what the copy held; a bad copy is refused with the
 * current database byte for byte untouched.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  backupDatabase,
  backupsDir,
  copyDatabase,
  DAILY_KEPT,
  dailyBackup,
  integrityProblems,
  listBackupFiles,
  parseBackupName,
  removeOrphans,
} from '../../db/backup';
import { dumpRoadmap } from '../../db/dump';
import { closeDatabase, type Db, defaultMigrationsFolder, openDatabase } from '../../db/open';
import { describeCopy, restoreDatabase } from '../../db/restore';
import { fillDemo } from '../../electron/demo';
import { apiOf, snapshotAll, tempDir } from '../helpers';

const sha256 = (file: string) => (fs.existsSync(file) ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'absent');
/** The database file and its WAL: together they are "the current database". */
const fingerprint = (file: string) => [sha256(file), sha256(`${file}-wal`)];
const dumps = (db: Db) =>
  (db.sqlite.prepare('SELECT id FROM roadmaps ORDER BY id').pluck().all() as number[]).map((id) => dumpRoadmap(db, id));

function demoDb(): Db {
  const db = openDatabase(path.join(tempDir(), 'rmk.sqlite'));
  fillDemo(db);
  return db;
}

/** The migrations of the app's first version only (migration 0000): a copy "from an older version". */
function firstVersionFolder(): string {
  const folder = path.join(tempDir(), 'v1');
  fs.cpSync(defaultMigrationsFolder(), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, 1);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('copies in backups/', () => {
  it('writes a checked single-file copy under a dated name, with nothing else left beside it', async () => {
    const db = demoDb();
    const made = await backupDatabase(db.sqlite, db.path, 'manual', {});
    expect(path.dirname(made)).toBe(backupsDir(db.path));
    expect(path.basename(made)).toMatch(/^rmk-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}-manual\.sqlite$/);
    expect(fs.readdirSync(backupsDir(db.path))).toEqual([path.basename(made)]);
    expect(integrityProblems(made)).toBeNull();
    const copy = new Database(made, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT count(*) FROM measures').pluck().get()).toBe(38);
    copy.close();
    expect(listBackupFiles(db.path)).toMatchObject([{ fileName: path.basename(made), kind: 'manual', size: fs.statSync(made).size }]);
    closeDatabase(db);
  });

  it('makes the daily copy at most once a day and keeps the last 14 daily copies, every other kind for ever', async () => {
    const db = demoDb();
    await backupDatabase(db.sqlite, db.path, 'before-migration');
    await backupDatabase(db.sqlite, db.path, 'manual');
    for (let day = 1; day <= 20; day++) {
      const now = new Date(2025, 2, day, 9, 30, 0);
      expect(await dailyBackup(db.sqlite, db.path, now)).not.toBeNull();
      expect(await dailyBackup(db.sqlite, db.path, new Date(2025, 2, day, 17, 0, 0))).toBeNull();
    }
    const all = listBackupFiles(db.path);
    const daily = all.filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(DAILY_KEPT);
    expect(daily.map((b) => b.date.slice(0, 10))).toEqual(
      Array.from({ length: 14 }, (_, i) => `2025-03-${String(20 - i).padStart(2, '0')}`),
    );
    expect(
      all
        .filter((b) => b.kind !== 'daily')
        .map((b) => b.kind)
        .sort(),
    ).toEqual(['before-migration', 'manual']);
    closeDatabase(db);
  });

  it('removes the temporary files of copies killed half-way, and only those', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rmk.sqlite');
    fs.mkdirSync(backupsDir(file));
    const orphans = [
      path.join(backupsDir(file), '.rmk-2025-03-01_10-00-00-daily.sqlite.0a1b2c3d4e5f.partial'),
      path.join(dir, '.rmk.sqlite.restore-0a1b2c3d4e5f.partial'),
    ];
    const kept = [path.join(backupsDir(file), 'rmk-2025-03-01_10-00-00-daily.sqlite'), path.join(dir, 'notes.txt')];
    for (const f of [...orphans, ...kept]) fs.writeFileSync(f, 'x');
    expect(removeOrphans(file).sort()).toEqual([...orphans].sort());
    expect([...orphans, ...kept].map((f) => fs.existsSync(f))).toEqual([false, false, true, true]);
  });

  it('names the kinds in the file name and reads them back', () => {
    expect(parseBackupName('rmk-2025-03-12_08-05-09-before-migration.sqlite')).toEqual({
      fileName: 'rmk-2025-03-12_08-05-09-before-migration.sqlite',
      kind: 'before-migration',
      date: '2025-03-12T08:05:09',
    });
    expect(parseBackupName('rmk-2025-03-12_08-05-09-daily-2.sqlite')?.kind).toBe('daily');
    expect(parseBackupName('.rmk-2025-03-12_08-05-09-daily.sqlite.abc.partial')).toBeNull();
    expect(parseBackupName('rmk.sqlite')).toBeNull();
  });
});

describe('restore', () => {
  it('round trip: back up, change, restore — the same dump and the same rows as when the copy was made', async () => {
    let db = demoDb();
    const api = apiOf(db);
    const before = dumps(db);
    const rowsBefore = snapshotAll(db);
    const copy = await backupDatabase(db.sqlite, db.path, 'manual');

    const zeya = before[0]!.id;
    api('plan.addMeasure', { roadmapId: zeya, sectionId: null, index: 0, values: { name: 'Добавлено после копии', term: 'Май 2022' } });
    api('people.create', { fullName: 'Новый Н.Н.' });
    const karpinsk = before[1]!.id;
    api('orders.save', {
      id: db.sqlite.prepare('SELECT id FROM orders ORDER BY id').pluck().get() as number,
      values: { number: '38-д', date: '2022-03-28', title: 'Изменён', appendices: [] },
    });
    api('roadmaps.delete', { id: karpinsk });
    expect(dumps(db)).not.toEqual(before);

    const described = describeCopy(copy);
    expect(described.text).toMatch(/^В копии от \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}: 2 дорожные карты, 38 мероприятий$/);
    const old = db;
    const r = await restoreDatabase(db, copy, (next) => (db = next));
    expect(db).not.toBe(old);
    expect(old.sqlite.open).toBe(false);
    expect(r.restored).toMatchObject({ roadmaps: 2, measures: 38, older: false });
    expect(dumps(db)).toEqual(before);
    expect(snapshotAll(db)).toEqual(rowsBefore);
    // The replaced database is kept in backups/ like any other copy, with the changes made after the copy.
    expect(parseBackupName(path.basename(r.replacedBackup))?.kind).toBe('before-restore');
    const replaced = new Database(r.replacedBackup, { readonly: true });
    expect(replaced.prepare("SELECT count(*) FROM people WHERE full_name = 'Новый Н.Н.'").pluck().get()).toBe(1);
    replaced.close();
    // No -wal of the old file survived beside the new one; the restored database takes writes.
    apiOf(db)('people.create', { fullName: 'После восстановления' });
    expect(integrityProblems(db.path)).toBeNull();
    closeDatabase(db);
  });

  it('says in Russian why a copy cannot be used and leaves the current database byte for byte as it was', async () => {
    const db = demoDb();
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const dir = tempDir();
    const good = await backupDatabase(db.sqlite, db.path, 'manual');

    const damaged = path.join(dir, 'damaged.sqlite');
    const bytes = fs.readFileSync(good);
    // Pages in the middle of the file overwritten: the header still says SQLite, the b-trees are broken.
    bytes.fill(0x5a, 4096 * 3, 4096 * 40);
    fs.writeFileSync(damaged, bytes);

    const truncated = path.join(dir, 'truncated.sqlite');
    fs.writeFileSync(truncated, fs.readFileSync(good).subarray(0, 4096 * 10));

    const foreign = path.join(dir, 'contacts.sqlite');
    const other = new Database(foreign);
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')");
    other.close();

    const emptySqlite = path.join(dir, 'empty.sqlite');
    const e = new Database(emptySqlite);
    e.exec('CREATE TABLE t (x); DROP TABLE t'); // a valid SQLite file with no tables at all
    e.close();

    const newer = path.join(dir, 'newer.sqlite');
    fs.copyFileSync(good, newer);
    const n = new Database(newer);
    n.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.now() + 10 ** 10);
    n.close();

    const text = path.join(dir, 'letter.sqlite');
    fs.writeFileSync(text, 'Это письмо, а не база.\n'.repeat(300));

    const zero = path.join(dir, 'zero.sqlite');
    fs.writeFileSync(zero, '');

    const cases: [string, RegExp][] = [
      [damaged, /повреждён/],
      [truncated, /повреждён|не является базой данных/],
      [foreign, /не копия базы программы/],
      [emptySqlite, /не копия базы программы/],
      [newer, /более новой версией программы/],
      [text, /не является базой данных программы/],
      [zero, /пуст/],
      [path.join(dir, 'missing.sqlite'), /не найден/],
      [db.path, /Это и есть открытая база/],
    ];
    const before = fingerprint(db.path);
    const rows = snapshotAll(db);
    const copies = fs.readdirSync(backupsDir(db.path));
    for (const [file, message] of cases) {
      await expect(
        restoreDatabase(db, file, () => expect.fail('no database may be adopted')),
        path.basename(file),
      ).rejects.toThrow(message);
      expect(fingerprint(db.path), path.basename(file)).toEqual(before);
    }
    expect(db.sqlite.open).toBe(true);
    expect(snapshotAll(db)).toEqual(rows);
    // A refused copy costs nothing: not even a before-restore copy was made.
    expect(fs.readdirSync(backupsDir(db.path))).toEqual(copies);
    closeDatabase(db);
  });

  it('restores a copy made by an older version and updates it on reopening, like any old file', async () => {
    const dir = tempDir();
    const oldFile = path.join(dir, 'old.sqlite');
    const v1 = openDatabase(oldFile, { migrationsFolder: firstVersionFolder() });
    v1.sqlite.exec(
      "INSERT INTO roadmaps (id, title, period_start, period_end, captions) VALUES (1, 'Старая карта', '2022-01-01', '2022-12-31', '{}'); INSERT INTO measures (id, roadmap_id, position, number, name, term) VALUES (1, 1, 0, '1', 'А', 'Май 2022')",
    );
    closeDatabase(v1);

    let db = demoDb();
    const described = describeCopy(oldFile);
    expect(described).toMatchObject({ older: true, roadmaps: 1, measures: 1 });
    expect(described.text).toMatch(/1 дорожная карта, 1 мероприятие \(сделана прежней версией программы, будет обновлена\)$/);
    await restoreDatabase(db, oldFile, (next) => (db = next));
    expect(db.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(
      fs.readdirSync(defaultMigrationsFolder()).filter((f) => f.endsWith('.sql')).length,
    );
    expect(dumpRoadmap(db, 1).sections[0]!.measures[0]).toMatchObject({ name: 'А', term: 'Май 2022' });
    expect(db.sqlite.prepare('SELECT term_kind FROM measures WHERE id = 1').pluck().get()).toBe('range');
    // The restore's own copy of the replaced file and the copy before the update are both there.
    expect(
      listBackupFiles(db.path)
        .map((b) => b.kind)
        .sort(),
    ).toEqual(['before-migration', 'before-restore']);
    closeDatabase(db);
  });

  it('refuses to restore into a database opened read-only', async () => {
    const db = demoDb();
    const copy = await backupDatabase(db.sqlite, db.path, 'manual');
    closeDatabase(db);
    const ro = openDatabase(db.path, { readOnly: true });
    await expect(restoreDatabase(ro, copy, () => {})).rejects.toThrow(/только для чтения/);
    closeDatabase(ro);
  });
});

describe('where a copy may be written («Сохранить копию как…», cli backup --out)', () => {
  it('refuses a device, a pipe, a folder and the database itself, leaving each as it was; follows a link to its file', async () => {
    const db = demoDb();
    const dir = tempDir();
    const device = path.join(dir, 'full');
    spawnSync('mknod', [device, 'c', '1', '7']);
    const fifo = path.join(dir, 'pipe');
    spawnSync('mkfifo', [fifo]);
    await expect(copyDatabase({ connection: db.sqlite }, device)).rejects.toThrow(/только в обычный файл, а «full» — устройство или канал/);
    expect(fs.statSync(device).isCharacterDevice()).toBe(true);
    await expect(copyDatabase({ connection: db.sqlite }, fifo)).rejects.toThrow(/устройство или канал/);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    await expect(copyDatabase({ connection: db.sqlite }, dir)).rejects.toThrow(/это папка/);
    const before = fingerprint(db.path);
    await expect(copyDatabase({ connection: db.sqlite }, db.path)).rejects.toThrow(/поверх самой базы данных/);
    expect(fingerprint(db.path)).toEqual(before);
    const real = path.join(dir, 'copy.sqlite');
    fs.writeFileSync(real, 'old');
    const link = path.join(dir, 'link.sqlite');
    fs.symlinkSync(real, link);
    await copyDatabase({ connection: db.sqlite }, link);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(integrityProblems(real)).toBeNull();
    closeDatabase(db);
  });
});
