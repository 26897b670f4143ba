/**
 * The gaps made visible (issue 16, item 4): schools with a risk profile × risk factors. A cell of a
 * verified factor counts the measures that address the factor and belong to the school, and how many
 * of them are done in the quarter; «Риски без мероприятий» — verified factors no measure addresses —
 * come first. Pure gathering: the «Риски» page and the report's sheet only lay it out.
 *
 * A measure belongs to a school by the rule of the school forms (electron/reports/form.ts): linked to
 * the school among its executors, or its executors text names the school (shared/school-match.ts),
 * or its roadmap is the school's own. Only roadmaps whose period covers the quarter count: a plan of
 * another year does not answer this year's risks. The profile in force is the school's newest one
 * verified in the quarter's year or before (db/risk-profiles.ts).
 */
import type { Db } from './open';
import { schoolDirectory } from './organizations';
import { quarterSpan, roadmapCoversQuarter } from './quarter-selection';
import { profilesInForce, schoolOf } from './risk-profiles';
import { isDoneStatus } from '../shared/execution-rules';
import type { ExecutionStatus, RiskLevel } from '../shared/labels';
import { type RiskCellCounts, riskLevelRank } from '../shared/risk-cell';
import { namesSchool } from '../shared/school-match';

export interface RiskCell extends RiskCellCounts {
  factorId: number;
  /** The measures counted, for the school's page. */
  measureIds: number[];
}

export interface RiskRow {
  schoolId: number;
  school: string;
  is500: boolean;
  /** The year the profile in force was verified. */
  year: number;
  /** Verified factors only, in the list's order: an unverified factor has no cell. */
  cells: RiskCell[];
}

export interface RiskGap {
  schoolId: number;
  school: string;
  factorId: number;
  factor: string;
  level: RiskLevel;
}

export interface RiskMatrix {
  quarter: string;
  /** The columns: every factor verified in at least one row, in the list's order (archived ones too). */
  factors: { id: number; name: string; archived: boolean }[];
  rows: RiskRow[];
  /** «Риски без мероприятий»: high first, then by school. */
  gaps: RiskGap[];
}

export interface MatrixRequest {
  quarter: string;
  /** Only these roadmaps' measures (the quarterly report's choice); all covering the quarter when left out. */
  roadmapIds?: number[] | undefined;
  /** One school's row (its own page). */
  schoolId?: number | undefined;
}

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

export function gatherRiskMatrix(db: Db, req: MatrixRequest): RiskMatrix {
  quarterSpan(req.quarter);
  if (req.schoolId !== undefined) schoolOf(db, req.schoolId);
  const year = Number(req.quarter.slice(0, 4));
  const profiles = profilesInForce(db, year);
  if (req.schoolId !== undefined) for (const id of [...profiles.keys()]) if (id !== req.schoolId) profiles.delete(id);
  const schools = schoolDirectory(db).filter((s) => profiles.has(s.id));
  const is500 = new Set(db.sqlite.prepare('SELECT id FROM organizations WHERE is_500 = 1').pluck().all() as number[]);

  const roadmapSchool = new Map<number, number | null>();
  for (const r of db.sqlite
    .prepare('SELECT id, school_id AS schoolId, period_start AS periodStart, period_end AS periodEnd FROM roadmaps')
    .all() as {
    id: number;
    schoolId: number | null;
    periodStart: string;
    periodEnd: string;
  }[])
    if (roadmapCoversQuarter(r, req.quarter) && (!req.roadmapIds?.length || req.roadmapIds.includes(r.id)))
      roadmapSchool.set(r.id, r.schoolId);

  const measures = new Map<number, { roadmapId: number; executors: string; factors: number[] }>();
  for (const r of db.sqlite
    .prepare(
      `SELECT m.id, m.roadmap_id AS roadmapId, m.executors, k.factor_id AS factorId
         FROM measure_risks k JOIN measures m ON m.id = k.measure_id ORDER BY m.id`,
    )
    .all() as { id: number; roadmapId: number; executors: string; factorId: number }[]) {
    if (!roadmapSchool.has(r.roadmapId)) continue;
    const m = measures.get(r.id) ?? { roadmapId: r.roadmapId, executors: r.executors, factors: [] };
    m.factors.push(r.factorId);
    measures.set(r.id, m);
  }
  const linked = new Set(
    (
      db.sqlite
        .prepare(
          'SELECT DISTINCT e.measure_id AS m, e.organization_id AS o FROM measure_executors e JOIN measure_risks k ON k.measure_id = e.measure_id WHERE e.organization_id IS NOT NULL',
        )
        .all() as { m: number; o: number }[]
    ).map((l) => `${l.m}:${l.o}`),
  );
  const done = new Set(
    (
      db.sqlite.prepare('SELECT measure_id AS m, status FROM executions WHERE quarter = ? AND measure_id IS NOT NULL').all(req.quarter) as {
        m: number;
        status: ExecutionStatus;
      }[]
    )
      .filter((x) => isDoneStatus(x.status))
      .map((x) => x.m),
  );

  const factors = db.sqlite.prepare('SELECT id, name, archived FROM risk_factors ORDER BY position, id').all() as {
    id: number;
    name: string;
    archived: number;
  }[];
  const factorOrder = new Map(factors.map((f, i) => [f.id, i]));
  const rows: RiskRow[] = [];
  for (const s of schools) {
    const profile = profiles.get(s.id)!;
    const cells = new Map<number, RiskCell>(
      profile.entries.map((e) => [e.factorId, { factorId: e.factorId, level: e.level, measures: 0, done: 0, measureIds: [] }]),
    );
    for (const [id, m] of measures) {
      const belongs = roadmapSchool.get(m.roadmapId) === s.id || linked.has(`${id}:${s.id}`) || namesSchool(m.executors, s);
      if (!belongs) continue;
      for (const f of m.factors) {
        const cell = cells.get(f);
        if (!cell) continue;
        cell.measures++;
        cell.measureIds.push(id);
        if (done.has(id)) cell.done++;
      }
    }
    rows.push({
      schoolId: s.id,
      school: s.shortName || s.name,
      is500: is500.has(s.id),
      year: profile.year,
      cells: [...cells.values()].sort((a, b) => factorOrder.get(a.factorId)! - factorOrder.get(b.factorId)!),
    });
  }
  rows.sort((a, b) => collator.compare(a.school, b.school));

  const used = new Set(rows.flatMap((r) => r.cells.map((c) => c.factorId)));
  const columns = factors.filter((f) => used.has(f.id)).map((f) => ({ id: f.id, name: f.name, archived: f.archived === 1 }));
  const nameOf = new Map(factors.map((f) => [f.id, f.name]));
  const gaps: RiskGap[] = rows
    .flatMap((r) =>
      r.cells
        .filter((c) => c.measures === 0)
        .map((c) => ({ schoolId: r.schoolId, school: r.school, factorId: c.factorId, factor: nameOf.get(c.factorId)!, level: c.level })),
    )
    // Stable sort: within a level the schools keep their order, the factors theirs.
    .sort((a, b) => riskLevelRank(a.level) - riskLevelRank(b.level));
  return { quarter: req.quarter, factors: columns, rows, gaps };
}

/** Whether any school has a risk profile at all: the report's «Риски» sheet is added only then. */
export function anyRiskProfile(db: Db): boolean {
  return db.sqlite.prepare('SELECT 1 FROM school_risks LIMIT 1').get() !== undefined;
}
