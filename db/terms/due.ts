/**
 * The «Сроки» view: every due date of every measure and protocol decision, with the execution status
 * of the quarter it falls in — what is due this week, this month, this quarter, and what is overdue
 * (the due date has passed and that quarter's status is not «выполнено» / «выполнено с нарушением срока»).
 */
import { mustExist } from '../exists';
import type { ExecutionStatus } from '../executions';
import type { Db } from '../open';
import { schoolNames } from '../organizations';
import { namesSchool, type SchoolNames } from '../../shared/school-match';
import { quarterOf } from '../../shared/quarters';
import { fold } from '../text';
import { addDays, monthEnd, monthStart, quarterEnd, quarterStart, weekday } from './dates';

export type DueWindow = 'overdue' | 'week' | 'month' | 'quarter';

export interface DueFilter {
  today: string;
  window: DueWindow;
  personId?: number | undefined;
  schoolId?: number | undefined;
  roadmapId?: number | undefined;
  /** Free text matched against the executors as written (case and ё ignored). */
  executor?: string | undefined;
}

export interface DueItem {
  source: 'measure' | 'decision';
  id: number;
  roadmapId: number | null;
  meetingId: number | null;
  /** The roadmap's title, or «Протокол № 1 от 14.04.2022». */
  origin: string;
  number: string;
  name: string;
  term: string;
  executors: string;
  due: string;
  quarter: string;
  status: ExecutionStatus | null;
  done: boolean;
  overdue: boolean;
}

const DONE: (ExecutionStatus | null)[] = ['done', 'done_late'];

export function windowOf(today: string, window: DueWindow): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  if (window === 'week') {
    const from = addDays(today, 1 - weekday(today));
    return { from, to: addDays(from, 6) };
  }
  if (window === 'month') return { from: monthStart(y, m), to: monthEnd(y, m) };
  if (window === 'quarter') {
    const q = Math.floor((m - 1) / 3) + 1;
    return { from: quarterStart(y, q), to: quarterEnd(y, q) };
  }
  return { from: '0000-01-01', to: addDays(today, -1) };
}

interface Row {
  id: number;
  roadmapId: number | null;
  meetingId: number | null;
  origin: string;
  number: string;
  name: string;
  term: string;
  executors: string;
  termDue: string;
  schoolId: number | null;
  meetingDate: string | null;
}

export function dueItems(db: Db, f: DueFilter): DueItem[] {
  mustExist(db, 'people', f.personId);
  mustExist(db, 'organizations', f.schoolId);
  mustExist(db, 'roadmaps', f.roadmapId);
  const { from, to } = windowOf(f.today, f.window);
  const measures = db.sqlite
    .prepare(
      `SELECT m.id, m.roadmap_id AS roadmapId, NULL AS meetingId, r.title AS origin, m.number, m.name, m.term, m.executors,
              m.term_due AS termDue, r.school_id AS schoolId, NULL AS meetingDate
         FROM measures m JOIN roadmaps r ON r.id = m.roadmap_id
        WHERE (@roadmapId IS NULL OR m.roadmap_id = @roadmapId)
          AND (@personId IS NULL OR EXISTS (SELECT 1 FROM measure_executors e WHERE e.measure_id = m.id AND e.person_id = @personId))`,
    )
    .all({ roadmapId: f.roadmapId ?? null, personId: f.personId ?? null }) as Row[];
  // Decisions belong to no roadmap: a roadmap filter leaves them out.
  const decisions =
    f.roadmapId !== undefined
      ? []
      : (db.sqlite
          .prepare(
            `SELECT d.id, NULL AS roadmapId, mt.id AS meetingId, mt.number AS origin, printf('%d.%d', a.position + 1, d.position + 1) AS number,
                    d.text AS name, d.term, trim(coalesce(p.full_name, '') || ' ' || d.responsible_text) AS executors,
                    d.term_due AS termDue, NULL AS schoolId, mt.date AS meetingDate
               FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id JOIN meetings mt ON mt.id = a.meeting_id
               LEFT JOIN people p ON p.id = d.responsible_id
              WHERE (@personId IS NULL OR d.responsible_id = @personId)`,
          )
          .all({ personId: f.personId ?? null }) as Row[]);

  let school: SchoolNames | null = null;
  let linkedToSchool = new Set<number>();
  if (f.schoolId !== undefined) {
    school = schoolNames(db, f.schoolId) ?? {
      id: f.schoolId,
      name: '',
      shortName: '',
    };
    linkedToSchool = new Set(db.sqlite.prepare('SELECT measure_id FROM measure_executors WHERE organization_id = ?').pluck().all(f.schoolId) as number[]);
  }
  const statusOf = new Map<string, ExecutionStatus>();
  for (const x of db.sqlite.prepare('SELECT measure_id AS m, decision_id AS d, quarter, status FROM executions').all() as { m: number | null; d: number | null; quarter: string; status: ExecutionStatus }[])
    statusOf.set(x.m !== null ? `m${x.m}:${x.quarter}` : `d${x.d}:${x.quarter}`, x.status);
  const executorText = f.executor ? fold(f.executor) : null;

  const out: DueItem[] = [];
  const take = (source: DueItem['source'], r: Row) => {
    if (executorText && !fold(r.executors).includes(executorText)) return;
    if (school !== null) {
      const bySchool = source === 'measure' && (r.schoolId === f.schoolId || linkedToSchool.has(r.id) || namesSchool(r.executors, school));
      if (!bySchool) return;
    }
    for (const due of JSON.parse(r.termDue) as string[]) {
      if (due < from || due > to) continue;
      const quarter = quarterOf(due);
      const status = statusOf.get(`${source === 'measure' ? 'm' : 'd'}${r.id}:${quarter}`) ?? null;
      const done = DONE.includes(status);
      const overdue = due < f.today && !done;
      if (f.window === 'overdue' && !overdue) continue;
      out.push({
        source,
        id: r.id,
        roadmapId: r.roadmapId,
        meetingId: r.meetingId,
        origin: source === 'measure' ? r.origin : `Протокол № ${r.origin} от ${r.meetingDate!.split('-').reverse().join('.')}`,
        number: r.number,
        name: r.name,
        term: r.term,
        executors: r.executors,
        due,
        quarter,
        status,
        done,
        overdue,
      });
    }
  };
  for (const r of measures) take('measure', r);
  for (const r of decisions) take('decision', r);
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.origin.localeCompare(b.origin) || a.number.localeCompare(b.number, 'ru', { numeric: true }));
}

/** The quarters ('2024-Q2') in which a measure has something due: what quarterly execution asks about. */
export function dueQuarters(termDue: string[]): string[] {
  return [...new Set(termDue.map(quarterOf))].sort();
}
