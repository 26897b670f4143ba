/**
 * Progress over time (ход выполнения по кварталам): for each quarter of a roadmap's period, how many
 * of its measures were due in that quarter and how many of those are done — per roadmap and for the
 * district (every roadmap in force in the quarter). Read at once (one snapshot): every measure's due
 * dates and the done marks; what counts as done is the one rule of shared/execution-rules.ts.
 *
 * The share's denominator is the measures **due in that quarter** (a due date of their parsed term
 * falls in it); a measure with several dates in the quarter (a weekly one) counts once, and is done
 * when every one of those dates is covered by a done mark («выполнено» or «выполнено с нарушением
 * срока», in its own quarter or late in a later one). Measures whose term could not be read have no
 * dates and count in no quarter; dates outside the roadmap's period (a report due on 05.01 after the
 * last quarter) are left off its axis.
 */
import { coveringMarks, DONE_STATUSES, type QuarterMark } from '../shared/execution-rules';
import { QUARTER_RE, quarterLabel, quarterOf, quartersOfPeriod } from '../shared/quarters';
import { AppError } from './errors';
import { mustExist } from './exists';
import type { Db } from './open';

export interface ProgressPoint {
  /** '2024-Q1'. */
  quarter: string;
  /** «I кв. 2024». */
  label: string;
  /** Measures with a due date in the quarter: the share's denominator. */
  due: number;
  /** Of those, the ones whose dates in the quarter are all done (on time or late). */
  done: number;
  /** done / due, 0–1; null when nothing was due or the quarter is after `upTo` (not reported yet). */
  share: number | null;
}

export interface ProgressSeries {
  /** null: the district, every roadmap in force. */
  roadmapId: number | null;
  title: string;
  points: ProgressPoint[];
}

export interface Progress {
  roadmaps: ProgressSeries[];
  /** The sum over the roadmaps, quarter by quarter; null when one roadmap was asked for. */
  district: ProgressSeries | null;
}

export interface ProgressRequest {
  roadmapId?: number | undefined;
  /** Only these roadmaps (the quarterly report's); every roadmap when absent. */
  roadmapIds?: number[] | undefined;
  /** The last quarter with a share: later quarters are not over yet, so a 0 there would mislead. */
  upTo: string;
}

export const DISTRICT_TITLE = 'Район';

interface Row {
  roadmapId: number;
  title: string;
  periodStart: string;
  periodEnd: string;
  measureId: number | null;
  /** null for a roadmap without measures (the LEFT JOIN keeps it: its line is all gaps). */
  termDue: string | null;
}

interface Mark extends QuarterMark {
  measureId: number;
}

/**
 * Two plain statements in one read transaction (one snapshot): the measures with their dates, and the
 * done marks (the statuses passed in from shared/execution-rules.ts, not listed here; a measure without
 * one has nothing to cover its dates). Joining the marks to the measures in SQL cost twice as much.
 */
const reads = new WeakMap<Db['sqlite'], ReturnType<typeof prepareReads>>();
const prepareReads = (sqlite: Db['sqlite']) => ({
  measures: sqlite.prepare<{ roadmapId: number | null; ids: string | null }, Row>(
    `SELECT r.id AS roadmapId, r.title, r.period_start AS periodStart, r.period_end AS periodEnd, m.id AS measureId, m.term_due AS termDue
       FROM roadmaps r LEFT JOIN measures m ON m.roadmap_id = r.id
      WHERE (@roadmapId IS NULL OR r.id = @roadmapId) AND (@ids IS NULL OR r.id IN (SELECT value FROM json_each(@ids)))`,
  ),
  marks: sqlite.prepare<{ roadmapId: number | null; done: string }, Mark>(
    `SELECT x.measure_id AS measureId, x.quarter, x.status FROM executions x JOIN measures m ON m.id = x.measure_id
      WHERE x.status IN (SELECT value FROM json_each(@done)) AND (@roadmapId IS NULL OR m.roadmap_id = @roadmapId)`,
  ),
});

const NO_MARKS: QuarterMark[] = [];

const foldTitle = (title: string) => title.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');

const shareOf = (quarter: string, due: number, done: number, upTo: string) => (quarter > upTo || !due ? null : done / due);

function axis(sum: Map<string, unknown>): string[] {
  const quarters = [...sum.keys()].sort();
  if (!quarters.length) return [];
  const [y1, q1] = quarters[0]!.split('-Q');
  const [y2, q2] = quarters.at(-1)!.split('-Q');
  // quartersOfPeriod takes dates: a quarter's first month is 3q − 2.
  const month = (q: string) => String(Number(q) * 3 - 2).padStart(2, '0');
  return quartersOfPeriod(`${y1}-${month(q1!)}-01`, `${y2}-${month(q2!)}-01`);
}

export function progressByQuarter(db: Db, req: ProgressRequest): Progress {
  if (!QUARTER_RE.test(req.upTo)) throw new AppError('bad_quarter', `Квартал пишется как 2022-Q2, а не «${req.upTo}».`);
  mustExist(db, 'roadmaps', req.roadmapId);
  let stmt = reads.get(db.sqlite);
  if (!stmt) reads.set(db.sqlite, (stmt = prepareReads(db.sqlite)));
  const { measures: rows, marks } = db.sqlite.transaction((q: NonNullable<typeof stmt>) => ({
    measures: q.measures.all({ roadmapId: req.roadmapId ?? null, ids: req.roadmapIds ? JSON.stringify(req.roadmapIds) : null }),
    marks: q.marks.all({ roadmapId: req.roadmapId ?? null, done: JSON.stringify(DONE_STATUSES) }),
  }))(stmt);
  const marksOf = new Map<number, QuarterMark[]>();
  for (const m of marks) {
    const list = marksOf.get(m.measureId);
    if (list) list.push(m);
    else marksOf.set(m.measureId, [m]);
  }

  // Per roadmap: quarter → [due, done].
  const tallies = new Map<number, { title: string; periodStart: string; counts: Map<string, [number, number]> }>();
  for (const r of rows) {
    let t = tallies.get(r.roadmapId);
    if (!t) {
      const counts = new Map(quartersOfPeriod(r.periodStart, r.periodEnd).map((q) => [q, [0, 0] as [number, number]]));
      tallies.set(r.roadmapId, (t = { title: r.title, periodStart: r.periodStart, counts }));
    }
    if (r.termDue === null || r.termDue === '[]') continue;
    const allDue = (JSON.parse(r.termDue) as string[]).sort();
    const covering = coveringMarks(allDue, marksOf.get(r.measureId!) ?? NO_MARKS);
    // quarter → all of the measure's dates in it are done so far.
    const byQuarter = new Map<string, boolean>();
    for (const due of allDue) {
      const q = quarterOf(due);
      byQuarter.set(q, (byQuarter.get(q) ?? true) && covering(due) !== null);
    }
    for (const [q, done] of byQuarter) {
      const c = t.counts.get(q);
      if (!c) continue; // outside the period: not on this roadmap's axis
      c[0]++;
      if (done) c[1]++;
    }
  }

  // The order of the roadmaps' list (db/roadmaps.ts listRoadmaps): the newest period first, then by title.
  const ordered = [...tallies].sort(
    ([a, x], [b, y]) => y.periodStart.localeCompare(x.periodStart) || foldTitle(x.title).localeCompare(foldTitle(y.title), 'ru') || a - b,
  );
  const roadmaps: ProgressSeries[] = ordered.map(([roadmapId, t]) => ({
    roadmapId,
    title: t.title,
    points: [...t.counts].map(([quarter, [due, done]]) => ({
      quarter,
      label: quarterLabel(quarter),
      due,
      done,
      share: shareOf(quarter, due, done, req.upTo),
    })),
  }));
  if (req.roadmapId !== undefined) return { roadmaps, district: null };

  // The district: each quarter sums the roadmaps whose period runs through it (those in force then).
  const sum = new Map<string, [number, number]>();
  for (const t of tallies.values())
    for (const [q, [due, done]] of t.counts) {
      const s = sum.get(q) ?? [0, 0];
      sum.set(q, [s[0] + due, s[1] + done]);
    }
  const district: ProgressSeries = {
    roadmapId: null,
    title: DISTRICT_TITLE,
    // Every quarter from the first to the last, so that a year between two roadmaps is a gap, not skipped.
    points: axis(sum).map((quarter) => {
      const [due, done] = sum.get(quarter) ?? [0, 0];
      return { quarter, label: quarterLabel(quarter), due, done, share: shareOf(quarter, due, done, req.upTo) };
    }),
  };
  return { roadmaps, district };
}
