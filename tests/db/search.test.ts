/**
 * Search over the stored folded text (measure_search, kept by triggers): the same hits in the same
 * order as folding every cell per query did, whatever wrote the measures; the text kept through
 * edits, undo, the recycle bin and copies; filled for measures older than the table.
 */
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, defaultMigrationsFolder, type Db } from '../../db/open';
import { SEARCH_LIMIT } from '../../db/search';
import { fold, likePattern } from '../../db/text';
import { measureText, seedPlans } from '../bench/data';
import { apiOf, closeDatabase, freshDb } from '../helpers';

let db: Db;
let api: ReturnType<typeof apiOf>;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
});
afterEach(() => closeDatabase(db));

const m = (name: string, extra: Partial<{ term: string; executors: string; result: string }> = {}) => ({
  name,
  term: '',
  executors: '',
  result: '',
  links: [],
  ...extra,
});
const names = (query: string) => api('search.measures', { query }).map((h) => h.name);

/** What search did before the stored text: every cell folded per query, every match sorted. */
function reference(query: string) {
  return db.sqlite
    .prepare(
      `SELECT m.id FROM measures m JOIN roadmaps r ON r.id = m.roadmap_id LEFT JOIN sections s ON s.id = m.section_id
        WHERE fold(m.name) LIKE @p ESCAPE '\\' OR fold(m.term) LIKE @p ESCAPE '\\'
           OR fold(m.executors) LIKE @p ESCAPE '\\' OR fold(m.result) LIKE @p ESCAPE '\\'
        ORDER BY r.period_start DESC, r.id, coalesce(s.position, -1), m.position, s.id LIMIT ${SEARCH_LIMIT}`,
    )
    .pluck()
    .all({ p: likePattern(query) }) as number[];
}

const storedText = (measureId: number) =>
  db.sqlite.prepare('SELECT text FROM measure_search WHERE measure_id = ?').pluck().get(measureId) as string | undefined;

describe('search over the stored folded text', () => {
  it('ignores case and ё both ways, takes any run of whitespace (NBSP too) as one space, and «%», «_» literally', () => {
    const r = api('roadmaps.create', { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const add = (name: string, extra?: Parameters<typeof m>[1]) =>
      api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: m(name, extra) });
    add('Учёт результатов ВПР');
    add('Учет посещаемости');
    add('Охват\u00a0\u00a0 горячим  питанием', { result: 'Не менее 50% обучающихся' });
    add('Отчёт по форме ОО_1', { executors: 'ЗАМЕСТИТЕЛИ ДИРЕКТОРОВ' });
    add('Отчёт по форме ОО-1', { result: '500 участников' });
    expect(names('УЧЁТ')).toEqual(['Учёт результатов ВПР', 'Учет посещаемости']);
    expect(names('учет')).toEqual(['Учёт результатов ВПР', 'Учет посещаемости']);
    expect(names('охват горячим\u00a0питанием')).toEqual(['Охват\u00a0\u00a0 горячим  питанием']);
    expect(names('50%')).toEqual(['Охват\u00a0\u00a0 горячим  питанием']);
    expect(names('ОО_1')).toEqual(['Отчёт по форме ОО_1']);
    expect(names('заместители')).toEqual(['Отчёт по форме ОО_1']);
    expect(names('   ')).toEqual([]);
  });

  it('takes a number at either end of the query whole: «СОШ № 2» does not find «СОШ № 24», «2» does not find «12»', () => {
    const r = api('roadmaps.create', { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const add = (name: string, executors = '') =>
      api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: m(name, { executors }) });
    add('Семинар', 'МБОУ СОШ № 2');
    add('Консультация', 'МБОУ СОШ № 24');
    add('Совещание', 'МБОУ СОШ № 12, МБОУ СОШ № 2 «Гимназия»');
    add('Педсовет', 'МБОУ СОШ №2');
    expect(names('СОШ № 2')).toEqual(['Семинар', 'Совещание']);
    expect(names('№ 24')).toEqual(['Консультация']);
    expect(names('2')).toEqual(['Семинар', 'Совещание', 'Педсовет']);
    expect(names('сош №')).toHaveLength(4);
    // GLOB's own wildcards in the query are plain characters.
    add('План [1*] на 2', 'Школа 3');
    expect(names('[1*] на 2')).toEqual(['План [1*] на 2']);
  });

  it('folds every character as the Russian locale does (fold uses the faster toLowerCase)', () => {
    let all = '';
    for (let c = 0; c < 0x30000; c++) if (c < 0xd800 || c >= 0xe000) all += String.fromCodePoint(c);
    const russian = all
      .toLocaleLowerCase('ru-RU')
      .replace(/ё/g, 'е')
      .replace(/[\s\u00a0]+/g, ' ')
      .trim();
    expect(fold(all) === russian).toBe(true);
    expect(fold('  ЁЛКА\u00a0\tИ  Ёж ')).toBe('елка и еж');
  });

  it('never matches across two fields: the end of a name and the start of its term are not one phrase', () => {
    const r = api('roadmaps.create', { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: m('Семинар', { term: 'Май 2024', executors: 'РМК' }) });
    expect(names('семинар')).toEqual(['Семинар']);
    expect(names('семинар май')).toEqual([]);
    expect(names('2024 рмк')).toEqual([]);
  });

  it('finds the same measures in the same order as folding every cell did, the 200 limit cut in list order', () => {
    // Three roadmaps of two periods (the newer listed first), sections moved out of creation order,
    // measures outside any section, and more hits than the limit.
    const ids = seedPlans(db, 1200, 400);
    db.sqlite.prepare("UPDATE roadmaps SET period_start = '2025-01-01', period_end = '2026-12-31' WHERE id = ?").run(ids[1]);
    const sections = api('plan.get', { roadmapId: ids[1]! }).sections;
    api('plan.moveSection', { id: sections[5]!.id!, index: 0 });
    api('plan.moveSection', { id: sections[2]!.id!, index: 7 });
    for (let i = 0; i < 5; i++)
      api('plan.addMeasure', {
        roadmapId: ids[2]!,
        sectionId: null,
        values: m(`${measureText(i).name} вне разделов`, { term: measureText(i).term, executors: measureText(i).executors }),
      });
    const queries = [
      'семинар',
      'кураторы школ',
      'С УЧЁТОМ РЕЗУЛЬТАТОВ',
      'де-кастри), этап 7',
      'ежеквартально',
      'вне разделов',
      'нигде нет',
    ];
    for (const q of queries) {
      const hits = api('search.measures', { query: q }).map((h) => h.measureId);
      expect(hits, q).toEqual(reference(q));
    }
    expect(api('search.measures', { query: 'мбоу' })).toHaveLength(SEARCH_LIMIT);
    expect(api('search.measures', { query: 'вне разделов' })).toHaveLength(5);
    // The newer roadmap's hits come first, with its title.
    expect(api('search.measures', { query: 'семинар' })[0]!.roadmapTitle).toMatch(/часть 2$/);
  });

  it('keeps the stored text through edits, undo, the recycle bin and copies, and drops it with the measure', () => {
    const r = api('roadmaps.create', { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const a = api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: m('Семинар', { executors: 'РМК' }) });
    expect(storedText(a)).toBe('семинар\n\nрмк\n');
    api('plan.updateMeasure', { id: a, values: { name: 'Круглый  СТОЛ', result: 'Протокол' } });
    expect(storedText(a)).toBe('круглый стол\n\nрмк\nпротокол');
    expect(names('семинар')).toEqual([]);
    api('plan.undo', { roadmapId: r.id });
    expect(names('семинар')).toEqual(['Семинар']);
    api('plan.redo', { roadmapId: r.id });
    expect(names('круглый стол')).toEqual(['Круглый  СТОЛ']);

    api('plan.deleteMeasures', { ids: [a] });
    expect(storedText(a)).toBeUndefined();
    expect(names('круглый')).toEqual([]);
    api('plan.undo', { roadmapId: r.id });
    expect(names('круглый')).toEqual(['Круглый  СТОЛ']);

    const copy = api('roadmaps.copy', { id: r.id, periodStart: '2025-01-01', periodEnd: '2025-12-31' }).roadmap;
    expect(api('search.measures', { query: 'протокол' }).map((h) => h.roadmapId)).toEqual([copy.id, r.id]);

    api('roadmaps.delete', { id: r.id });
    expect(api('search.measures', { query: 'протокол' }).map((h) => h.roadmapId)).toEqual([copy.id]);
    api('trash.restore', { kind: 'roadmap', id: r.id });
    expect(api('search.measures', { query: 'протокол' }).map((h) => h.roadmapId)).toEqual([copy.id, r.id]);
    const count = (sql: string) => db.sqlite.prepare(sql).pluck().get();
    expect(count('SELECT count(*) FROM measure_search')).toBe(count('SELECT count(*) FROM measures'));
  });

  it('the migration fills the text of measures written before it, and leaves the triggers that keep it', () => {
    const migrations = readMigrationFiles({ migrationsFolder: defaultMigrationsFolder() });
    const at = migrations.findIndex((x) => x.sql.some((s) => s.includes('CREATE TABLE `measure_search`')));
    expect(at).toBeGreaterThan(0);
    const raw = new Database(':memory:');
    try {
      applyMigrations(raw, migrations.slice(0, at));
      raw.exec(`INSERT INTO roadmaps (id, title, period_start, period_end, captions) VALUES (1, 'К', '2024-01-01', '2024-12-31', '{}');
                INSERT INTO measures (roadmap_id, position, name, term, executors) VALUES (1, 0, 'Учёт  ВПР', 'Май', 'РМК\u00a0и ОО');`);
      applyMigrations(raw, migrations.slice(at));
      expect(raw.prepare('SELECT text FROM measure_search').pluck().all()).toEqual(['учет впр\nмай\nрмк и оо\n']);
      // A later migration that rebuilt measures would drop these silently: search would go stale.
      expect(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all()).toEqual([
        'measure_search_insert',
        'measure_search_update',
      ]);
    } finally {
      raw.close();
    }
  });
});
