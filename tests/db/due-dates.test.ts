/**
 * due_dates, the indexed table «Сроки» selects its window from, always lays out the stored readings'
 * term_due: after every kind of change that writes readings (a term typed, a period moved, the school
 * calendar, undo, the recycle bin, a copy, a protocol saved, a parser upgrade on opening) and, for
 * databases made before the table, after the migration that adds it.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, closeDatabase, defaultMigrationsFolder, openDatabase, type Db } from '../../db/open';
import { PARSER_VERSION_KEY } from '../../db/terms/store';
import { quarterOfDue } from '../../shared/execution-rules';
import { apiOf, freshDb, tempDir } from '../helpers';

type Sqlite = Database.Database;

/** What due_dates holds, as sorted «m12 2024-03-25 2024-Q1» strings. */
const laidOut = (s: Sqlite) =>
  (
    s.prepare('SELECT measure_id AS m, decision_id AS d, due, quarter FROM due_dates').all() as {
      m: number | null;
      d: number | null;
      due: string;
      quarter: string;
    }[]
  )
    .map((r) => `${r.m !== null ? `m${r.m}` : `d${r.d}`} ${r.due} ${r.quarter}`)
    .sort();

/** What it must hold: every date of every stored term_due, with the quarter the shared rule gives it. */
const expected = (s: Sqlite) =>
  (['m', 'd'] as const)
    .flatMap((k) =>
      (s.prepare(`SELECT id, term_due AS due FROM ${k === 'm' ? 'measures' : 'decisions'}`).all() as { id: number; due: string }[]).flatMap(
        (r) => (JSON.parse(r.due) as string[]).map((due) => `${k}${r.id} ${due} ${quarterOfDue(due)}`),
      ),
    )
    .sort();

function expectInStep(s: Sqlite): void {
  const want = expected(s);
  expect(want.length).toBeGreaterThan(0);
  expect(laidOut(s)).toEqual(want);
}

describe('due_dates follows the readings', () => {
  let db: Db;
  let api: ReturnType<typeof apiOf>;
  let roadmap: number;
  let measures: number[];
  beforeEach(() => {
    db = freshDb();
    api = apiOf(db);
    roadmap = api('roadmaps.create', { title: 'Карта 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' }).id;
    measures = ['до 25 марта 2024', 'ежеквартально', 'Ежемесячно', 'Октябрь, ноябрь 2024', 'По мере поступления запросов'].map((term, i) =>
      api('plan.addMeasure', { roadmapId: roadmap, sectionId: null, values: { name: `Мероприятие ${i + 1}`, term } }),
    );
    api('meetings.save', {
      id: null,
      values: { date: '2024-02-01', number: '3', agenda: [{ title: 'О плане', decisions: [{ text: 'Справка', term: 'До 05.04.2024' }] }] },
    });
    return () => closeDatabase(db);
  });

  it('is written with every reading, and goes with its measure', () => {
    expectInStep(db.sqlite);
    expect(laidOut(db.sqlite).filter((r) => r.startsWith(`m${measures[2]} `))).toHaveLength(12);
    api('plan.updateMeasure', { id: measures[0]!, values: { term: 'Май 2024' } });
    expectInStep(db.sqlite);
    expect(laidOut(db.sqlite)).toContain(`m${measures[0]} 2024-05-31 2024-Q2`);
    expect(laidOut(db.sqlite).some((r) => r.startsWith(`m${measures[0]} 2024-03`))).toBe(false);
    api('plan.deleteMeasures', { ids: [measures[1]!] });
    expectInStep(db.sqlite);
    expect(laidOut(db.sqlite).some((r) => r.startsWith(`m${measures[1]} `))).toBe(false);
    api('plan.undo', { roadmapId: roadmap });
    expectInStep(db.sqlite);
    expect(laidOut(db.sqlite).filter((r) => r.startsWith(`m${measures[1]} `))).toHaveLength(4);
  });

  it('moves with the period, and comes back from the recycle bin and into a copy', () => {
    api('roadmaps.update', { id: roadmap, values: { periodStart: '2025-01-01', periodEnd: '2025-12-31' } });
    expectInStep(db.sqlite);
    expect(laidOut(db.sqlite)).toContain(`m${measures[1]} 2025-12-31 2025-Q4`);
    const before = laidOut(db.sqlite);
    api('roadmaps.delete', { id: roadmap });
    expect(laidOut(db.sqlite).filter((r) => r.startsWith('m'))).toEqual([]);
    api('trash.restore', { kind: 'roadmap', id: roadmap });
    expect(laidOut(db.sqlite)).toEqual(before);
    api('roadmaps.copy', { id: roadmap, periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    expectInStep(db.sqlite);
    expect(laidOut(db.sqlite).filter((r) => / 2026-/.test(r)).length).toBeGreaterThan(0);
  });

  it('follows a protocol decision’s term', () => {
    const meeting = api('meetings.list')[0]!;
    const saved = api('meetings.get', { id: meeting.id });
    const decision = saved.agenda[0]!.decisions[0]!;
    expect(laidOut(db.sqlite)).toContain(`d${decision.id} 2024-04-05 2024-Q2`);
    api('meetings.save', {
      id: saved.id,
      values: {
        date: saved.date,
        number: saved.number,
        agenda: [{ id: saved.agenda[0]!.id, title: 'О плане', decisions: [{ id: decision.id, text: 'Справка', term: 'До 20.06.2024' }] }],
      },
    });
    expectInStep(db.sqlite);
    expect(laidOut(db.sqlite).filter((r) => r.startsWith(`d${decision.id} `))).toEqual([`d${decision.id} 2024-06-20 2024-Q2`]);
  });
});

describe('due_dates for databases made before it', () => {
  it('the migration lays out the readings already stored', () => {
    const migrations = readMigrationFiles({ migrationsFolder: defaultMigrationsFolder() });
    const at = migrations.findIndex((m) => m.sql.some((s) => s.includes('CREATE TABLE `due_dates`')));
    expect(at).toBeGreaterThan(0);
    const s = new Database(':memory:');
    applyMigrations(s, migrations.slice(0, at));
    s.exec(`INSERT INTO roadmaps (id, title, period_start, period_end, captions) VALUES (1, 'К', '2024-01-01', '2024-12-31', '{}');
            INSERT INTO measures (id, roadmap_id, position, name, term, term_due) VALUES
              (1, 1, 0, 'М', 'ежеквартально', '["2024-03-31","2024-06-30","2024-09-30","2024-12-31"]'),
              (2, 1, 1, 'Н', 'непонятно', '[]'),
              (3, 1, 2, 'П', 'испорчено', 'не JSON');
            INSERT INTO meetings (id, date) VALUES (1, '2024-02-01');
            INSERT INTO agenda_items (id, meeting_id, position, title) VALUES (1, 1, 0, 'В');
            INSERT INTO decisions (id, agenda_item_id, position, text, term, term_due) VALUES (1, 1, 0, 'Р', 'до 5 апреля', '["2024-04-05"]');`);
    applyMigrations(s, migrations.slice(at));
    expect(laidOut(s)).toEqual([
      'd1 2024-04-05 2024-Q2',
      'm1 2024-03-31 2024-Q1',
      'm1 2024-06-30 2024-Q2',
      'm1 2024-09-30 2024-Q3',
      'm1 2024-12-31 2024-Q4',
    ]);
    s.close();
  });

  it('a parser upgrade on opening rewrites the dates it changes', () => {
    const file = path.join(tempDir(), 'old-parser.sqlite');
    const db = openDatabase(file);
    const api = apiOf(db);
    const r = api('roadmaps.create', { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const id = api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name: 'Отчёт', term: 'до 25 марта 2024' } });
    api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name: 'Заседания', term: 'ежеквартально' } });
    closeDatabase(db);
    // What an older parser left: another date, laid out as such.
    const raw = new Database(file);
    raw.exec(`UPDATE settings SET value = '1' WHERE key = '${PARSER_VERSION_KEY}';
              UPDATE measures SET term_due = '["2024-01-31"]' WHERE id = ${id};
              UPDATE due_dates SET due = '2024-01-31', quarter = '2024-Q1' WHERE measure_id = ${id};`);
    raw.close();
    const reopened = openDatabase(file);
    expect(reopened.termUpgrade).toMatchObject({ changed: 1 });
    expectInStep(reopened.sqlite);
    expect(laidOut(reopened.sqlite)).toContain(`m${id} 2024-03-25 2024-Q1`);
    closeDatabase(reopened);
  });
});
