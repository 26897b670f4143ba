/**
 * The migration that gave execution records their «Дата исполнения» (executions.done_on): a database
 * made by the version before it, with measure and decision marks in it, opens with every mark kept,
 * no date invented, and the decision's state read by the new API.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeDatabase, defaultMigrationsFolder, openDatabase } from '../../db/open';
import { apiOf, tempDir } from '../helpers';

describe('migration: executions.done_on', () => {
  it('keeps the marks of a database made before it, with no date', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    // The migrations up to (not including) the one that adds done_on — found by its SQL, not its name,
    // so the test survives the migrations being regenerated into one file at merge time.
    const before = path.join(dir, 'before');
    fs.cpSync(defaultMigrationsFolder(), before, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(before, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const adds = journal.entries.findIndex((e) => fs.readFileSync(path.join(before, `${e.tag}.sql`), 'utf8').includes('done_on'));
    expect(adds).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, adds);
    fs.writeFileSync(path.join(before, 'meta', '_journal.json'), JSON.stringify(journal));
    closeDatabase(openDatabase(file, { migrationsFolder: before }));

    const raw = new Database(file);
    expect(raw.prepare("SELECT count(*) FROM pragma_table_info('executions') WHERE name = 'done_on'").pluck().get()).toBe(0);
    raw.exec(`INSERT INTO roadmaps (id, title, period_start, period_end, captions) VALUES (1, 'Старая', '2022-01-01', '2022-12-31', '{}');
              INSERT INTO measures (id, roadmap_id, position, number, name, term) VALUES (1, 1, 0, '1', 'А', 'Май 2022');
              INSERT INTO meetings (id, date) VALUES (1, '2022-04-14');
              INSERT INTO agenda_items (id, meeting_id, position, title) VALUES (1, 1, 0, 'В');
              INSERT INTO decisions (id, agenda_item_id, position, text, term) VALUES (1, 1, 0, 'Р', 'До 30.04.2022');
              INSERT INTO executions (measure_id, decision_id, quarter, status, result) VALUES (1, NULL, '2022-Q2', 'done', 'Проведено'), (NULL, 1, '2022-Q2', 'done_late', 'Справка');`);
    const marks = raw
      .prepare('SELECT measure_id, decision_id, quarter, status, result, evidence, note, updated_at FROM executions ORDER BY id')
      .all();
    raw.close();

    const db = openDatabase(file);
    try {
      expect(
        db.sqlite
          .prepare('SELECT measure_id, decision_id, quarter, status, result, evidence, note, updated_at FROM executions ORDER BY id')
          .all(),
      ).toEqual(marks);
      expect(db.sqlite.prepare('SELECT done_on FROM executions').pluck().all()).toEqual([null, null]);
      expect(apiOf(db)('decisions.states', { decisionIds: [1], today: '2022-06-01' })).toEqual([
        { decisionId: 1, done: true, overdue: false, mark: { quarter: '2022-Q2', status: 'done_late', result: 'Справка', doneOn: null } },
      ]);
    } finally {
      closeDatabase(db);
    }
  });
});
