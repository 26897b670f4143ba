/**
 * The plan as a document prints it: the sections and the five texts of each measure, and nothing
 * else. getPlan builds what the editor needs (executor links, term readings, versions), which an
 * appendix of 5 000 measures would pay for and throw away; this reads two bare SELECTs.
 */
import type { Db } from './open';

export interface PrintedMeasure {
  number: string;
  name: string;
  term: string;
  executors: string;
  result: string;
}

export interface PrintedSection {
  /** Null for the measures outside any section: that group comes first and has no section row. */
  title: string | null;
  number: string;
  measures: PrintedMeasure[];
}

/**
 * The same grouping and order as getPlan: measures outside sections first, then each section by
 * position. The caller has read the roadmap (getRoadmap says «not found»); it is not read again here.
 */
export function printedPlan(db: Db, roadmapId: number): PrintedSection[] {
  const secs = db.sqlite.prepare('SELECT id, number, title FROM sections WHERE roadmap_id = ? ORDER BY position').all(roadmapId) as {
    id: number;
    number: string;
    title: string;
  }[];
  const rows = db.sqlite
    .prepare('SELECT section_id AS sectionId, number, name, term, executors, result FROM measures WHERE roadmap_id = ? ORDER BY position')
    .all(roadmapId) as (PrintedMeasure & { sectionId: number | null })[];
  const bySection = new Map<number | null, PrintedMeasure[]>();
  for (const { sectionId, ...m } of rows) {
    const list = bySection.get(sectionId);
    if (list) list.push(m);
    else bySection.set(sectionId, [m]);
  }
  const loose = bySection.get(null) ?? [];
  const out: PrintedSection[] = [];
  if (loose.length > 0 || secs.length === 0) out.push({ title: null, number: '', measures: loose });
  for (const s of secs) out.push({ title: s.title, number: s.number, measures: bySection.get(s.id) ?? [] });
  return out;
}
