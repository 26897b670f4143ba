/**
 * The roadmap's «Шкала времени»: everything the timeline draws, read at once into a plain model —
 * the sections and measures in plan order with their parsed terms (measures.term_*) and execution
 * marks, and the school quarters (четверти) when the roadmap's period is a school year. The layout
 * (dates → positions, colours) is shared/timeline-layout.ts; nothing here knows about pixels.
 */
import type { ExecutionStatus } from './executions';
import type { Db } from './open';
import { getRoadmap } from './roadmaps';
import { schoolYearsOverlapping } from './terms/calendar';
import type { TermKind } from './terms/parse';
import { getSchoolCalendar } from './terms/store';
import type { TimelineModel, TimelineMeasure, TimelineSection } from '../shared/timeline-layout';

interface Row {
  id: number;
  sectionId: number | null;
  number: string;
  name: string;
  term: string;
  kind: TermKind | null;
  start: string | null;
  end: string | null;
  due: string;
  /** '2024-Q1 done,2024-Q2 in_progress', or null: the marks read with the row (as «Сроки» reads them). */
  marks: string | null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A period that starts in August or September is a school year («2023/2024 учебный год»): its
 * timeline is divided into четверти of the school calendar (the settings' overrides included).
 */
export function isSchoolYearPeriod(periodStart: string): boolean {
  const month = Number(periodStart.slice(5, 7));
  return month === 8 || month === 9;
}

export function roadmapTimeline(db: Db, roadmapId: number): TimelineModel {
  const roadmap = getRoadmap(db, roadmapId);
  const sections = db.sqlite.prepare('SELECT id, number, title FROM sections WHERE roadmap_id = ? ORDER BY position').all(roadmapId) as {
    id: number;
    number: string;
    title: string;
  }[];
  const rows = db.sqlite
    .prepare(
      `SELECT m.id, m.section_id AS sectionId, m.number, m.name, m.term, m.term_kind AS kind, m.term_start AS start,
              m.term_end AS end, m.term_due AS due,
              (SELECT group_concat(x.quarter || ' ' || x.status) FROM executions x WHERE x.measure_id = m.id) AS marks
         FROM measures m WHERE m.roadmap_id = ? ORDER BY m.position`,
    )
    .all(roadmapId) as Row[];
  const toMeasure = (r: Row): TimelineMeasure => ({
    id: r.id,
    number: r.number,
    name: r.name,
    term: r.term,
    kind: r.kind ?? 'unparsed',
    start: r.start,
    end: r.end,
    due: (JSON.parse(r.due) as string[]).sort(),
    marks: r.marks
      ? r.marks.split(',').map((m) => ({ quarter: m.slice(0, m.indexOf(' ')), status: m.slice(m.indexOf(' ') + 1) as ExecutionStatus }))
      : [],
  });
  const bySection = new Map<number | null, TimelineMeasure[]>();
  for (const r of rows) {
    const list = bySection.get(r.sectionId) ?? [];
    list.push(toMeasure(r));
    bySection.set(r.sectionId, list);
  }
  // Measures outside every section come first, as in the plan (db/plan.ts getPlan).
  const out: TimelineSection[] = [];
  const loose = bySection.get(null) ?? [];
  if (loose.length) out.push({ number: '', title: null, measures: loose });
  for (const s of sections) out.push({ number: s.number, title: s.title, measures: bySection.get(s.id) ?? [] });

  const schoolQuarters = isSchoolYearPeriod(roadmap.periodStart)
    ? schoolYearsOverlapping(getSchoolCalendar(db), roadmap.periodStart, roadmap.periodEnd).flatMap((sy) => {
        const y = Number(sy.quarters[0].start.slice(0, 4));
        return sy.quarters.map((q, i) => ({ label: `${ROMAN[i]} четв. ${y}/${String((y + 1) % 100).padStart(2, '0')}`, ...q }));
      })
    : null;
  return {
    roadmap: { id: roadmap.id, title: roadmap.title, periodStart: roadmap.periodStart, periodEnd: roadmap.periodEnd },
    sections: out,
    schoolQuarters,
  };
}
