/**
 * The start page's three steps (Настройки → schools → a roadmap) and whether each is done. A database
 * with neither roadmaps nor schools is a first start: the app opens on the start page instead of the list.
 */
import type { Db } from './open';
import { getDepartment } from './settings';

export interface FirstSteps {
  /** The department's full name is filled in Настройки (it heads every document). */
  settings: boolean;
  schools: number;
  roadmaps: number;
  /** Nothing entered yet: open on the start page. */
  empty: boolean;
}

export function firstSteps(db: Db): FirstSteps {
  const count = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;
  const schools = count("SELECT count(*) FROM organizations WHERE kind = 'school'");
  const roadmaps = count('SELECT count(*) FROM roadmaps');
  return { settings: getDepartment(db).fullName.trim() !== '', schools, roadmaps, empty: schools === 0 && roadmaps === 0 };
}

/** Nobody has entered anything yet (no roadmaps, no people): the demo district may be filled in. */
export function holdsNoRecords(db: Db): boolean {
  const count = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;
  return count('SELECT count(*) FROM roadmaps') + count('SELECT count(*) FROM people') === 0;
}
