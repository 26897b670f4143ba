/**
 * Stored readings carry the parser version that made them. A database whose readings an older parser
 * made is re-read once on opening, in one transaction, and the opening says how many readings changed;
 * an up-to-date one is not scanned at all.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/open';
import { registerSqlFunctions } from '../../db/sql-functions';
import { TERM_PARSER_VERSION } from '../../db/terms/parse';
import { PARSER_VERSION_KEY } from '../../db/terms/store';
import { apiOf, tempDir } from '../helpers';

const readings = (file: string) => {
  const raw = new Database(file, { readonly: true });
  try {
    return raw
      .prepare(
        'SELECT term, term_kind AS kind, term_end AS end, term_due AS due, term_certainty AS certainty, term_version AS version FROM measures ORDER BY id',
      )
      .all() as {
      term: string;
      kind: string;
      end: string | null;
      due: string;
      certainty: string;
      version: number;
    }[];
  } finally {
    raw.close();
  }
};

/** A database made by today's version, then set back: an older parser version and the wrong readings it made. */
function databaseWithOldReadings(): string {
  const file = path.join(tempDir(), 'old-readings.sqlite');
  const db = openDatabase(file);
  const api = apiOf(db);
  const r = api('roadmaps.create', { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  for (const term of ['до 25-го марта 2024', 'ежемесячно до 5 числа', 'ежеквартально'])
    api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name: term, term } });
  const meeting = api('meetings.save', {
    id: null,
    values: { date: '2024-02-10', agenda: [{ title: 'В', decisions: [{ text: 'Р', term: 'II четверть' }] }] },
  });
  expect(meeting.agenda[0]!.decisions[0]!.parsed.kind).toBe('range');
  closeDatabase(db);
  const raw = new Database(file);
  raw.exec(`UPDATE settings SET value = '1' WHERE key = '${PARSER_VERSION_KEY}';
            UPDATE measures SET term_version = 1;
            UPDATE decisions SET term_version = 1, term_kind = 'unparsed', term_start = NULL, term_end = NULL, term_due = '[]';
            UPDATE measures SET term_kind = 'unparsed', term_start = NULL, term_end = NULL, term_due = '[]' WHERE term = 'до 25-го марта 2024';
            UPDATE measures SET term_due = '["2024-01-31"]' WHERE term = 'ежемесячно до 5 числа';`);
  raw.close();
  return file;
}

describe('the parser version', () => {
  it("a database made by today's version records it", () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const db = openDatabase(file);
    expect(db.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PARSER_VERSION_KEY)).toBe(String(TERM_PARSER_VERSION));
    closeDatabase(db);
  });

  it('older readings are recomputed on opening, and the opening says how many changed', () => {
    const file = databaseWithOldReadings();
    const db = openDatabase(file);
    expect(db.termUpgrade).toMatchObject({ from: 1, to: TERM_PARSER_VERSION, rows: 4, changed: 3 });
    const info = apiOf(db)('terms.parserInfo');
    expect(info.version).toBe(TERM_PARSER_VERSION);
    expect(info.upgrade?.message).toBe(
      'Сроки мероприятий и решений перечитаны новой версией программы: у 3 из 4 изменились даты — проверьте их в разделе «Сроки».',
    );
    closeDatabase(db);
    const after = readings(file);
    expect(after.map((r) => [r.kind, r.end, r.version])).toEqual([
      ['deadline', '2024-03-25', TERM_PARSER_VERSION],
      ['recurring', '2024-12-31', TERM_PARSER_VERSION],
      ['recurring', '2024-12-31', TERM_PARSER_VERSION],
    ]);
    expect(JSON.parse(after[1]!.due)[0]).toBe('2024-01-05');
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT term_kind, term_end, term_version FROM decisions').get()).toEqual({
      term_kind: 'range',
      term_end: '2024-12-31',
      term_version: TERM_PARSER_VERSION,
    });
    raw.close();
  });

  it("an up-to-date database is not re-read: a reading spoiled behind the app's back stays as it is", () => {
    const file = databaseWithOldReadings();
    closeDatabase(openDatabase(file));
    const raw = new Database(file);
    raw.exec(`UPDATE measures SET term_kind = 'unparsed' WHERE term = 'ежеквартально'`);
    raw.close();
    const db = openDatabase(file);
    expect(db.termUpgrade).toBeUndefined();
    expect(apiOf(db)('terms.parserInfo').upgrade).toBeNull();
    closeDatabase(db);
    expect(readings(file)[2]!.kind).toBe('unparsed');
  });

  it('50 000 stored terms are re-read in one go', () => {
    const file = path.join(tempDir(), 'big.sqlite');
    closeDatabase(openDatabase(file));
    const raw = new Database(file);
    // The triggers keeping the search text call the app's fold().
    registerSqlFunctions(raw);
    const phrases = [
      'ежеквартально',
      'до 25-го марта',
      'Октябрь – ноябрь 2024 (по графику ОО)',
      'в период с 1 по 10 ноября',
      'по понедельникам',
      '3 раза в год',
      'II четверть',
      'постоянно',
      'по мере необходимости',
      'январь–февраль, сентябрь–октябрь',
    ];
    raw.transaction(() => {
      for (let r = 1; r <= 50; r++)
        raw
          .prepare(`INSERT INTO roadmaps (id, title, period_start, period_end, captions) VALUES (?, 'К', ?, ?, '{}')`)
          .run(r, `${2000 + (r % 25)}-01-01`, `${2000 + (r % 25)}-12-31`);
      const add = raw.prepare('INSERT INTO measures (roadmap_id, position, number, name, term) VALUES (?, ?, ?, ?, ?)');
      for (let i = 0; i < 50_000; i++)
        add.run((i % 50) + 1, i, String(i), 'М', `${phrases[i % phrases.length]}${i % 7 === 0 ? ` ${(i % 28) + 1} декабря` : ''}`);
      raw.prepare('UPDATE settings SET value = ? WHERE key = ?').run('1', PARSER_VERSION_KEY);
    })();
    raw.close();
    const cpu = process.cpuUsage();
    const db = openDatabase(file);
    const used = process.cpuUsage(cpu);
    const cpuMs = Math.round((used.user + used.system) / 1000);
    expect(db.termUpgrade).toMatchObject({ rows: 50_000, changed: 50_000 });
    // The figure for the README. Bounded by CPU time, loosely: wall time on a shared test machine says little.
    console.log(`50 000 terms re-read in ${db.termUpgrade!.ms} ms (opening: ${cpuMs} ms of CPU)`);
    expect(cpuMs).toBeLessThan(3000);
    expect(db.sqlite.prepare('SELECT count(*) FROM measures WHERE term_version <> ?').pluck().get(TERM_PARSER_VERSION)).toBe(0);
    closeDatabase(db);
  });
});
