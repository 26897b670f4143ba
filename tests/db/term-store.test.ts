/** Parsed terms are stored with the measure and recomputed when the text, the period or the school calendar changes. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, defaultMigrationsFolder, type Db, openDatabase } from '../../db/open';
import { apiOf, freshDb, tempDir } from '../helpers';

let db: Db;
let api: ReturnType<typeof apiOf>;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
  return () => closeDatabase(db);
});

const stored = (id: number) =>
  db.sqlite
    .prepare('SELECT term_kind AS kind, term_start AS start, term_end AS end, term_due AS due FROM measures WHERE id = ?')
    .get(id) as { kind: string; start: string; end: string; due: string };

describe('stored terms', () => {
  it('are computed when a measure is added and when its term text changes', () => {
    const r = api('roadmaps.create', { title: 'К', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const id = api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name: 'М', term: 'до 25 марта 2024' } });
    expect(stored(id)).toEqual({ kind: 'deadline', start: null, end: '2024-03-25', due: '["2024-03-25"]' });
    api('plan.updateMeasure', { id, values: { term: 'ежеквартально' } });
    expect(JSON.parse(stored(id).due)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    const m = api('plan.get', { roadmapId: r.id }).sections[0]!.measures[0]!;
    expect(m.parsed).toEqual({
      kind: 'recurring',
      start: '2024-01-01',
      end: '2024-12-31',
      due: ['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'],
      certainty: 'exact',
      note: '',
      understood: 'ежеквартально: 31.03, 30.06, 30.09, 31.12',
      caveat: '',
    });
  });

  it("are recomputed when the roadmap's period changes", () => {
    const r = api('roadmaps.create', { title: 'К', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const id = api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name: 'М', term: 'Октябрь' } });
    expect(stored(id).start).toBe('2024-10-01');
    api('roadmaps.update', { id: r.id, values: { periodStart: '2025-01-01', periodEnd: '2025-12-31' } });
    expect(stored(id)).toMatchObject({ kind: 'range', start: '2025-10-01', end: '2025-10-31' });
  });

  it('are recomputed for measures and decisions when the school calendar changes', () => {
    const r = api('roadmaps.create', { title: 'К', periodStart: '2023-09-01', periodEnd: '2024-05-31' });
    const id = api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name: 'М', term: 'по итогам каждой четверти' } });
    const meeting = api('meetings.save', {
      id: null,
      values: { date: '2023-09-15', agenda: [{ title: 'В', decisions: [{ text: 'Р', term: 'раз в четверть' }] }] },
    });
    expect(meeting.agenda[0]!.decisions[0]!.parsed.due).toEqual(['2023-10-31', '2023-12-31', '2024-03-31', '2024-05-31']);
    const cal = api('settings.getSchoolCalendar').find((y) => y.startYear === 2023)!;
    const year = structuredClone(cal.year);
    year.quarters[0].end = '2023-10-27';
    api('settings.setSchoolYear', { startYear: 2023, year });
    expect(JSON.parse(stored(id).due)).toEqual(['2023-10-27', '2023-12-31', '2024-03-31', '2024-05-31']);
    expect(api('meetings.get', { id: meeting.id }).agenda[0]!.decisions[0]!.parsed.due[0]).toBe('2023-10-27');
    api('settings.setSchoolYear', { startYear: 2023, year: null });
    expect(JSON.parse(stored(id).due)[0]).toBe('2023-10-31');
  });

  it('refuses a school calendar with quarters out of order, and changes nothing', () => {
    api('roadmaps.create', { title: 'К', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const cal = api('settings.getSchoolCalendar').find((y) => y.startYear === 2024)!;
    const year = structuredClone(cal.year);
    year.quarters[1].start = '2024-10-01';
    expect(() => api('settings.setSchoolYear', { startYear: 2024, year })).toThrow(/внахлёст или не по порядку/);
    expect(api('settings.getSchoolCalendar').every((y) => !y.overridden)).toBe(true);
  });

  it('explains a term as the user types it', () => {
    const r = api('roadmaps.create', { title: 'К', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    expect(api('terms.parse', { text: 'до 25 марта', roadmapId: r.id }).understood).toBe('до 25.03.2024');
    expect(api('terms.parse', { text: 'По мере поступления запросов', roadmapId: r.id })).toMatchObject({
      kind: 'unparsed',
      understood: 'срок не распознан',
    });
    expect(api('terms.parse', { text: 'Март –май', period: { start: '2022-01-01', end: '2022-12-31' } }).understood).toBe(
      '01.03.2022 — 31.05.2022',
    );
    // How sure, and the qualifier, beside the reading.
    expect(api('terms.parse', { text: 'до 25 марта', roadmapId: r.id })).toMatchObject({
      certainty: 'assumed-year',
      caveat: 'год взят из периода',
    });
    expect(api('terms.parse', { text: 'Март (по итогам ВПР)', roadmapId: r.id })).toMatchObject({
      understood: '01.03.2024 — 31.03.2024',
      note: 'по итогам ВПР',
      caveat: 'год взят из периода · по итогам ВПР',
    });
    expect(api('terms.parse', { text: '3 раза в год', roadmapId: r.id })).toMatchObject({ certainty: 'approximate', caveat: 'примерно' });
    expect(api('terms.parse', { text: 'ежеквартально', roadmapId: r.id }).caveat).toBe('');
  });
});

describe('the migration that added parsed terms', () => {
  it('starts from the previous version with data in it, and fills every term on opening', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    // The database as the first version of the app left it: only migration 0000.
    const first = path.join(dir, 'v1');
    fs.cpSync(defaultMigrationsFolder(), first, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(first, 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, 1);
    fs.writeFileSync(path.join(first, 'meta', '_journal.json'), JSON.stringify(journal));
    closeDatabase(openDatabase(file, { migrationsFolder: first }));
    const raw = new Database(file);
    raw.exec(`INSERT INTO roadmaps (id, title, period_start, period_end, captions) VALUES (1, 'Старая', '2022-01-01', '2022-12-31', '{}');
              INSERT INTO measures (id, roadmap_id, position, number, name, term) VALUES (1, 1, 0, '1', 'А', 'Май, июнь 2022'), (2, 1, 1, '2', 'Б', 'ежеквартально');
              INSERT INTO meetings (id, date) VALUES (1, '2022-04-14');
              INSERT INTO agenda_items (id, meeting_id, position, title) VALUES (1, 1, 0, 'В');
              INSERT INTO decisions (id, agenda_item_id, position, text, term) VALUES (1, 1, 0, 'Р', 'До 30.04.2022');`);
    const before = raw.prepare('SELECT id, roadmap_id, position, number, name, term FROM measures ORDER BY id').all();
    raw.close();

    const migrated = openDatabase(file);
    expect(migrated.backupPath).not.toBeNull();
    expect(migrated.sqlite.prepare('SELECT id, roadmap_id, position, number, name, term FROM measures ORDER BY id').all()).toEqual(before);
    expect(migrated.sqlite.prepare('SELECT term_kind, term_due FROM measures ORDER BY id').all()).toEqual([
      { term_kind: 'recurring', term_due: '["2022-05-31","2022-06-30"]' },
      { term_kind: 'recurring', term_due: '["2022-03-31","2022-06-30","2022-09-30","2022-12-31"]' },
    ]);
    expect(migrated.sqlite.prepare('SELECT term_kind, term_end FROM decisions').get()).toEqual({
      term_kind: 'deadline',
      term_end: '2022-04-30',
    });
    closeDatabase(migrated);
  });
});
