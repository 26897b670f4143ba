/**
 * Which measures a quarter's report (and a school's form) covers: those due in the quarter (from
 * their parsed terms), those whose range or «постоянно» window runs through it, those still open
 * from earlier quarters (a due date before the quarter that no done mark covers: shared/execution-rules.ts), and those whose
 * term could not be read — they are never silently left out of every report.
 */
import { AppError } from './errors';
import type { ExecutionRecord } from './executions';
import { coveringMarks, type QuarterMark } from '../shared/execution-rules';
import type { Db } from './open';
import { getPlan, type PlanMeasure } from './plan';
import { QUARTER_RE, quartersOfPeriod } from '../shared/quarters';
import { getRoadmap, type Roadmap } from './roadmaps';
import { quarterEnd, quarterStart } from './terms/dates';

export type Reason = 'due' | 'active' | 'open' | 'unparsed';

export interface QuarterRow {
  kind: 'section' | 'measure';
  sectionNumber: string;
  sectionTitle: string | null;
  measure?: PlanMeasure;
  reason?: Reason;
  /** The execution record of the report's quarter, if one was made. */
  record?: (ExecutionRecord & { filledBy?: string }) | null;
}

export interface QuarterSelection {
  roadmap: Roadmap;
  quarter: string;
  rows: QuarterRow[];
}

export function quarterSpan(quarter: string): { start: string; end: string } {
  const m = quarter.match(QUARTER_RE);
  if (!m) throw new AppError('bad_quarter', `Квартал пишется как 2022-Q2, а не «${quarter}».`);
  return { start: quarterStart(Number(m[1]), Number(m[2])), end: quarterEnd(Number(m[1]), Number(m[2])) };
}

export function roadmapCoversQuarter(roadmap: Pick<Roadmap, 'periodStart' | 'periodEnd'>, quarter: string): boolean {
  return quartersOfPeriod(roadmap.periodStart, roadmap.periodEnd).includes(quarter);
}

/**
 * Why a measure is in a quarter's report, or null when it is not: the one rule of the report, also
 * what the start screen counts (db/home.ts). `marks` are the measure's marks up to the quarter.
 */
export function quarterReason(
  t: { kind: string; start: string | null; end: string | null; due: readonly string[] },
  span: { start: string; end: string },
  marks: readonly QuarterMark[],
  /** coveringMarks(t.due, marks) when the caller has it already (the start screen). */
  covering: (due: string) => QuarterMark | null = coveringMarks(t.due, marks),
): Reason | null {
  const { start, end } = span;
  if (t.kind === 'unparsed') return 'unparsed';
  if (t.due.some((d) => d >= start && d <= end)) return 'due';
  if ((t.kind === 'range' || t.kind === 'continuous') && t.start! <= end && t.end! >= start) return 'active';
  // Still open: a date before the quarter that no done mark (up to this quarter) covers — the rule of «Сроки».
  // The line's quarters and done marks worked out once (coveringMarks), not per date: the start screen asks for every measure.
  if (t.due.some((d) => d < start && covering(d) === null)) return 'open';
  return null;
}

/** A roadmap's marks up to a quarter; prepared once per connection, as a report asks for every roadmap. */
const marksUpTo = new WeakMap<Db['sqlite'], ReturnType<typeof prepareMarksUpTo>>();
const prepareMarksUpTo = (sqlite: Db['sqlite']) =>
  sqlite.prepare<[number, string], ExecutionRecord & { measureId: number; quarter: string; filledBy: string }>(
    `SELECT x.measure_id AS measureId, x.quarter, x.status, x.result, x.evidence, x.note, x.filled_by AS filledBy, x.updated_at AS updatedAt
       FROM executions x JOIN measures m ON m.id = x.measure_id WHERE m.roadmap_id = ? AND x.quarter <= ?`,
  );

export function selectForQuarter(db: Db, roadmapId: number, quarter: string): QuarterSelection {
  const { start, end } = quarterSpan(quarter);
  const roadmap = getRoadmap(db, roadmapId);
  let marks = marksUpTo.get(db.sqlite);
  if (!marks) marksUpTo.set(db.sqlite, (marks = prepareMarksUpTo(db.sqlite)));
  const records = marks.all(roadmapId, quarter);
  const byMeasure = new Map<number, (ExecutionRecord & { quarter: string })[]>();
  for (const { measureId, ...r } of records) byMeasure.set(measureId, [...(byMeasure.get(measureId) ?? []), r]);

  const reasonOf = (m: PlanMeasure): Reason | null => quarterReason(m.parsed, { start, end }, byMeasure.get(m.id) ?? []);

  const rows: QuarterRow[] = [];
  for (const s of getPlan(db, roadmapId)) {
    const chosen = s.measures
      .map((m) => ({ m, reason: reasonOf(m) }))
      .filter((x): x is { m: PlanMeasure; reason: Reason } => x.reason !== null);
    if (!chosen.length) continue;
    if (s.title !== null) rows.push({ kind: 'section', sectionNumber: s.number, sectionTitle: s.title });
    for (const { m, reason } of chosen)
      rows.push({
        kind: 'measure',
        sectionNumber: s.number,
        sectionTitle: s.title,
        measure: m,
        reason,
        record: (byMeasure.get(m.id) ?? []).find((r) => r.quarter === quarter) ?? null,
      });
  }
  return { roadmap, quarter, rows };
}
