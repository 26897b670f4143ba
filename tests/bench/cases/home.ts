/**
 * The start screen «Главная» (`home.summary` through the API door) on 5 000 and 50 000 measures of
 * realistic terms with execution marks, ten schools named in the executors, «today» in 2024-Q4:
 * - the goal: under 300 ms on 50 000 measures (issue 17), a figure with its limit;
 * - the ratio against bare SQL doing the same counts over the same indexes, recorded without a goal:
 *   lines with a date before today that has no done mark in its quarter, the same for this week
 *   and this month, the quarter's measures per roadmap by their mark, overdue measures per school
 *   linked as an executor, and the last imports. The bare SQL knows neither the late marks that
 *   cover earlier dates, nor ranges running through the quarter, nor schools named in the text: that
 *   judgement is what the app adds on top.
 */
import { callApiSync as callApi } from '../../../electron/api/call';
import type { Db } from '../../../db/open';
import { closeDatabase, freshDb } from '../../helpers';
import { seedPlans } from '../data';
import { type BenchCases, type BenchResult, compare, figure } from '../harness';

const TODAY = '2024-11-15';
const STATUSES = ['done', 'done_late', 'in_progress', 'not_done', 'done', 'not_started'] as const;
const SCHOOLS = [
  'МБОУ СОШ № 1 с. Богородское',
  'МБОУ ООШ п. Циммермановка',
  'МБОУ СОШ с. Булава',
  'МБОУ СОШ п. Де-Кастри',
  'МБОУ ООШ с. Солонцы',
];

function seed(db: Db, measures: number): number {
  seedPlans(db, measures);
  const ids = db.sqlite.prepare('SELECT id FROM measures ORDER BY id').pluck().all() as number[];
  const insert = db.sqlite.prepare('INSERT INTO executions (measure_id, quarter, status) VALUES (?, ?, ?)');
  const school = db.sqlite.prepare("INSERT INTO organizations (kind, name, short_name) VALUES ('school', ?, ?)");
  let n = 0;
  db.sqlite.transaction(() => {
    for (const s of SCHOOLS) school.run(s, s.replace(/^МБОУ /, ''));
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
  const marks = seed(db, measures);
  const summary = () => {
    const r = callApi({ db }, 'home.summary', { today: TODAY });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { overdue: { count: number }; week: { count: number }; month: { count: number } };
  };
  const open = (span: string) =>
    db.sqlite.prepare(
      `SELECT count(DISTINCT d.measure_id) FROM due_dates d
        WHERE ${span} AND d.measure_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM executions x WHERE x.measure_id = d.measure_id AND x.quarter = d.quarter AND x.status IN ('done', 'done_late'))`,
    );
  const overdue = open(`d.due < '${TODAY}'`);
  const week = open(`d.due BETWEEN '2024-11-11' AND '2024-11-17'`);
  const month = open(`d.due BETWEEN '2024-11-01' AND '2024-11-30'`);
  const progress = db.sqlite.prepare(
    `SELECT m.roadmap_id, coalesce(x.status, 'none'), count(*) FROM measures m
       LEFT JOIN executions x ON x.measure_id = m.id AND x.quarter = '2024-Q4'
      WHERE m.term_kind = 'unparsed' OR m.id IN (SELECT measure_id FROM due_dates WHERE due BETWEEN '2024-10-01' AND '2024-12-31')
      GROUP BY 1, 2`,
  );
  const schools = db.sqlite.prepare(
    `SELECT e.organization_id, count(DISTINCT e.measure_id) FROM measure_executors e JOIN due_dates d ON d.measure_id = e.measure_id
      WHERE d.due < '${TODAY}' GROUP BY 1 ORDER BY 2 DESC LIMIT 10`,
  );
  const imports = db.sqlite.prepare('SELECT * FROM answer_imports ORDER BY imported_at DESC LIMIT 5');
  const bare = () => [overdue.pluck().get(), week.pluck().get(), month.pluck().get(), progress.all(), schools.all(), imports.all()];
  const s = summary();
  const extra = { overdue: s.overdue.count, week: s.week.count, month: s.month.count, marks };
  const vsSql = await compare({
    name: `«Главная» (home.summary), ${measures} measures`,
    floorName: 'bare SQL: the same counts over the same indexes, without the rules',
    goal: null,
    runs: measures > 10_000 ? 7 : 15,
    app: summary,
    floor: bare,
    extra,
  });
  closeDatabase(db);
  return [vsSql, figure(`«Главная» (home.summary), ${measures} measures, time`, vsSql.appMs, 300, 'ms', extra)];
}

const cases: BenchCases = async () => [...(await casesFor(5_000)), ...(await casesFor(50_000))];
export default cases;
