/**
 * The demo district's «500+» risks (resources/demo/risks.json): the risk profiles of its «500+» schools,
 * and the Karpinsk measures linked to the factors they address, so a new user sees the «Риски» page
 * filled — with some verified risks left without measures, as «Риски без мероприятий». No execution
 * marks are added: the demo's quarterly forms and reports stay as they were.
 */
import fs from 'node:fs';
import path from 'node:path';
import { clearHistory } from '../db/history';
import type { Db } from '../db/open';
import { getPlan, updateMeasure } from '../db/plan';
import { listFactors } from '../db/risk-factors';
import { setProfile } from '../db/risk-profiles';
import type { RiskLevel } from '../shared/labels';
import { resourcesDir } from './paths';

interface DemoRisks {
  year: number;
  /** School key (district.json) → [factor name, level]. */
  profiles: Record<string, [string, RiskLevel][]>;
  measures: { roadmap: string; measure: string; risks: string[] }[];
}

/** Runs inside fillDemo's transaction, with its maps of keys to ids. */
export function fillDemoRisks(db: Db, orgs: Map<string, number>, roadmaps: Map<string, number>): void {
  const d = JSON.parse(fs.readFileSync(path.join(resourcesDir(), 'demo', 'risks.json'), 'utf8')) as DemoRisks;
  const factorId = new Map(listFactors(db).map((f) => [f.name, f.id]));
  const need = <T>(map: Map<string, T>, key: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`demo risks: unknown key ${key}`);
    return v;
  };
  for (const [school, entries] of Object.entries(d.profiles))
    setProfile(
      db,
      need(orgs, school),
      d.year,
      entries.map(([name, level]) => ({ factorId: need(factorId, name), level })),
    );
  const measureId = (roadmap: string, number: string) => {
    const m = getPlan(db, need(roadmaps, roadmap))
      .flatMap((s) => s.measures)
      .find((x) => x.number === number);
    if (!m) throw new Error(`demo risks: unknown measure ${roadmap} ${number}`);
    return m.id;
  };
  for (const m of d.measures) updateMeasure(db, measureId(m.roadmap, m.measure), { risks: m.risks.map((r) => need(factorId, r)) });
  // The demo starts with a clean undo history.
  for (const id of new Set(d.measures.map((m) => need(roadmaps, m.roadmap)))) clearHistory(db, id);
}
