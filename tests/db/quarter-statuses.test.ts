/** execution.ofQuarter: each measure's status in one quarter, what the plan editor's filter «исполнение» reads. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { apiOf, closeDatabase, freshDb } from '../helpers';

let db: Db;
afterEach(() => closeDatabase(db));

describe('statuses of one quarter', () => {
  it('lists the marked measures of that roadmap in that quarter only', () => {
    db = freshDb();
    const api = apiOf(db);
    const r = api('roadmaps.create', { title: 'Карта 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const other = api('roadmaps.create', { title: 'Другая карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const add = (roadmapId: number, name: string) =>
      api('plan.addMeasure', { roadmapId, sectionId: null, values: { name, term: 'ежеквартально' } });
    const march = add(r.id, 'Отчёт');
    const quarterly = add(r.id, 'Заседания');
    add(r.id, 'Без отметок');
    const foreign = add(other.id, 'Чужое');
    api('execution.set', { measureId: march, quarter: '2024-Q1', status: 'done_late' });
    api('execution.set', { measureId: quarterly, quarter: '2024-Q1', status: 'in_progress' });
    api('execution.set', { measureId: quarterly, quarter: '2024-Q2', status: 'done' });
    api('execution.set', { measureId: foreign, quarter: '2024-Q1', status: 'done' });
    expect(api('execution.ofQuarter', { roadmapId: r.id, quarter: '2024-Q1' })).toEqual([
      { measureId: march, status: 'done_late' },
      { measureId: quarterly, status: 'in_progress' },
    ]);
    expect(api('execution.ofQuarter', { roadmapId: r.id, quarter: '2024-Q2' })).toEqual([{ measureId: quarterly, status: 'done' }]);
    expect(api('execution.ofQuarter', { roadmapId: r.id, quarter: '2024-Q3' })).toEqual([]);
    expect(() => api('execution.ofQuarter', { roadmapId: 999, quarter: '2024-Q1' })).toThrow(/[А-Яа-я]/);
  });
});
