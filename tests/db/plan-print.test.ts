/** The plan as documents print it (db/plan-print.ts) is the editor's plan (getPlan) with only the texts. */
import { describe, expect, it } from 'vitest';
import { addMeasure, addSection, getPlan, moveMeasure, moveSection } from '../../db/plan';
import { printedPlan } from '../../db/plan-print';
import { createRoadmap } from '../../db/roadmaps';
import { closeDatabase, freshDb } from '../helpers';

const texts = (m: { number: string; name: string; term: string; executors: string; result: string }) => ({
  number: m.number,
  name: m.name,
  term: m.term,
  executors: m.executors,
  result: m.result,
});

describe('printedPlan', () => {
  it('groups and orders as getPlan does: measures outside sections first, sections and measures as moved', () => {
    const db = freshDb();
    const r = createRoadmap(db, { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const a = addSection(db, r.id, 'Первый раздел');
    const b = addSection(db, r.id, 'Второй раздел');
    addSection(db, r.id, 'Пустой раздел');
    const m1 = addMeasure(db, r.id, a, { name: 'Семинар', term: 'Март 2024', executors: 'РМК', result: 'Протокол' });
    addMeasure(db, r.id, b, { name: 'Мониторинг', term: 'Ежеквартально' });
    addMeasure(db, r.id, a, { name: 'Консультации\nдля учителей', result: 'Справка' });
    addMeasure(db, r.id, null, { name: 'Вне разделов' });
    moveSection(db, b, 0);
    moveMeasure(db, m1, b, 1);

    const printed = printedPlan(db, r.id);
    const plan = getPlan(db, r.id);
    expect(printed).toEqual(plan.map((s) => ({ title: s.title, number: s.number, measures: s.measures.map(texts) })));
    expect(printed.map((s) => [s.title, s.measures.map((m) => m.name)])).toEqual([
      [null, ['Вне разделов']],
      ['Второй раздел', ['Мониторинг', 'Семинар']],
      ['Первый раздел', ['Консультации\nдля учителей']],
      ['Пустой раздел', []],
    ]);
    closeDatabase(db);
  });

  it('has no group outside sections when every measure is in one, and an empty group for an empty plan', () => {
    const db = freshDb();
    const r = createRoadmap(db, { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    expect(printedPlan(db, r.id)).toEqual([{ title: null, number: '', measures: [] }]);
    addMeasure(db, r.id, addSection(db, r.id, 'Раздел'), { name: 'Семинар' });
    expect(printedPlan(db, r.id).map((s) => s.title)).toEqual(['Раздел']);
    closeDatabase(db);
  });
});
