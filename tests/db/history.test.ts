/** The undo/redo history of a plan: what undo takes back redo brings again, and the history stays small. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { HISTORY_DEPTH } from '../../db/history';
import { insertPlan } from '../../db/plan';
import { apiOf, closeDatabase, freshDb } from '../helpers';

let db: Db;
let api: ReturnType<typeof apiOf>;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
  return () => closeDatabase(db);
});

const m = (name: string, term = '') => ({ name, term, executors: '', result: '', links: [] });

/** The plan's tables without the «изменено» stamps, which any undo moves on. */
function planState(roadmapId: number) {
  // «Изменено» and the version (a save stamp, see db/versions.ts) move on with undo and redo: the content is compared.
  const rows = (sql: string) =>
    (db.sqlite.prepare(sql).all(roadmapId) as Record<string, unknown>[]).map(({ updated_at: _, version: _v, ...rest }) => rest);
  return {
    roadmap: rows('SELECT * FROM roadmaps WHERE id = ?'),
    sections: rows('SELECT * FROM sections WHERE roadmap_id = ? ORDER BY id'),
    measures: rows('SELECT * FROM measures WHERE roadmap_id = ? ORDER BY id'),
    links: rows('SELECT e.* FROM measure_executors e JOIN measures m ON m.id = e.measure_id WHERE m.roadmap_id = ? ORDER BY e.id'),
    executions: rows('SELECT x.* FROM executions x JOIN measures m ON m.id = x.measure_id WHERE m.roadmap_id = ? ORDER BY x.id'),
  };
}

function roadmapWithPlan() {
  const r = api('roadmaps.create', { title: 'Дорожная карта 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  const s1 = api('plan.addSection', { roadmapId: r.id, title: 'Организационные мероприятия' });
  const s2 = api('plan.addSection', { roadmapId: r.id, title: 'Методическое сопровождение' });
  const a = api('plan.addMeasure', { roadmapId: r.id, sectionId: s1, values: m('А', 'Февраль –ноябрь 2024') });
  const b = api('plan.addMeasure', { roadmapId: r.id, sectionId: s1, values: m('Б') });
  const c = api('plan.addMeasure', { roadmapId: r.id, sectionId: s2, values: m('В') });
  return { r, s1, s2, a, b, c };
}

describe('undo and redo', () => {
  it('redo brings back each undone step, and undo–redo of every step returns to the same rows', () => {
    const { r, s1, s2, a, b, c } = roadmapWithPlan();
    const p = api('people.create', { fullName: 'Гокова В.Я.' });
    api('execution.set', { measureId: b, quarter: '2024-Q2', status: 'done', result: 'проведено' });
    const states = [planState(r.id)];
    const edits = [
      () =>
        api('plan.updateMeasure', {
          id: a,
          values: { name: 'А (изм.)', term: 'Май 2024', links: [{ personId: p.id, organizationId: null }] },
        }),
      () => api('plan.moveMeasure', { id: c, sectionId: s1, index: 0 }),
      () => api('plan.moveSection', { id: s2, index: 0 }),
      () => api('plan.deleteSection', { id: s1 }),
      () => api('roadmaps.update', { id: r.id, values: { goal: 'Повышение качества образования' } }),
      () =>
        api('roadmaps.update', {
          id: r.id,
          values: {
            captions: { number: '№', name: 'Мероприятия', term: 'Сроки исполнения', executors: 'Исполнители', result: 'Целевые ориентиры' },
          },
        }),
    ];
    for (const edit of edits) {
      edit();
      states.push(planState(r.id));
    }
    expect(api('plan.get', { roadmapId: r.id }).undo).toMatchObject({ last: 'Изменение заголовков столбцов', redoSteps: 0, next: null });
    for (let i = edits.length; i > 0; i--) {
      api('plan.undo', { roadmapId: r.id });
      expect(planState(r.id)).toEqual(states[i - 1]);
    }
    expect(api('plan.get', { roadmapId: r.id }).undo).toMatchObject({ redoSteps: edits.length, next: 'Изменение мероприятия' });
    const redone: string[] = [];
    for (let i = 1; i <= edits.length; i++) {
      redone.push(api('plan.redo', { roadmapId: r.id }).redone);
      expect(planState(r.id)).toEqual(states[i]);
    }
    expect(redone).toEqual([
      'Изменение мероприятия',
      'Перемещение мероприятия',
      'Перемещение раздела',
      'Удаление раздела',
      'Изменение паспорта',
      'Изменение заголовков столбцов',
    ]);
    // The deleted section's execution came back with undo and went again with redo.
    expect(db.sqlite.prepare('SELECT count(*) FROM executions WHERE measure_id = ?').pluck().get(b)).toBe(0);
    expect(() => api('plan.redo', { roadmapId: r.id })).toThrow(/Возвращать нечего/);
  });

  it('undoes the passport and the column captions, and a new change drops what could be redone', () => {
    const { r } = roadmapWithPlan();
    api('roadmaps.update', { id: r.id, values: { goal: 'Цель 1' } });
    api('roadmaps.update', { id: r.id, values: { goal: 'Цель 2' } });
    expect(api('plan.undo', { roadmapId: r.id })).toEqual({ undone: 'Изменение паспорта' });
    expect(api('roadmaps.get', { id: r.id }).goal).toBe('Цель 1');
    api('plan.undo', { roadmapId: r.id });
    expect(api('roadmaps.get', { id: r.id }).goal).toBe('');
    expect(api('plan.get', { roadmapId: r.id }).undo).toMatchObject({ redoSteps: 2, next: 'Изменение паспорта' });
    api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: m('Новое') });
    expect(api('plan.get', { roadmapId: r.id }).undo).toMatchObject({ last: 'Добавление мероприятия', redoSteps: 0, next: null });
    expect(() => api('plan.redo', { roadmapId: r.id })).toThrow(/Возвращать нечего/);
  });

  it('a period change undone reads the terms against the old period again', () => {
    const { r, a } = roadmapWithPlan();
    const due = () => api('plan.get', { roadmapId: r.id }).sections[0]!.measures.find((x) => x.id === a)!.parsed;
    const before = due();
    api('roadmaps.update', { id: r.id, values: { periodStart: '2023-09-01', periodEnd: '2025-05-31' } });
    api('plan.undo', { roadmapId: r.id });
    expect(due()).toEqual(before);
    expect(api('roadmaps.get', { id: r.id })).toMatchObject({ periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  });

  it('keeps execution recorded after the undone change, and an edit that changes nothing is no step', () => {
    const { r, a } = roadmapWithPlan();
    const steps = api('plan.get', { roadmapId: r.id }).undo.steps;
    api('plan.updateMeasure', { id: a, values: { name: 'А' } });
    expect(api('plan.get', { roadmapId: r.id }).undo.steps).toBe(steps);
    api('plan.updateMeasure', { id: a, values: { name: 'А2' } });
    api('execution.set', { measureId: a, quarter: '2024-Q3', status: 'done', result: 'после изменения' });
    api('plan.undo', { roadmapId: r.id });
    expect(api('execution.grid', { roadmapId: r.id }).rows[0]!.cells['2024-Q3']).toMatchObject({
      status: 'done',
      result: 'после изменения',
    });
    api('plan.redo', { roadmapId: r.id });
    expect(api('plan.get', { roadmapId: r.id }).sections[0]!.measures[0]!.name).toBe('А2');
  });
});

describe('undo and record versions', () => {
  it('moves the version on with undo, so a form opened before the undo is told the record changed', () => {
    const { r, a } = roadmapWithPlan();
    api('plan.updateMeasure', { id: a, values: { name: 'Б2' } });
    const opened = api('plan.get', { roadmapId: r.id }).sections[0]!.measures.find((x) => x.id === a)!.version;
    api('plan.undo', { roadmapId: r.id });
    expect(() => api('plan.updateMeasure', { id: a, values: { name: 'Из старой формы' }, expectedVersion: opened })).toThrow(
      /Запись изменена после того, как вы её открыли/,
    );
    expect(api('plan.get', { roadmapId: r.id }).sections[0]!.measures.find((x) => x.id === a)!.name).toBe('А');
  });
});

describe('the history stays bounded', () => {
  it(`keeps ${HISTORY_DEPTH} steps per roadmap`, () => {
    const { r, a } = roadmapWithPlan();
    for (let i = 0; i < HISTORY_DEPTH + 10; i++) api('plan.updateMeasure', { id: a, values: { name: `Версия ${i}` } });
    expect(api('plan.get', { roadmapId: r.id }).undo.steps).toBe(HISTORY_DEPTH);
    for (let i = 0; i < HISTORY_DEPTH; i++) api('plan.undo', { roadmapId: r.id });
    expect(api('plan.get', { roadmapId: r.id }).sections[0]!.measures[0]!.name).toBe('Версия 9');
    expect(() => api('plan.undo', { roadmapId: r.id })).toThrow(/Отменять нечего/);
  });

  it('stores only the rows a change touched: an edit of one measure in a 2 000-measure plan is a few hundred bytes', () => {
    const r = api('roadmaps.create', { title: 'Большая', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    db.sqlite.transaction(() =>
      insertPlan(
        db,
        r.id,
        Array.from({ length: 20 }, (_, s) => ({
          number: '',
          title: `Раздел ${s + 1}`,
          measures: Array.from({ length: 100 }, (_, i) => ({
            number: '',
            name: `Мероприятие ${s}.${i} ${'текст '.repeat(20)}`,
            term: 'Ежеквартально',
            executors: 'Рабочая группа',
            result: 'Результат',
          })),
        })),
      ),
    )();
    const ids = db.sqlite.prepare('SELECT id FROM measures WHERE roadmap_id = ? ORDER BY id').pluck().all(r.id) as number[];
    const size = () =>
      db.sqlite.prepare('SELECT coalesce(sum(length(changes)), 0) FROM plan_history WHERE roadmap_id = ?').pluck().get(r.id) as number;
    api('plan.updateMeasure', { id: ids[1500]!, values: { term: 'Май 2024' } });
    expect(size()).toBeGreaterThan(0);
    expect(size()).toBeLessThan(1000);
    // A measure added at the top of a section renumbers that section's hundred measures, not the plan.
    const before = size();
    api('plan.addMeasure', {
      roadmapId: r.id,
      sectionId: db.sqlite.prepare('SELECT section_id FROM measures WHERE id = ?').pluck().get(ids[1500]!) as number,
      index: 0,
      values: m('Первое'),
    });
    const step = size() - before;
    expect(step).toBeGreaterThan(100 * 20);
    expect(step).toBeLessThan(100 * 200);
    api('plan.undo', { roadmapId: r.id });
    expect(db.sqlite.prepare('SELECT count(*) FROM measures WHERE roadmap_id = ?').pluck().get(r.id)).toBe(2000);
  });
});
