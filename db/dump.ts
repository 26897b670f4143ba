/** The roadmap as one plain object, the shape `cli dump` prints and import round-trips compare. */
import type { Db } from './open';
import { getPlan } from './plan';
import { type Captions, getRoadmap, PASSPORT_FIELDS, type Passport } from './roadmaps';

export interface RoadmapDump {
  id: number;
  title: string;
  level: string;
  periodStart: string;
  periodEnd: string;
  captions: Captions;
  passport: Passport;
  sections: {
    number: string;
    title: string | null;
    measures: { id: number; number: string; name: string; term: string; executors: string; result: string }[];
  }[];
}

export function dumpRoadmap(db: Db, id: number): RoadmapDump {
  const r = getRoadmap(db, id);
  const passport = Object.fromEntries(PASSPORT_FIELDS.map((f) => [f, r[f]])) as Passport;
  return {
    id: r.id,
    title: r.title,
    level: r.level,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    captions: r.captions,
    passport,
    sections: getPlan(db, id).map((s) => ({
      number: s.number,
      title: s.title,
      measures: s.measures.map((m) => ({
        id: m.id,
        number: m.number,
        name: m.name,
        term: m.term,
        executors: m.executors,
        result: m.result,
      })),
    })),
  };
}
