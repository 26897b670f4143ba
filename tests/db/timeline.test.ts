/** plan.timeline: the roadmap's measures in plan order with their read terms and marks, and the четверти of a school year. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { apiOf, closeDatabase, freshDb } from '../helpers';

let db: Db;
afterEach(() => closeDatabase(db));

describe('the timeline model', () => {
  it('gathers sections, measures, read terms and marks of one roadmap', () => {
    db = freshDb();
    const api = apiOf(db);
    const r = api('roadmaps.create', { title: 'Карта 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const other = api('roadmaps.create', { title: 'Другая', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const sec = api('plan.addSection', { roadmapId: r.id, title: 'Семинары' });
    const loose = api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name: 'Вне раздела', term: 'До 20 января 2024' } });
    const spring = api('plan.addMeasure', { roadmapId: r.id, sectionId: sec, values: { name: 'Весна', term: 'Март – май 2024' } });
    api('plan.addMeasure', { roadmapId: r.id, sectionId: sec, values: { name: 'Неясно', term: 'по мере необходимости' } });
    api('plan.addMeasure', { roadmapId: other.id, sectionId: null, values: { name: 'Чужое', term: 'ежеквартально' } });
    api('execution.set', { measureId: spring, quarter: '2024-Q2', status: 'done' });
    api('execution.set', { measureId: spring, quarter: '2024-Q1', status: 'in_progress' });

    const t = api('plan.timeline', { roadmapId: r.id });
    expect(t.roadmap).toEqual({ id: r.id, title: 'Карта 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    expect(t.fileName).toBe('Шкала времени — Карта 2024');
    expect(t.schoolQuarters).toBeNull();
    expect(t.sections.map((s) => [s.title, s.measures.map((m) => m.name)])).toEqual([
      [null, ['Вне раздела']],
      ['Семинары', ['Весна', 'Неясно']],
    ]);
    expect(t.sections[0]!.measures[0]).toMatchObject({ id: loose, kind: 'deadline', end: '2024-01-20', due: ['2024-01-20'], marks: [] });
    const s = t.sections[1]!.measures[0]!;
    expect(s).toMatchObject({ kind: 'range', start: '2024-03-01', end: '2024-05-31', term: 'Март – май 2024' });
    expect([...s.marks].sort((a, b) => a.quarter.localeCompare(b.quarter))).toEqual([
      { quarter: '2024-Q1', status: 'in_progress' },
      { quarter: '2024-Q2', status: 'done' },
    ]);
    expect(t.sections[1]!.measures[1]!.kind).toBe('unparsed');
  });

  it('divides a school year into the calendar’s четверти, the settings’ dates included', () => {
    db = freshDb();
    const api = apiOf(db);
    api('settings.setSchoolYear', {
      startYear: 2023,
      year: {
        quarters: [
          { start: '2023-09-01', end: '2023-10-27' },
          { start: '2023-11-06', end: '2023-12-29' },
          { start: '2024-01-09', end: '2024-03-22' },
          { start: '2024-04-01', end: '2024-05-24' },
        ],
        trimesters: [
          { start: '2023-09-01', end: '2023-11-24' },
          { start: '2023-11-27', end: '2024-02-23' },
          { start: '2024-02-26', end: '2024-05-24' },
        ],
      },
    });
    const r = api('roadmaps.create', { title: 'Учебный год', periodStart: '2023-09-01', periodEnd: '2024-06-30' });
    expect(api('plan.timeline', { roadmapId: r.id }).schoolQuarters).toEqual([
      { label: 'I четв. 2023/24', start: '2023-09-01', end: '2023-10-27' },
      { label: 'II четв. 2023/24', start: '2023-11-06', end: '2023-12-29' },
      { label: 'III четв. 2023/24', start: '2024-01-09', end: '2024-03-22' },
      { label: 'IV четв. 2023/24', start: '2024-04-01', end: '2024-05-24' },
    ]);
  });

  it('refuses an unknown roadmap in Russian', () => {
    db = freshDb();
    expect(() => apiOf(db)('plan.timeline', { roadmapId: 999 })).toThrow(/[А-Яа-я]/);
  });
});
