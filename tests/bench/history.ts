/**
 * The undo history's cost: how much the database grows after 30 edits of a 10 000-measure plan, and
 * how long one edit takes on a 500- and a 10 000-measure plan (their ratio should stay near 1).
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { callApiSync as callApi } from '../../electron/api/call';
import type { Db } from '../../db/open';
import { insertPlan } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { closeDatabase, freshDb } from '../helpers';
import { type BenchResult, figure } from './harness';

/** A plan of `sections` × 100 measures, written at once like an import. */
function planOf(db: Db, sections: number): { roadmapId: number; ids: number[]; sectionIds: number[] } {
  const roadmapId = db.sqlite.transaction(() => {
    const r = createRoadmap(db, { title: 'Бенчмарк истории', periodStart: '2024-01-01', periodEnd: '2026-12-31' });
    insertPlan(
      db,
      r.id,
      Array.from({ length: sections }, (_, s) => ({
        number: '',
        title: `Раздел ${s + 1}`,
        measures: Array.from({ length: 100 }, (_, i) => ({
          number: '',
          name: `Мероприятие ${s}.${i} ${'текст '.repeat(30)}`,
          term: 'Ежеквартально',
          executors: 'Рабочая группа',
          result: 'Результат '.repeat(10),
        })),
      })),
    );
    return r.id;
  })();
  const ids = db.sqlite.prepare('SELECT id FROM measures WHERE roadmap_id = ? ORDER BY id').pluck().all(roadmapId) as number[];
  const sectionIds = db.sqlite.prepare('SELECT id FROM sections WHERE roadmap_id = ? ORDER BY id').pluck().all(roadmapId) as number[];
  return { roadmapId, ids, sectionIds };
}

function call(db: Db, m: string, input: unknown): void {
  const r = callApi({ db }, m, input);
  if (!r.ok) throw new Error(r.error.message);
}

/** The edits a methodist makes: change a measure, add one in the middle of a section, move one. */
function edit(db: Db, plan: ReturnType<typeof planOf>, i: number): void {
  const measure = plan.ids[(i * 7919) % plan.ids.length]!;
  const section = plan.sectionIds[i % plan.sectionIds.length]!;
  if (i % 3 === 0)
    call(db, 'plan.updateMeasure', { id: measure, values: { term: `Май 202${4 + (i % 2)}`, result: `Результат правки ${i}` } });
  else if (i % 3 === 1)
    call(db, 'plan.addMeasure', { roadmapId: plan.roadmapId, sectionId: section, index: 50, values: { name: `Новое мероприятие ${i}` } });
  else call(db, 'plan.moveMeasure', { id: measure, sectionId: section, index: 10 });
}

const fileSize = (db: Db) => {
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return fs.statSync(db.sqlite.name).size;
};

function medianEditMs(sections: number): number {
  const db = freshDb();
  const plan = planOf(db, sections);
  for (let i = 0; i < 5; i++) edit(db, plan, i);
  const t: number[] = [];
  for (let i = 5; i < 35; i++) {
    const s = performance.now();
    edit(db, plan, i);
    t.push(performance.now() - s);
  }
  closeDatabase(db);
  return t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!;
}

export function benchHistory(): BenchResult[] {
  const db = freshDb();
  const plan = planOf(db, 100);
  const start = fileSize(db);
  for (let i = 0; i < 30; i++) edit(db, plan, i);
  const grownMb = (fileSize(db) - start) / 1024 / 1024;
  const historyMb = (db.sqlite.prepare('SELECT sum(length(changes)) FROM plan_history').pluck().get() as number) / 1024 / 1024;
  closeDatabase(db);
  const small = medianEditMs(5);
  const large = medianEditMs(100);
  return [
    figure('history: database growth after 30 edits of 10 000 measures', grownMb, 5, 'MB', { historyMb: +historyMb.toFixed(2) }),
    {
      case: 'one edit at 10 000 measures vs at 500',
      floor: 'the same edits on a 500-measure plan',
      appMs: +large.toFixed(2),
      floorMs: +small.toFixed(2),
      ratio: +(large / small).toFixed(2),
      goal: 2,
    },
  ];
}
