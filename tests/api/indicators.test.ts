/**
 * The indicators' API: a grid saved through `indicators.setValues` (all or nothing, the refusal naming
 * the cell), the order of the list, the recycle bin (an indicator, a roadmap, a school with their values)
 * and a roadmap's copy (indicators with baselines and targets, never actual values).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { apiOf, freshDb, snapshotAll } from '../helpers';

let db: Db;
let api: ReturnType<typeof apiOf>;
let roadmapId: number;
let a: number;
let b: number;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
  roadmapId = api('roadmaps.create', { title: 'Поддержка ШНОР 2024–2025', periodStart: '2024-01-01', periodEnd: '2025-12-31' }).id;
  a = api('organizations.create', { kind: 'school', name: 'Средняя школа № 1', shortName: 'СОШ № 1' }).id;
  b = api('organizations.create', { kind: 'school', name: 'Средняя школа № 2', shortName: 'СОШ № 2' }).id;
});
const count = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;

function fill() {
  const share = api('indicators.create', { roadmapId, values: { name: 'Доля выпускников, сдавших ЕГЭ', unit: 'percent', source: 'ege' } });
  const people = api('indicators.create', { roadmapId, values: { name: 'Число участников олимпиад', unit: 'people' } });
  api('indicators.setValues', {
    values: [
      { indicatorId: share.id, schoolId: a, kind: 'baseline', year: 2023, value: 70 },
      { indicatorId: share.id, schoolId: a, kind: 'target', year: 2024, value: 80 },
      { indicatorId: share.id, schoolId: a, kind: 'actual', year: 2024, value: 85.5, measuredOn: '2024-07-01', evidence: 'Протокол ЕГЭ' },
      { indicatorId: share.id, schoolId: b, kind: 'target', year: 2024, value: 80 },
      { indicatorId: share.id, schoolId: b, kind: 'actual', year: 2024, value: 60 },
      { indicatorId: share.id, schoolId: null, kind: 'target', year: 2025, value: 90 },
      { indicatorId: people.id, schoolId: b, kind: 'actual', year: 2025, value: 12 },
    ],
  });
  return { share, people };
}

describe('indicators API', () => {
  it('a grid entered through setValues shows on the board with achievement; a null value removes one', () => {
    const { share } = fill();
    const board = api('indicators.board', { roadmapId });
    const s = board.indicators.find((i) => i.id === share.id)!;
    expect(s.years).toEqual([2024, 2025]);
    expect(s.lines.map((l) => l.school)).toEqual(['Район', 'СОШ № 1', 'СОШ № 2']);
    expect(s.lines[0]!.years[0]).toMatchObject({ actual: 72.8, computed: true, achievement: 'no_data' });
    expect(s.lines[1]).toMatchObject({ baseline: { year: 2023, value: 70 } });
    expect(s.lines[1]!.years[0]).toMatchObject({
      target: 80,
      actual: 85.5,
      measuredOn: '2024-07-01',
      evidence: 'Протокол ЕГЭ',
      achievement: 'met',
    });
    expect(s.lines[2]!.years[0]).toMatchObject({ achievement: 'not_met' });
    expect(board.schools.map((x) => x.name)).toEqual(['СОШ № 1', 'СОШ № 2']);

    // A value typed in the grid (no base) keeps the base the import gave it; an explicit one replaces it.
    api('indicators.setValues', { values: [{ indicatorId: share.id, schoolId: a, kind: 'actual', year: 2024, value: 90, weight: 30 }] });
    api('indicators.setValues', { values: [{ indicatorId: share.id, schoolId: a, kind: 'actual', year: 2024, value: 86 }] });
    expect(db.sqlite.prepare(`SELECT value, weight FROM indicator_values WHERE school_id = ${a} AND kind = 'actual'`).get()).toEqual({
      value: 86,
      weight: 30,
    });
    api('indicators.setValues', { values: [{ indicatorId: share.id, schoolId: b, kind: 'actual', year: 2024, value: null }] });
    const after = api('indicators.board', { roadmapId, schoolId: b }).indicators.find((i) => i.id === share.id)!;
    expect(after.lines.map((l) => l.school)).toEqual(['Район', 'СОШ № 2']);
    expect(after.lines[1]!.years[0]).toMatchObject({ actual: null, achievement: 'no_data' });
  });

  it('all or nothing: one refused value saves none, and the message names the school, the indicator and the year', () => {
    const { share } = fill();
    const before = snapshotAll(db);
    expect(() =>
      api('indicators.setValues', {
        values: [
          { indicatorId: share.id, schoolId: a, kind: 'actual', year: 2025, value: 50 },
          { indicatorId: share.id, schoolId: b, kind: 'actual', year: 2025, value: 140 },
        ],
      }),
    ).toThrow(/^СОШ № 2, «Доля выпускников, сдавших ЕГЭ», 2025 \(факт\): Доля в процентах должна быть от 0 до 100.*Ничего не сохранено\.$/);
    expect(() =>
      api('indicators.setValues', { values: [{ indicatorId: share.id, schoolId: a, kind: 'target', year: 2030, value: 50 }] }),
    ).toThrow(/СОШ № 1, «Доля выпускников, сдавших ЕГЭ», 2030 \(план\): 2030 год вне периода/);
    expect(snapshotAll(db)).toEqual(before);
  });

  it('list order: move by a step and to a place; fromPassport adds the passport rows after', () => {
    const { share, people } = fill();
    api('indicators.move', { id: people.id, direction: 'up' });
    expect(api('indicators.list', { roadmapId }).map((i) => i.id)).toEqual([people.id, share.id]);
    api('indicators.move', { id: people.id, index: 5 });
    expect(api('indicators.list', { roadmapId }).map((i) => i.id)).toEqual([share.id, people.id]);
    api('roadmaps.update', {
      id: roadmapId,
      values: {
        indicators:
          'Доля выпускников, сдавших ЕГЭ;\nСредний балл ОГЭ по математике;\nДоля обучающихся с неудовлетворительными отметками;\nУдовлетворённость родителей качеством образования',
      },
    });
    expect(api('indicators.fromPassport', { roadmapId }).map((i) => [i.name, i.unit, i.source])).toEqual([
      ['Доля выпускников, сдавших ЕГЭ', 'percent', 'ege'],
      ['Число участников олимпиад', 'people', 'other'],
      ['Средний балл ОГЭ по математике', 'points', 'oge'],
      // «неудовлетворительные» is not «удовлетворённость»: not a survey.
      ['Доля обучающихся с неудовлетворительными отметками', 'percent', 'other'],
      ['Удовлетворённость родителей качеством образования', 'units', 'survey'],
    ]);
  });

  it('an indicator goes to the bin with its values and comes back whole', () => {
    const { share } = fill();
    const before = snapshotAll(db);
    const item = api('indicators.delete', { id: share.id });
    expect(item).toMatchObject({
      kind: 'indicator',
      title: 'Индикатор «Доля выпускников, сдавших ЕГЭ»',
      contents: '6 значений индикаторов',
    });
    expect(count(`SELECT count(*) FROM indicator_values WHERE indicator_id = ${share.id}`)).toBe(0);
    expect(api('indicators.board', { roadmapId }).indicators.map((i) => i.id)).not.toContain(share.id);
    api('trash.restore', { kind: 'indicator', id: share.id });
    expect(snapshotAll(db)).toEqual(before);
  });

  it('a roadmap and a school take their indicators and values to the bin and bring them back', () => {
    fill();
    const before = snapshotAll(db);
    api('organizations.delete', { id: b });
    expect(count(`SELECT count(*) FROM indicator_values WHERE school_id = ${b}`)).toBe(0);
    expect(api('trash.list').find((i) => i.kind === 'organization')!.contents).toContain('3 значения индикаторов');
    api('roadmaps.delete', { id: roadmapId });
    expect(count('SELECT count(*) FROM indicators')).toBe(0);
    expect(api('trash.list').find((i) => i.kind === 'roadmap')!.contents).toBe('2 индикатора, 4 значения индикаторов');
    // Back in the other order: the roadmap first, then the school (its values find their indicators again).
    api('trash.restore', { kind: 'roadmap', id: roadmapId });
    api('trash.restore', { kind: 'organization', id: b });
    expect(snapshotAll(db)).toEqual(before);
  });

  it("a school's value whose indicator was deleted for good is not restored with the school, nor turned into the district's", () => {
    const { people } = fill();
    api('organizations.delete', { id: b });
    api('indicators.delete', { id: people.id });
    api('trash.purge', { kind: 'indicator', id: people.id });
    const r = api('trash.restore', { kind: 'organization', id: b });
    expect(r.notes.join(' ')).toContain('значения удалённых индикаторов — 1');
    expect(count(`SELECT count(*) FROM indicator_values WHERE school_id = ${b}`)).toBe(2);
    expect(count('SELECT count(*) FROM indicator_values WHERE school_id IS NULL')).toBe(1);
  });

  it('a copy takes the indicators with baselines and targets (years moved, outside the period left out), not the actual values', () => {
    const { share, people } = fill();
    const copy = api('roadmaps.copy', { id: roadmapId, periodStart: '2025-01-01', periodEnd: '2026-12-31' });
    expect(copy.indicators).toBe(2);
    const board = api('indicators.board', { roadmapId: copy.roadmap.id });
    expect(board.indicators.map((i) => [i.name, i.unit, i.source])).toEqual([
      [share.name, 'percent', 'ege'],
      [people.name, 'people', 'other'],
    ]);
    const s = board.indicators[0]!;
    expect(s.years).toEqual([2025, 2026]);
    // The targets of 2024 are now 2025's; the district's 2025 target moved to 2026; no actual value anywhere.
    expect(s.lines.map((l) => [l.school, l.baseline, l.years.map((y) => [y.target, y.actual])])).toEqual([
      [
        'Район',
        null,
        [
          [null, null],
          [90, null],
        ],
      ],
      [
        'СОШ № 1',
        { year: 2023, value: 70 },
        [
          [80, null],
          [null, null],
        ],
      ],
      [
        'СОШ № 2',
        null,
        [
          [80, null],
          [null, null],
        ],
      ],
    ]);
    expect(board.indicators[1]!.lines).toHaveLength(1);
    // The source keeps everything.
    expect(count(`SELECT count(*) FROM indicator_values WHERE indicator_id IN (${share.id}, ${people.id})`)).toBe(7);
  });

  it("the school's board: every roadmap with indicators, this school's lines and the district's", () => {
    const { share } = fill();
    const other = api('roadmaps.create', {
      title: 'Карта СОШ № 2',
      level: 'school',
      schoolId: b,
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
    });
    api('indicators.create', { roadmapId: other.id, values: { name: 'Своё', unit: 'units' } });
    api('roadmaps.create', { title: 'Без индикаторов', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const mine = api('indicators.schoolBoard', { schoolId: a });
    expect(mine.map((r) => r.title)).toEqual(['Поддержка ШНОР 2024–2025']);
    const line = mine[0]!.indicators.find((i) => i.id === share.id)!.lines;
    expect(line.map((l) => l.school)).toEqual(['Район', 'СОШ № 1']);
    expect(
      api('indicators.schoolBoard', { schoolId: b })
        .map((r) => r.title)
        .sort(),
    ).toEqual(['Карта СОШ № 2', 'Поддержка ШНОР 2024–2025']);
    expect(() => api('indicators.schoolBoard', { schoolId: 9999 })).toThrow(/Не найдено/);
  });
});
