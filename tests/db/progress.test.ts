/**
 * Progress over time (db/progress.ts, `progress.byQuarter`): the share of measures done by quarter,
 * per roadmap and for the district, over roadmaps with known marks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { progressByQuarter } from '../../db/progress';
import { apiOf, closeDatabase, freshDb } from '../helpers';

let db: Db;
afterEach(() => closeDatabase(db));

/** Two roadmaps: a calendar year 2024 and the school year 2024/2025, with marks as a methodist leaves them. */
function seed() {
  db = freshDb();
  const api = apiOf(db);
  const year = api('roadmaps.create', { title: 'Карта 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  const school = api('roadmaps.create', { title: 'Карта 2024/2025', periodStart: '2024-07-01', periodEnd: '2025-06-30' });
  const add = (roadmapId: number, name: string, term: string) =>
    api('plan.addMeasure', { roadmapId, sectionId: null, values: { name, term } });
  const mark = (measureId: number, quarter: string, status: 'done' | 'done_late' | 'in_progress' | 'not_done') =>
    api('execution.set', { measureId, quarter, status });

  const onTime = add(year.id, 'Анализ ВПР', 'до 25 марта 2024'); // Q1
  const late = add(year.id, 'Семинар', 'Март 2024'); // Q1, its mark made in Q2
  const quarterly = add(year.id, 'Отчёт', 'ежеквартально'); // 31.03, 30.06, 30.09, 31.12
  const weekly = add(year.id, 'Планёрка', 'еженедельно по пятницам'); // every quarter, 13 dates in each
  const may = add(year.id, 'Совещание', 'до 15 мая 2024'); // Q2
  const failed = add(year.id, 'Курсы', 'Май 2024'); // Q2
  add(year.id, 'По запросу', 'По мере поступления'); // unparsed: in no quarter
  mark(onTime, '2024-Q1', 'done');
  mark(late, '2024-Q2', 'done_late');
  mark(quarterly, '2024-Q1', 'done');
  mark(quarterly, '2024-Q2', 'in_progress');
  mark(weekly, '2024-Q1', 'done_late');
  mark(may, '2024-Q2', 'done');
  mark(failed, '2024-Q2', 'not_done');

  const september = add(school.id, 'Родительское собрание', 'до 15 сентября'); // Q3 2024
  add(school.id, 'Итоговый педсовет', 'до 30 мая'); // Q2 2025
  mark(september, '2024-Q3', 'done');
  return { api, year, school };
}

const figures = (points: { quarter: string; due: number; done: number; share: number | null }[]) =>
  points.map((p) => [p.quarter, p.due, p.done, p.share === null ? null : Math.round(p.share * 1000) / 1000]);

describe('progress by quarter', () => {
  it('counts the measures due in each quarter and those done, a late completion included', () => {
    const { api, year } = seed();
    const p = api('progress.byQuarter', { roadmapId: year.id, upTo: '2024-Q4' });
    expect(p.district).toBeNull();
    expect(p.roadmaps).toHaveLength(1);
    expect(p.roadmaps[0]).toMatchObject({ roadmapId: year.id, title: 'Карта 2024' });
    expect(p.roadmaps[0]!.points.map((x) => x.label)).toEqual(['I кв. 2024', 'II кв. 2024', 'III кв. 2024', 'IV кв. 2024']);
    expect(figures(p.roadmaps[0]!.points)).toEqual([
      // Due in Q1: «до 25 марта», «Март» (done late, marked in Q2), the quarterly report, the weekly meeting
      // (13 Fridays, counted once) — all four done.
      ['2024-Q1', 4, 4, 1],
      // Due in Q2: the report (in progress), the weekly meeting (no mark), «до 15 мая» (done), «Май» (not done).
      ['2024-Q2', 4, 1, 0.25],
      ['2024-Q3', 2, 0, 0],
      ['2024-Q4', 2, 0, 0],
    ]);
  });

  it('leaves the quarters after the last reported one without a share, and a quarter with nothing due', () => {
    const { api, school } = seed();
    const p = api('progress.byQuarter', { roadmapId: school.id, upTo: '2024-Q4' });
    expect(figures(p.roadmaps[0]!.points)).toEqual([
      ['2024-Q3', 1, 1, 1],
      ['2024-Q4', 0, 0, null],
      ['2025-Q1', 0, 0, null],
      ['2025-Q2', 1, 0, null],
    ]);
  });

  it('sums the district over the roadmaps in force in each quarter', () => {
    const { api, year, school } = seed();
    const p = api('progress.byQuarter', { upTo: '2025-Q2' });
    expect(p.roadmaps.map((r) => r.roadmapId)).toEqual([school.id, year.id]);
    expect(p.district!.title).toBe('Район');
    expect(figures(p.district!.points)).toEqual([
      ['2024-Q1', 4, 4, 1],
      ['2024-Q2', 4, 1, 0.25],
      // Both roadmaps are in force: 2 of the calendar year's + 1 of the school year's, done 0 + 1.
      ['2024-Q3', 3, 1, 0.333],
      ['2024-Q4', 2, 0, 0],
      ['2025-Q1', 0, 0, null],
      ['2025-Q2', 1, 0, 0],
    ]);
    // The report's own roadmaps: the district is their sum only.
    const one = progressByQuarter(db, { roadmapIds: [school.id], upTo: '2025-Q2' });
    expect(one.roadmaps.map((r) => r.roadmapId)).toEqual([school.id]);
    expect(figures(one.district!.points)[0]).toEqual(['2024-Q3', 1, 1, 1]);
  });

  it('fills the quarters between roadmaps that do not meet, and answers in Russian for an unknown roadmap', () => {
    const { api } = seed();
    api('roadmaps.create', { title: 'Карта 2026', periodStart: '2026-01-01', periodEnd: '2026-03-31' });
    const p = api('progress.byQuarter', { upTo: '2026-Q1' });
    const quarters = p.district!.points.map((x) => x.quarter);
    expect(quarters.slice(6)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(p.district!.points.find((x) => x.quarter === '2025-Q4')).toMatchObject({ due: 0, share: null });
    expect(() => api('progress.byQuarter', { roadmapId: 999 })).toThrow('Не найдено: дорожная карта № 999');
  });
});
