/**
 * What the «Показатели» pages do with indicators beyond the core (db/indicators.ts): reorder, delete to
 * the recycle bin, save a grid of values in one go, and read one school's lines across all roadmaps.
 * Values are still written only by `setIndicatorValue`.
 */
import { AppError, notFound } from './errors';
import {
  getIndicator,
  indicatorBoard,
  listIndicators,
  setIndicatorValue,
  type BoardIndicator,
  type Indicator,
  type ValueInput,
} from './indicators';
import { getRoadmap } from './roadmaps';
import { moveToTrash, type TrashItem } from './trash';
import type { Db } from './open';
import { yearLabel } from '../shared/indicators';

/** Moves the indicator to `position` (0-based, clamped) or one step up or down. */
export function moveIndicator(db: Db, id: number, to: { position?: number; direction?: 'up' | 'down' }): Indicator[] {
  return db.sqlite.transaction(() => {
    const indicator = getIndicator(db, id);
    const all = listIndicators(db, indicator.roadmapId).map((i) => i.id);
    const from = all.indexOf(id);
    const target = to.position ?? from + (to.direction === 'up' ? -1 : 1);
    const ids = all.filter((x) => x !== id);
    ids.splice(Math.max(0, Math.min(target, ids.length)), 0, id);
    const set = db.sqlite.prepare('UPDATE indicators SET position = ? WHERE id = ?');
    ids.forEach((x, i) => set.run(i + 1, x));
    return listIndicators(db, indicator.roadmapId);
  })();
}

/** «Удалить»: the indicator and all its values go to the recycle bin, from which they come back together. */
export function deleteIndicator(db: Db, id: number): TrashItem {
  getIndicator(db, id);
  return moveToTrash(db, 'indicator', id);
}

const KIND_WORDS: Record<ValueInput['kind'], string> = { baseline: 'базовое значение', target: 'план', actual: 'факт' };

function schoolName(db: Db, schoolId: number | null): string {
  if (schoolId === null) return 'Район';
  const name = db.sqlite.prepare(`SELECT coalesce(nullif(short_name, ''), name) FROM organizations WHERE id = ?`).pluck().get(schoolId) as
    string | undefined;
  return name ?? `Организация № ${schoolId}`;
}

/**
 * A grid's save: every value through the one writer, in one transaction — all or nothing. The first
 * refusal names where it is (school, indicator, year, kind), so the methodist finds the cell.
 */
export function setIndicatorValues(db: Db, values: ValueInput[]): { saved: number } {
  // A grid knows nothing of a share's base (the import brings it): a value saved without one keeps the base it had.
  const baseOf = db.sqlite.prepare(
    `SELECT weight FROM indicator_values WHERE indicator_id = ? AND ifnull(school_id, 0) = ? AND kind = ? AND year = ?`,
  );
  db.sqlite.transaction(() => {
    for (const v of values) {
      try {
        const weight =
          v.weight !== undefined
            ? v.weight
            : ((baseOf.pluck().get(v.indicatorId, v.schoolId ?? 0, v.kind, v.year) as number | null | undefined) ?? null);
        setIndicatorValue(db, { ...v, weight });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const indicator = db.sqlite.prepare('SELECT name, year_kind AS yearKind FROM indicators WHERE id = ?').get(v.indicatorId) as
          { name: string; yearKind: 'calendar' | 'school' } | undefined;
        if (!indicator) throw e;
        throw new AppError(
          e.code,
          `${schoolName(db, v.schoolId)}, «${indicator.name}», ${yearLabel(v.year, indicator.yearKind)} (${KIND_WORDS[v.kind]}): ${e.message} Ничего не сохранено.`,
        );
      }
    }
  })();
  return { saved: values.length };
}

/** The schools a roadmap's grid offers: those linked to its measures and those that already have values, by name. */
export function indicatorSchools(db: Db, roadmapId: number): { id: number; name: string }[] {
  getRoadmap(db, roadmapId);
  return db.sqlite
    .prepare(
      `SELECT o.id, coalesce(nullif(o.short_name, ''), o.name) AS name FROM organizations o
        WHERE o.kind = 'school' AND (
          o.id IN (SELECT e.organization_id FROM measure_executors e JOIN measures m ON m.id = e.measure_id WHERE m.roadmap_id = @r)
          OR o.id IN (SELECT v.school_id FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.roadmap_id = @r))
        ORDER BY name COLLATE NOCASE`,
    )
    .all({ r: roadmapId }) as { id: number; name: string }[];
}

/** A school asked about must exist: an unknown id is a refusal, not an empty board. */
export function checkOrganization(db: Db, id: number): void {
  if (db.sqlite.prepare('SELECT 1 FROM organizations WHERE id = ?').get(id) === undefined) throw notFound('Организация', id);
}

export interface SchoolIndicators {
  roadmapId: number;
  title: string;
  periodStart: string;
  periodEnd: string;
  /** Each indicator with the district's line and, when the school has values, the school's. */
  indicators: BoardIndicator[];
}

/**
 * One school's indicators across the roadmaps (the school's page): every roadmap with indicators, except
 * another school's own roadmap.
 */
export function schoolIndicatorBoard(db: Db, schoolId: number): SchoolIndicators[] {
  checkOrganization(db, schoolId);
  const roadmaps = db.sqlite
    .prepare(
      `SELECT r.id, r.title, r.period_start AS periodStart, r.period_end AS periodEnd FROM roadmaps r
        WHERE EXISTS (SELECT 1 FROM indicators i WHERE i.roadmap_id = r.id) AND (r.school_id IS NULL OR r.school_id = ?)
        ORDER BY r.period_start DESC, r.id DESC`,
    )
    .all(schoolId) as { id: number; title: string; periodStart: string; periodEnd: string }[];
  return roadmaps.map((r) => ({
    roadmapId: r.id,
    title: r.title,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    indicators: indicatorBoard(db, r.id, { schoolId }).indicators,
  }));
}
