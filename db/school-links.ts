/**
 * «Связать исполнителей со школами…»: imported executors are plain text («МБОУ "СОШ №2"»), so the school
 * forms and «Сроки» would miss a school that is only written, never linked. The app proposes the links
 * the school matcher finds (shared/school-match.ts, with the directory's aliases) and the methodist
 * confirms them; the confirmed ones are written as one undoable step of the plan.
 */
import { AppError } from './errors';
import type { Db } from './open';
import { schoolDirectory } from './organizations';
import { changePlan } from './plan';
import { getRoadmap } from './roadmaps';
import { schoolsNamed } from '../shared/school-match';

export interface SchoolLinkProposal {
  measureId: number;
  /** The measure's number as printed («4. 8»), for the list. */
  number: string;
  name: string;
  executors: string;
  /** Schools the text names that are not linked yet. */
  schools: { id: number; label: string }[];
}

export interface SchoolLink {
  measureId: number;
  organizationId: number;
}

interface MeasureText {
  id: number;
  number: string;
  name: string;
  executors: string;
}

/** The measures of the roadmap in plan order (sections first by position; measures outside sections first). */
function measuresOf(db: Db, roadmapId: number): MeasureText[] {
  return db.sqlite
    .prepare(
      `SELECT m.id, m.number, m.name, m.executors
         FROM measures m LEFT JOIN sections s ON s.id = m.section_id
        WHERE m.roadmap_id = ?
        ORDER BY s.position IS NOT NULL, s.position, m.position, m.id`,
    )
    .all(roadmapId) as MeasureText[];
}

function linkedSchools(db: Db, roadmapId: number): Set<string> {
  const rows = db.sqlite
    .prepare(
      `SELECT e.measure_id AS m, e.organization_id AS o FROM measure_executors e JOIN measures m ON m.id = e.measure_id
        WHERE m.roadmap_id = ? AND e.organization_id IS NOT NULL`,
    )
    .all(roadmapId) as { m: number; o: number }[];
  return new Set(rows.map((r) => `${r.m}:${r.o}`));
}

/** For each measure whose executors name schools not yet linked to it: the measure and those schools. */
export function proposeSchoolLinks(db: Db, roadmapId: number): SchoolLinkProposal[] {
  getRoadmap(db, roadmapId);
  const schools = schoolDirectory(db);
  if (schools.length === 0) return [];
  const linked = linkedSchools(db, roadmapId);
  const out: SchoolLinkProposal[] = [];
  for (const m of measuresOf(db, roadmapId)) {
    const named = schoolsNamed(m.executors, schools).filter((s) => !linked.has(`${m.id}:${s.id}`));
    if (named.length > 0)
      out.push({
        measureId: m.id,
        number: m.number,
        name: m.name,
        executors: m.executors,
        schools: named.map((s) => ({ id: s.id, label: s.shortName || s.name })),
      });
  }
  return out;
}

/**
 * Writes the confirmed links as one step of the plan's history («Отменить» takes them all back).
 * Every pair is checked before anything is written: the measure is in this roadmap, the organisation
 * is a school. Pairs already linked are skipped. Returns how many links were added.
 */
export function linkSchools(db: Db, roadmapId: number, links: SchoolLink[]): { linked: number } {
  const roadmap = getRoadmap(db, roadmapId);
  const measureRoadmap = db.sqlite.prepare('SELECT roadmap_id FROM measures WHERE id = ?').pluck();
  const orgKind = db.sqlite.prepare('SELECT kind FROM organizations WHERE id = ?').pluck();
  for (const l of links) {
    const rid = measureRoadmap.get(l.measureId) as number | undefined;
    if (rid === undefined) throw new AppError('not_found', `Мероприятие № ${l.measureId} не найдено. Связи не записаны.`);
    if (rid !== roadmapId)
      throw new AppError('bad_link', `Мероприятие № ${l.measureId} не из дорожной карты «${roadmap.title}». Связи не записаны.`);
    const kind = orgKind.get(l.organizationId) as string | undefined;
    if (kind === undefined) throw new AppError('not_found', `Организация № ${l.organizationId} не найдена. Связи не записаны.`);
    if (kind !== 'school')
      throw new AppError(
        'not_a_school',
        `Организация № ${l.organizationId} — не школа: со школами связываются только общеобразовательные организации. Связи не записаны.`,
      );
  }
  const linked = linkedSchools(db, roadmapId);
  const fresh: SchoolLink[] = [];
  for (const l of links) {
    const key = `${l.measureId}:${l.organizationId}`;
    if (linked.has(key)) continue;
    linked.add(key);
    fresh.push(l);
  }
  if (fresh.length === 0) return { linked: 0 };
  const insert = db.sqlite.prepare('INSERT INTO measure_executors (measure_id, person_id, organization_id) VALUES (?, NULL, ?)');
  changePlan(db, roadmapId, 'Связь исполнителей со школами', () => {
    for (const l of fresh) insert.run(l.measureId, l.organizationId);
  });
  return { linked: fresh.length };
}
