/** Numbers as printed (autoNumber off) continue their own pattern after inserts, deletes and moves. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../electron/import/index';
import type { Db } from '../../db/open';
import { insertPlan } from '../../db/plan';
import { apiOf, closeDatabase, freshDb } from '../helpers';

let db: Db;
let api: ReturnType<typeof apiOf>;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
  return () => closeDatabase(db);
});

const m = (name: string, number?: string) => ({ name, ...(number === undefined ? {} : { number }) });
/** An imported-style roadmap: sections and measures with the numbers given, as printed. */
function imported(plan: { number?: string; title?: string; measures: string[] }[]) {
  const r = api('roadmaps.create', { title: 'Импорт', periodStart: '2022-01-01', periodEnd: '2022-12-31', autoNumber: false });
  // Written the way an import writes it (db/plan.ts insertPlan): numbers exactly as given.
  db.sqlite.transaction(() =>
    insertPlan(
      db,
      r.id,
      plan.map((s) => ({
        number: s.number ?? '',
        title: s.title ?? null,
        measures: s.measures.map((n, i) => ({ number: n, name: `м${i + 1}`, term: '', executors: '', result: '' })),
      })),
    ),
  )();
  const got = api('plan.get', { roadmapId: r.id }).sections.filter((s) => s.id !== null || plan.some((p) => p.title === undefined));
  return { r, ids: got.map((s) => s.measures.map((x) => x.id)), sections: got.map((s) => s.id) };
}
const plan = (roadmapId: number) =>
  api('plan.get', { roadmapId }).sections.map((s) => [s.number, s.measures.map((x) => `${x.number} ${x.name}`)]);
const measureNumbers = (roadmapId: number) => api('plan.get', { roadmapId }).sections.map((s) => s.measures.map((x) => x.number));

describe('an imported plan continues its own numbering', () => {
  it('an insert after «3.» gives «4.» and shifts the following ones; undo brings the numbers back', () => {
    const { r } = imported([{ measures: ['1.', '2.', '3.', '4.', '5.'] }]);
    const before = plan(r.id);
    api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: m('новое', ''), index: 3 });
    expect(plan(r.id)).toEqual([['', ['1. м1', '2. м2', '3. м3', '4. новое', '5. м4', '6. м5']]]);
    api('plan.undo', { roadmapId: r.id });
    expect(plan(r.id)).toEqual(before);
    api('plan.redo', { roadmapId: r.id });
    expect(measureNumbers(r.id)).toEqual([['1.', '2.', '3.', '4.', '5.', '6.']]);
  });

  it('an insert after «4. 8» gives «4. 9» and shifts the rest of that section only', () => {
    const { r, sections } = imported([
      { number: '4.', title: 'Четвёртый', measures: ['4. 7', '4. 8', '4. 9'] },
      { number: '5.', title: 'Пятый', measures: ['5. 1', '5. 2'] },
    ]);
    api('plan.addMeasure', { roadmapId: r.id, sectionId: sections[0]!, values: m('новое'), index: 2 });
    expect(measureNumbers(r.id)).toEqual([
      ['4. 7', '4. 8', '4. 9', '4. 10'],
      ['5. 1', '5. 2'],
    ]);
    expect(plan(r.id)[0]![1]![2]).toBe('4. 9 новое');
  });

  it('a delete closes the gap and a move renumbers what moved', () => {
    const { r, ids } = imported([{ measures: ['1.', '2.', '3.', '4.'] }]);
    api('plan.deleteMeasures', { ids: [ids[0]![1]!] });
    expect(plan(r.id)).toEqual([['', ['1. м1', '2. м3', '3. м4']]]);
    api('plan.moveMeasure', { id: ids[0]![3]!, sectionId: null, index: 0 });
    expect(plan(r.id)).toEqual([['', ['1. м4', '2. м1', '3. м3']]]);
    api('plan.undo', { roadmapId: r.id });
    api('plan.undo', { roadmapId: r.id });
    expect(plan(r.id)).toEqual([['', ['1. м1', '2. м2', '3. м3', '4. м4']]]);
  });

  it('a move into another section takes that section’s next number and closes the gap it left', () => {
    const { r, ids, sections } = imported([
      { number: '1', title: 'Первый', measures: ['1.1', '1.2', '1.3'] },
      { number: '2', title: 'Второй', measures: ['2.1'] },
    ]);
    api('plan.moveMeasure', { id: ids[0]![0]!, sectionId: sections[1]!, index: 1 });
    expect(plan(r.id)).toEqual([
      ['1', ['1.1 м2', '1.2 м3']],
      ['2', ['2.1 м1', '2.2 м1']],
    ]);
  });

  it('hand-made gaps, «5.1.» inside «5.» and empty numbers are kept; the new one takes the next free number', () => {
    const { r, sections } = imported([
      { number: '1', title: 'Тамбов', measures: ['1.1', '1.4', '1.10'] },
      { number: '2', title: 'Своё', measures: ['4.', '5.', '5.1.', '6.', ''] },
    ]);
    api('plan.addMeasure', { roadmapId: r.id, sectionId: sections[0]!, values: m('новое'), index: 1 });
    api('plan.addMeasure', { roadmapId: r.id, sectionId: sections[1]!, values: m('новое'), index: 4 });
    expect(measureNumbers(r.id)).toEqual([
      ['1.1', '1.2', '1.4', '1.10'],
      ['4.', '5.', '5.1.', '6.', '7.', ''],
    ]);
  });

  it('a number typed by hand in the form is kept', () => {
    const { r, ids } = imported([{ measures: ['1.', '2.', '3.'] }]);
    api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: m('своё', '2а'), index: 1 });
    api('plan.updateMeasure', { id: ids[0]![2]!, values: { number: '10.' } });
    expect(measureNumbers(r.id)).toEqual([['1.', '2а', '2.', '10.']]);
  });

  it('measures numbered through the plan continue across sections', () => {
    const { r, sections } = imported([
      { number: 'I.', title: 'Первый', measures: ['1.', '2.'] },
      { number: 'II.', title: 'Второй', measures: ['3.', '4.'] },
      { number: 'III.', title: 'Третий', measures: ['5.'] },
    ]);
    api('plan.addMeasure', { roadmapId: r.id, sectionId: sections[0]!, values: m('новое') });
    expect(measureNumbers(r.id)).toEqual([['1.', '2.', '3.'], ['4.', '5.'], ['6.']]);
    api('plan.addMeasure', { roadmapId: r.id, sectionId: sections[2]!, values: m('в конце') });
    expect(measureNumbers(r.id)).toEqual([
      ['1.', '2.', '3.'],
      ['4.', '5.'],
      ['6.', '7.'],
    ]);
  });

  it('a new section after «II» is «III», the following ones shift and their measures follow', () => {
    const { r } = imported([
      { number: 'I', title: 'Первый', measures: ['1.'] },
      { number: 'II', title: 'Второй', measures: ['1.'] },
      { number: 'III', title: 'Третий', measures: ['1.'] },
    ]);
    api('plan.addSection', { roadmapId: r.id, title: 'Новый', index: 2 });
    expect(plan(r.id).map((s) => s[0])).toEqual(['I', 'II', 'III', 'IV']);
    const { r: r2 } = imported([
      { number: '1.', title: 'Первый', measures: ['1.1', '1.2'] },
      { number: '2.', title: 'Второй', measures: ['2.1', '2. 2'] },
    ]);
    api('plan.addSection', { roadmapId: r2.id, title: 'Новый', index: 1 });
    expect(plan(r2.id)).toEqual([
      ['1.', ['1.1 м1', '1.2 м2']],
      ['2.', []],
      ['3.', ['3.1 м1', '3. 2 м2']],
    ]);
  });

  it('an edit costs its section, not the plan: 10 000 measures edit as fast as 500', () => {
    /** Median time of an insert in the middle section of a plan of `count` sections of 100 measures «S. i». */
    const editTime = (count: number) => {
      const { r, sections } = imported(
        Array.from({ length: count }, (_, s) => ({
          number: `${s + 1}.`,
          title: `Р${s + 1}`,
          measures: Array.from({ length: 100 }, (_, i) => `${s + 1}. ${i + 1}`),
        })),
      );
      const sid = sections[Math.floor(count / 2)]!;
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        api('plan.addMeasure', { roadmapId: r.id, sectionId: sid, values: m('новое'), index: 10 });
        times.push(performance.now() - t0);
      }
      const got = api('plan.get', { roadmapId: r.id }).sections.filter((s) => s.id !== null);
      const middle = got[Math.floor(count / 2)]!.measures;
      const n = Math.floor(count / 2) + 1;
      expect(middle.slice(9, 16).map((x) => x.number)).toEqual([10, 11, 12, 13, 14, 15, 16].map((i) => `${n}. ${i}`));
      expect(middle.at(-1)!.number).toBe(`${n}. 105`);
      if (got[n]) expect(got[n]!.measures[0]!.number).toBe(`${n + 1}. 1`);
      return times.sort((x, y) => x - y)[2]!;
    };
    const small = editTime(5);
    const large = editTime(100);
    expect(large).toBeLessThan(small * 3 + 30);
  });
});

describe('the district’s own plans, imported', () => {
  const importFixture = async (name: string) =>
    (await commitImport(db, { fileName: name, data: fs.readFileSync(path.join(__dirname, '../fixtures/import', name)) })).roadmapId;

  it('Zeya (1. … 31.): Insert after «3.» gives «4.», the rest shift to «32.»', async () => {
    const id = await importFixture('zeya-2022-roadmap.docx');
    expect(api('roadmaps.get', { id }).autoNumber).toBe(false);
    api('plan.addMeasure', { roadmapId: id, sectionId: null, values: m('Новое'), index: 3 });
    const got = measureNumbers(id)[0]!;
    expect(got.slice(0, 5)).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect(got).toEqual(Array.from({ length: 32 }, (_, i) => `${i + 1}.`));
    expect(api('plan.get', { roadmapId: id }).sections[0]!.measures[3]!.name).toBe('Новое');
  });

  it('Tambov (1.1, 1.4, 1.10 / 2.1, 2. 3, 2.9) and Ulchsky (1.1, 1.2, 1.3., 1.4.): gaps kept, styles continued', async () => {
    const tambov = await importFixture('tambov.docx');
    const [s1, s2] = api('plan.get', { roadmapId: tambov })
      .sections.filter((s) => s.id !== null)
      .map((s) => s.id!);
    api('plan.addMeasure', { roadmapId: tambov, sectionId: s1!, values: m('Новое'), index: 1 });
    api('plan.addMeasure', { roadmapId: tambov, sectionId: s2!, values: m('Новое'), index: 2 });
    expect(measureNumbers(tambov).filter((g) => g.length > 0)).toEqual([
      ['1.1', '1.2', '1.4', '1.10'],
      ['2.1', '2. 3', '2. 4', '2.9'],
    ]);
    const ulchsky = await importFixture('ulchsky.docx');
    const first = api('plan.get', { roadmapId: ulchsky }).sections.find((s) => s.id !== null)!.id!;
    api('plan.addMeasure', { roadmapId: ulchsky, sectionId: first, values: m('Новое'), index: 1 });
    expect(measureNumbers(ulchsky).filter((g) => g.length > 0)[0]).toEqual(['1.1', '1.2', '1.3', '1.4.', '1.5.']);
  });
});

describe('switching automatic numbering on', () => {
  it('the preview lists exactly the numbers that change, and applying changes nothing else, as one undoable step', () => {
    const { r } = imported([
      { number: 'I.', title: 'Первый', measures: ['1.', '2.'] },
      { number: '2', title: 'Второй', measures: ['2.1', '2. 2.'] },
    ]);
    const preview = api('plan.renumberPreview', { roadmapId: r.id });
    expect(preview.map((c) => [c.kind, c.old, c.new])).toEqual([
      ['section', 'I.', '1'],
      ['measure', '1.', '1.1'],
      ['measure', '2.', '1.2'],
      ['measure', '2. 2.', '2.2'],
    ]);
    const before = api('roadmaps.dump', { id: r.id });
    expect(api('plan.renumberApply', { roadmapId: r.id })).toEqual({ changed: 4 });
    const after = api('roadmaps.dump', { id: r.id });
    expect(api('roadmaps.get', { id: r.id }).autoNumber).toBe(true);
    expect(plan(r.id)).toEqual([
      ['1', ['1.1 м1', '1.2 м2']],
      ['2', ['2.1 м1', '2.2 м2']],
    ]);
    // Nothing but the numbers listed (and the switch) changed.
    const strip = (d: typeof before) =>
      JSON.stringify(d, (k, v) => (['number', 'autoNumber', 'updatedAt', 'version'].includes(k) ? undefined : v));
    expect(strip(after)).toBe(strip(before));
    expect(api('plan.renumberPreview', { roadmapId: r.id })).toEqual([]);
    expect(api('plan.undo', { roadmapId: r.id })).toEqual({ undone: 'Автоматическая нумерация' });
    expect(api('roadmaps.get', { id: r.id }).autoNumber).toBe(false);
    expect(plan(r.id)).toEqual([
      ['I.', ['1. м1', '2. м2']],
      ['2', ['2.1 м1', '2. 2. м2']],
    ]);
  });
});
