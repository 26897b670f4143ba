import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeDatabase, defaultMigrationsFolder, openDatabase } from '../../db/open';
import { tempDir } from '../helpers';

const sha = (file: string) => fs.readFileSync(file).toString('base64');
const readJournal = (folder: string) =>
  JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; when: number; tag: string }[];
  };

/** The app's migrations plus one more, as a next version of the app would ship them. */
function nextVersion(dir: string, tag: string, sql: string): string {
  const folder = path.join(dir, 'migrations');
  fs.cpSync(defaultMigrationsFolder(), folder, { recursive: true });
  const journal = readJournal(folder);
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), sql);
  return folder;
}

describe('opening the database file', () => {
  it('creates an empty database with every table, WAL and foreign keys on, at a path whose folder does not exist yet', () => {
    const file = path.join(tempDir(), 'nested', 'folder', 'rmk.sqlite');
    const db = openDatabase(file);
    const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'roadmaps',
        'sections',
        'measures',
        'people',
        'organizations',
        'meetings',
        'decisions',
        'orders',
        'executions',
        '__drizzle_migrations',
      ]),
    );
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.backupPath).toBeNull();
    closeDatabase(db);
    // Opening again applies nothing and changes nothing.
    const again = openDatabase(file);
    expect(again.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(
      fs.readdirSync(defaultMigrationsFolder()).filter((f) => f.endsWith('.sql')).length,
    );
    closeDatabase(again);
  });

  it('refuses a file that is not a database, with a Russian message, leaving it byte for byte as it was', () => {
    const file = path.join(tempDir(), 'letter.sqlite');
    fs.writeFileSync(file, 'Это не база данных, а письмо.\n'.repeat(200));
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/не является базой данных программы/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it("refuses another program's SQLite database untouched", () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')");
    other.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/другой программы/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a database written by a newer version of the app, and changes nothing in it', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    closeDatabase(openDatabase(file));
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE'); // a checkpointed single file, so the bytes can be compared
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.now() + 10 ** 10);
    raw.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/более новой версией программы/);
    expect(sha(file)).toBe(before);
  });

  it("refuses a newer version's database left in WAL mode (inspected through the kept connection) and changes nothing in it", () => {
    const file = path.join(tempDir(), 'future-wal.sqlite');
    closeDatabase(openDatabase(file));
    const raw = new Database(file);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.now() + 10 ** 10);
    raw.close(); // the last connection: the WAL is copied in and removed, the header still says WAL
    expect(fs.readFileSync(file)[18]).toBe(2);
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/более новой версией программы/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it("refuses a database whose migration history differs from the app's (not a prefix)", () => {
    const file = path.join(tempDir(), 'forked.sqlite');
    closeDatabase(openDatabase(file));
    const raw = new Database(file);
    raw.prepare('UPDATE __drizzle_migrations SET hash = ?').run('0'.repeat(64));
    raw.close();
    expect(() => openDatabase(file)).toThrow(/не совпадает с этой версией программы/);
  });

  it('takes a backup copy before applying a new migration, migrates in one transaction, and keeps the data', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rmk.sqlite');
    const db = openDatabase(file);
    db.sqlite.prepare("INSERT INTO people (full_name) VALUES ('Русанова Е.А.')").run();
    closeDatabase(db);

    // A next app version: the same migrations plus one more.
    const folder = nextVersion(dir, '9999_add_note', "ALTER TABLE people ADD `note` text DEFAULT '' NOT NULL;");

    const migrated = openDatabase(file, { migrationsFolder: folder });
    expect(migrated.backupPath).not.toBeNull();
    expect(migrated.sqlite.prepare('SELECT full_name, note FROM people').get()).toEqual({ full_name: 'Русанова Е.А.', note: '' });
    closeDatabase(migrated);
    const backup = new Database(migrated.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT full_name FROM people').pluck().all()).toEqual(['Русанова Е.А.']);
    expect(backup.prepare("SELECT count(*) FROM pragma_table_info('people') WHERE name = 'note'").pluck().get()).toBe(0);
    backup.close();
  });

  it('rolls a failing migration back entirely: no half-migrated database', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rmk.sqlite');
    closeDatabase(openDatabase(file));
    const folder = nextVersion(dir, '9999_broken', 'CREATE TABLE half_done (x int);--> statement-breakpoint\nTHIS IS NOT SQL;');
    const known = readJournal(folder).entries.length;
    expect(() => openDatabase(file, { migrationsFolder: folder })).toThrow(/Не удалось обновить структуру базы данных/);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(known - 1);
    raw.close();
  });
});
