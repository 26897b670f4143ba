/**
 * A roadmap's indicators and their values (baseline, targets, actual values) for the district and for
 * each school. `setIndicatorValue` is the one writer of values: the grid, the Excel import and the school
 * form's answers all go through it. `indicatorBoard` gathers everything a page, the appendix or a report
 * shows into one plain model, achievement and district values included.
 */
import { AppError, notFound } from './errors';
import { getRoadmap } from './roadmaps';
import { checkVersion } from './versions';
import type { Db } from './open';
import {
  type Achievement,
  type IndicatorDirection,
  type IndicatorSource,
  type IndicatorUnit,
  type IndicatorValueKind,
  type IndicatorYearKind,
  INDICATOR_UNIT_LABELS,
} from '../shared/labels';
import { achievement, districtValue, indicatorYears, valueProblem } from '../shared/indicators';
import { indicatorsFromText } from '../shared/indicator-text';

export interface Indicator {
  id: number;
  roadmapId: number;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  source: IndicatorSource;
  yearKind: IndicatorYearKind;
  position: number;
  version: number;
}

export type IndicatorInput = Pick<Indicator, 'name'> & Partial<Pick<Indicator, 'unit' | 'direction' | 'source' | 'yearKind'>>;

export interface IndicatorValue {
  indicatorId: number;
  /** null: the district as a whole. */
  schoolId: number | null;
  kind: IndicatorValueKind;
  year: number;
  value: number;
  weight: number | null;
  measuredOn: string | null;
  evidence: string;
}

const COLUMNS = `id, roadmap_id AS roadmapId, name, unit, direction, source, year_kind AS yearKind, position, version`;

export function listIndicators(db: Db, roadmapId: number): Indicator[] {
  getRoadmap(db, roadmapId);
  return db.sqlite.prepare(`SELECT ${COLUMNS} FROM indicators WHERE roadmap_id = ? ORDER BY position, id`).all(roadmapId) as Indicator[];
}

export function getIndicator(db: Db, id: number): Indicator {
  const row = db.sqlite.prepare(`SELECT ${COLUMNS} FROM indicators WHERE id = ?`).get(id) as Indicator | undefined;
  if (!row) throw notFound('Индикатор', id);
  return row;
}

function checkName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new AppError('invalid', 'Укажите название индикатора.');
  return clean;
}

export function createIndicator(db: Db, roadmapId: number, input: IndicatorInput): Indicator {
  getRoadmap(db, roadmapId);
  const position =
    (db.sqlite.prepare('SELECT ifnull(max(position), 0) + 1 FROM indicators WHERE roadmap_id = ?').pluck().get(roadmapId) as number) ?? 1;
  const id = db.sqlite
    .prepare(`INSERT INTO indicators (roadmap_id, name, unit, direction, source, year_kind, position) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(
      roadmapId,
      checkName(input.name),
      input.unit ?? 'percent',
      input.direction ?? 'higher',
      input.source ?? 'other',
      input.yearKind ?? 'calendar',
      position,
    ).lastInsertRowid;
  return getIndicator(db, Number(id));
}

export function updateIndicator(db: Db, id: number, input: Partial<IndicatorInput>, expectedVersion?: number): Indicator {
  const current = getIndicator(db, id);
  checkVersion(db, 'indicators', id, expectedVersion);
  const next = { ...current, ...input, name: input.name === undefined ? current.name : checkName(input.name) };
  db.sqlite
    .prepare(
      `UPDATE indicators SET name = ?, unit = ?, direction = ?, source = ?, year_kind = ?, version = version + 1,
        updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
    )
    .run(next.name, next.unit, next.direction, next.source, next.yearKind, id);
  return getIndicator(db, id);
}

/** The passport's «Комплекс индикаторов» text as indicator rows, after those there are; names already there are skipped. */
export function indicatorsFromPassport(db: Db, roadmapId: number): Indicator[] {
  const roadmap = getRoadmap(db, roadmapId);
  const have = new Set(listIndicators(db, roadmapId).map((i) => i.name.toLowerCase().replace(/ё/g, 'е')));
  const drafts = indicatorsFromText(roadmap.indicators).filter((d) => !have.has(d.name.toLowerCase().replace(/ё/g, 'е')));
  db.sqlite.transaction(() => {
    for (const d of drafts) createIndicator(db, roadmapId, d);
  })();
  return listIndicators(db, roadmapId);
}

export interface ValueInput {
  indicatorId: number;
  schoolId: number | null;
  kind: IndicatorValueKind;
  year: number;
  /** null removes the value. */
  value: number | null;
  weight?: number | null;
  measuredOn?: string | null;
  evidence?: string;
}

/**
 * The one writer of indicator values. A baseline is one per school: writing one replaces the school's
 * baseline of any other year. Refuses a value the unit does not allow (a share of 140 %), a school that is
 * not a school, a year outside the roadmap's period (targets and actual values) — with a Russian message.
 */
export function setIndicatorValue(db: Db, input: ValueInput): void {
  const indicator = getIndicator(db, input.indicatorId);
  if (input.schoolId !== null) {
    const kind = db.sqlite.prepare('SELECT kind FROM organizations WHERE id = ?').pluck().get(input.schoolId) as string | undefined;
    if (kind === undefined) throw notFound('Организация', input.schoolId);
    if (kind !== 'school') throw new AppError('not_a_school', 'Значения индикаторов ведутся по школам и по району в целом.');
  }
  if (input.kind !== 'baseline') {
    const roadmap = getRoadmap(db, indicator.roadmapId);
    const years = indicatorYears(roadmap.periodStart, roadmap.periodEnd, indicator.yearKind);
    if (!years.includes(input.year))
      throw new AppError('invalid', `${input.year} год вне периода дорожной карты (${years[0]}–${years[years.length - 1]}).`);
  } else if (!Number.isInteger(input.year) || input.year < 1900 || input.year > 2100) {
    throw new AppError('invalid', `Год базового значения «${input.year}» не похож на год.`);
  }
  if (input.value !== null) {
    const problem = valueProblem(input.value, indicator.unit);
    if (problem)
      throw new AppError('invalid', `${problem}: «${input.value}» (${indicator.name}, ${INDICATOR_UNIT_LABELS[indicator.unit]}).`);
  }
  const school = input.schoolId ?? 0;
  db.sqlite.transaction(() => {
    if (input.kind === 'baseline')
      db.sqlite
        .prepare(`DELETE FROM indicator_values WHERE indicator_id = ? AND ifnull(school_id, 0) = ? AND kind = 'baseline'`)
        .run(input.indicatorId, school);
    else
      db.sqlite
        .prepare(`DELETE FROM indicator_values WHERE indicator_id = ? AND ifnull(school_id, 0) = ? AND kind = ? AND year = ?`)
        .run(input.indicatorId, school, input.kind, input.year);
    if (input.value === null) return;
    db.sqlite
      .prepare(
        `INSERT INTO indicator_values (indicator_id, school_id, kind, year, value, weight, measured_on, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.indicatorId,
        input.schoolId,
        input.kind,
        input.year,
        input.value,
        input.weight ?? null,
        input.measuredOn ?? null,
        input.evidence ?? '',
      );
  })();
}

export function indicatorValues(db: Db, roadmapId: number): IndicatorValue[] {
  return db.sqlite
    .prepare(
      `SELECT v.indicator_id AS indicatorId, v.school_id AS schoolId, v.kind, v.year, v.value, v.weight,
              v.measured_on AS measuredOn, v.evidence
         FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
        WHERE i.roadmap_id = ? ORDER BY i.position, i.id, v.school_id, v.kind, v.year`,
    )
    .all(roadmapId) as IndicatorValue[];
}

/** One line of the board: the district or a school, for one indicator. */
export interface BoardLine {
  schoolId: number | null;
  school: string;
  baseline: { year: number; value: number } | null;
  years: {
    year: number;
    target: number | null;
    actual: number | null;
    measuredOn: string | null;
    evidence: string;
    achievement: Achievement;
    /** The district line only: whether its actual value was computed from the schools' rather than entered. */
    computed?: boolean;
  }[];
}

export interface BoardIndicator extends Indicator {
  years: number[];
  /** The district first, then the schools with any value, by name. */
  lines: BoardLine[];
}

export interface IndicatorBoard {
  roadmapId: number;
  title: string;
  indicators: BoardIndicator[];
}

/**
 * Everything about a roadmap's indicators in one read. The district's actual value is the one entered
 * for the district, else computed from the schools' actual values (shared/indicators.ts districtValue).
 * With `schoolId`, only that school's lines (and the district's, for comparison).
 */
export function indicatorBoard(db: Db, roadmapId: number, options: { schoolId?: number } = {}): IndicatorBoard {
  const roadmap = getRoadmap(db, roadmapId);
  const values = indicatorValues(db, roadmapId);
  const names = new Map(
    (
      db.sqlite.prepare(`SELECT id, coalesce(nullif(short_name, ''), name) AS name FROM organizations WHERE kind = 'school'`).all() as {
        id: number;
        name: string;
      }[]
    ).map((o) => [o.id, o.name]),
  );
  const indicators = listIndicators(db, roadmapId).map((indicator): BoardIndicator => {
    const years = indicatorYears(roadmap.periodStart, roadmap.periodEnd, indicator.yearKind);
    const own = values.filter((v) => v.indicatorId === indicator.id);
    const schoolIds = [...new Set(own.map((v) => v.schoolId).filter((s): s is number => s !== null))]
      .filter((s) => options.schoolId === undefined || s === options.schoolId)
      .sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? '', 'ru'));
    const lineOf = (schoolId: number | null): BoardLine => {
      const mine = own.filter((v) => v.schoolId === schoolId);
      const base = mine.find((v) => v.kind === 'baseline');
      return {
        schoolId,
        school: schoolId === null ? 'Район' : (names.get(schoolId) ?? `Организация № ${schoolId}`),
        baseline: base ? { year: base.year, value: base.value } : null,
        years: years.map((year) => {
          const target = mine.find((v) => v.kind === 'target' && v.year === year) ?? null;
          let actual = mine.find((v) => v.kind === 'actual' && v.year === year) ?? null;
          let computed = false;
          if (schoolId === null && !actual) {
            const schools = own.filter((v) => v.schoolId !== null && v.kind === 'actual' && v.year === year);
            const value = districtValue(indicator.unit, schools);
            if (value !== null) {
              actual = { ...schools[0]!, schoolId: null, value, measuredOn: null, evidence: '' };
              computed = true;
            }
          }
          return {
            year,
            target: target?.value ?? null,
            actual: actual?.value ?? null,
            measuredOn: actual?.measuredOn ?? null,
            evidence: actual?.evidence ?? '',
            achievement: achievement(indicator.direction, target?.value, actual?.value),
            ...(schoolId === null ? { computed } : {}),
          };
        }),
      };
    };
    return { ...indicator, years, lines: [lineOf(null), ...schoolIds.map(lineOf)] };
  });
  return { roadmapId, title: roadmap.title, indicators };
}
