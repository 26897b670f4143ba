/** The execution grid's data: the sections as headed rows (numbered as printed), each measure with its section, in plan order. */
import { describe, expect, it } from 'vitest';
import { addMeasure, addSection } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { apiOf, closeDatabase, freshDb } from '../helpers';

describe('execution.grid', () => {
  it("returns the sections with their headings and each measure's section, measures outside sections first", () => {
    const db = freshDb();
    const api = apiOf(db);
    const r = createRoadmap(db, { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2025-12-31' });
    const loose = addMeasure(db, r.id, null, { name: 'Вне разделов' });
    const s1 = addSection(db, r.id, 'Организационные мероприятия');
    const s2 = addSection(db, r.id, 'Мониторинг');
    addMeasure(db, r.id, s2, { name: 'Мониторинг результатов' });
    addMeasure(db, r.id, s1, { name: 'Совещание' });
    const grid = api('execution.grid', { roadmapId: r.id });
    expect(grid.quarters).toHaveLength(8);
    expect(grid.sections).toEqual([
      { id: s1, heading: '1. Организационные мероприятия' },
      { id: s2, heading: '2. Мониторинг' },
    ]);
    expect(grid.rows.map((m) => [m.name, m.sectionId])).toEqual([
      ['Вне разделов', null],
      ['Совещание', s1],
      ['Мониторинг результатов', s2],
    ]);
    expect(grid.rows[0]!.measureId).toBe(loose);
    closeDatabase(db);
  });
});
