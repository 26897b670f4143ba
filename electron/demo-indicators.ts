/**
 * The demo district's indicators (resources/demo/indicators.json): the Karpinsk roadmap's indicators from
 * the regional passport list — the exams, the parents' survey, the teachers' qualification, age and
 * training, two of them lower-is-better — with the district's baseline and targets and, for the report
 * year, each school's baseline, target, actual value and its base (graduates, participants, teachers), so
 * the «Показатели» pages, the appendix's table and the report's sheet are filled for a new user. Some
 * targets are missed on purpose: «Не достигнуто» is part of what the methodist has to see.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createIndicator, setIndicatorValue } from '../db/indicators';
import type { Db } from '../db/open';
import type { IndicatorDirection, IndicatorSource, IndicatorUnit, IndicatorYearKind } from '../shared/labels';
import { resourcesDir } from './paths';

interface DemoIndicators {
  roadmap: string;
  /** When the schools' actual values were taken. */
  measuredOn: string;
  indicators: {
    name: string;
    unit: IndicatorUnit;
    direction: IndicatorDirection;
    source: IndicatorSource;
    yearKind: IndicatorYearKind;
    /** The district's baseline: [year, value]. */
    baseline: [number, number];
    /** The district's target per year of the period. */
    targets: Record<string, number>;
    /** The year the schools' targets and actual values are for. */
    year: number;
    /** School key (district.json) → its values; the weight is the base of the share. */
    schools: Record<string, { baseline: number; target: number; actual: number; weight: number }>;
  }[];
}

/** Runs inside fillDemo's transaction, with its maps of keys to ids; everything through the one writer. */
export function fillDemoIndicators(db: Db, orgs: Map<string, number>, roadmaps: Map<string, number>): void {
  const d = JSON.parse(fs.readFileSync(path.join(resourcesDir(), 'demo', 'indicators.json'), 'utf8')) as DemoIndicators;
  const need = <T>(map: Map<string, T>, key: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`demo indicators: unknown key ${key}`);
    return v;
  };
  const roadmapId = need(roadmaps, d.roadmap);
  for (const i of d.indicators) {
    const { id } = createIndicator(db, roadmapId, {
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      source: i.source,
      yearKind: i.yearKind,
    });
    setIndicatorValue(db, { indicatorId: id, schoolId: null, kind: 'baseline', year: i.baseline[0], value: i.baseline[1] });
    for (const [year, value] of Object.entries(i.targets))
      setIndicatorValue(db, { indicatorId: id, schoolId: null, kind: 'target', year: Number(year), value });
    for (const [key, v] of Object.entries(i.schools)) {
      const schoolId = need(orgs, key);
      setIndicatorValue(db, { indicatorId: id, schoolId, kind: 'baseline', year: i.baseline[0], value: v.baseline });
      setIndicatorValue(db, { indicatorId: id, schoolId, kind: 'target', year: i.year, value: v.target });
      setIndicatorValue(db, {
        indicatorId: id,
        schoolId,
        kind: 'actual',
        year: i.year,
        value: v.actual,
        weight: v.weight,
        measuredOn: d.measuredOn,
      });
    }
  }
}
