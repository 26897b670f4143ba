/**
 * «Сроки» (the `terms.due` call behind the view) for the current quarter and for «просрочено», over
 * 5 000 and 50 000 measures of realistic terms with execution marks, against two bare SQL floors over
 * the due_dates index:
 * - the goal's floor, «the same due lines»: every (measure, due date) pair in the window with the
 *   measure's number, name, term, executors and roadmap title and the mark of that date's quarter
 *   (by the (measure, quarter) index of executions), sorted by date;
 * - recorded beside it without a goal, a stricter one: each measure with a date in the window once,
 *   with the same fields, its first date in the window and all its marks, sorted by that date.
 * Neither judges (done, overdue, next date) or builds line objects: that work, the filters and the
 * Russian sort are what the app adds on top of them. */
import { callApiSync as callApi } from '../../../electron/api/call';
import type { Db } from '../../../db/open';
import { closeDatabase, freshDb } from '../../helpers';
import { seedPlans } from '../data';
import { type BenchCases, type BenchResult, compare } from '../harness';

/** A Friday in 2024-Q4: the seeded plans run 2024–2025, so the quarter has dates and the past has overdue ones. */
const TODAY = '2024-11-15';
const QUARTER = { from: '2024-10-01', to: '2024-12-31' };
const OVERDUE = { from: '0000-01-01', to: '2024-11-14' };

const STATUSES = ['done', 'done_late', 'in_progress', 'not_done', 'done', 'not_started'] as const;

/** Marks for two measures in three, in the quarters of 2024 (the way schools answer a quarter's form). */
function seedMarks(db: Db): number {
  const ids = db.sqlite.prepare('SELECT id FROM measures ORDER BY id').pluck().all() as number[];
  const insert = db.sqlite.prepare('INSERT INTO executions (measure_id, quarter, status) VALUES (?, ?, ?)');
  let n = 0;
  db.sqlite.transaction(() => {
    ids.forEach((id, i) => {
      if (i % 3 === 2) return;
      for (let q = 1; q <= 1 + (i % 4); q++) {
        insert.run(id, `2024-Q${q}`, STATUSES[(i + q) % STATUSES.length]);
        n++;
      }
    });
  })();
  return n;
}

async function casesFor(measures: number): Promise<BenchResult[]> {
  const db = freshDb();
  seedPlans(db, measures);
  const marks = seedMarks(db);
  const pairs = db.sqlite.prepare(
    `SELECT m.id, m.number, m.name, m.term, m.executors, r.title, d.due, x.status
       FROM due_dates d JOIN measures m ON m.id = d.measure_id JOIN roadmaps r ON r.id = m.roadmap_id
       LEFT JOIN executions x ON x.measure_id = d.measure_id AND x.quarter = d.quarter
      WHERE d.due BETWEEN ? AND ? ORDER BY d.due`,
  );
  const perMeasure = db.sqlite.prepare(
    `SELECT m.id, m.number, m.name, m.term, m.executors, r.title, w.due,
            (SELECT group_concat(x.quarter || ' ' || x.status) FROM executions x WHERE x.measure_id = m.id) AS marks
       FROM (SELECT measure_id, min(due) AS due FROM due_dates WHERE due BETWEEN ? AND ? AND measure_id IS NOT NULL GROUP BY measure_id) w
       JOIN measures m ON m.id = w.measure_id JOIN roadmaps r ON r.id = m.roadmap_id
      ORDER BY w.due`,
  );
  const due = (window: 'quarter' | 'overdue') => {
    const r = callApi({ db }, 'terms.due', { today: TODAY, window });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as unknown[];
  };
  const results: BenchResult[] = [];
  for (const [window, span] of [
    ['quarter', QUARTER],
    ['overdue', OVERDUE],
  ] as const) {
    const name = `«Сроки», ${window === 'quarter' ? 'квартал' : 'просрочено'}, ${measures} measures`;
    const runs = measures > 10_000 ? 7 : 15;
    const extra = { lines: due(window).length, pairs: pairs.all(span.from, span.to).length, marks };
    results.push(
      await compare({
        name,
        floorName: 'bare SQL: the same (measure, date) pairs with marks, by date',
        goal: 2,
        runs,
        app: () => due(window),
        floor: () => pairs.all(span.from, span.to),
        extra,
      }),
      await compare({
        name: `${name}, per measure`,
        floorName: 'bare SQL: each measure once with all its marks, by first date',
        goal: null,
        runs,
        app: () => due(window),
        floor: () => perMeasure.all(span.from, span.to),
      }),
    );
  }
  closeDatabase(db);
  return results;
}

const cases: BenchCases = async () => [...(await casesFor(5_000)), ...(await casesFor(50_000))];
export default cases;
