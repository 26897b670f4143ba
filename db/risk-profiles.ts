/**
 * A school's risk profile (рисковый профиль школы, «500+»): the verified risk factors with their level,
 * per year of verification. Mainly the «500+» schools have one, but any school may. The methodist
 * writes a year's profile at once: what is not in it is no longer verified for that year.
 */
import { AppError } from './errors';
import { getOrganization } from './organizations';
import type { Db } from './open';
import type { RiskLevel } from '../shared/labels';

export interface ProfileEntry {
  factorId: number;
  level: RiskLevel;
}

export interface SchoolProfile {
  schoolId: number;
  school: string;
  is500: boolean;
  /** The years with a profile, newest first. */
  years: number[];
  /** Every verified factor of every year. */
  entries: (ProfileEntry & { year: number })[];
}

/** The organisation as a school, or a clear refusal: profiles belong to schools only. */
export function schoolOf(db: Db, schoolId: number) {
  const org = getOrganization(db, schoolId);
  if (org.kind !== 'school')
    throw new AppError(
      'not_a_school',
      `«${org.shortName || org.name}» — не школа: рисковый профиль ведётся для общеобразовательной организации.`,
    );
  return org;
}

export function getProfile(db: Db, schoolId: number): SchoolProfile {
  const org = schoolOf(db, schoolId);
  const entries = db.sqlite
    .prepare(
      `SELECT s.factor_id AS factorId, s.level, s.year FROM school_risks s JOIN risk_factors f ON f.id = s.factor_id
        WHERE s.school_id = ? ORDER BY s.year DESC, f.position, f.id`,
    )
    .all(schoolId) as SchoolProfile['entries'];
  return {
    schoolId,
    school: org.shortName || org.name,
    is500: org.is500,
    years: [...new Set(entries.map((e) => e.year))],
    entries,
  };
}

/**
 * Writes the school's profile for `year`: exactly these factors with these levels (an empty list
 * removes that year's profile). All or nothing; an unknown factor, or the same factor twice, refuses it.
 */
export function setProfile(db: Db, schoolId: number, year: number, entries: ProfileEntry[]): SchoolProfile {
  schoolOf(db, schoolId);
  const seen = new Set<number>();
  const known = db.sqlite.prepare('SELECT name FROM risk_factors WHERE id = ?').pluck();
  for (const e of entries) {
    const name = known.get(e.factorId) as string | undefined;
    if (name === undefined) throw new AppError('not_found', `Фактор риска № ${e.factorId} не найден. Профиль не записан.`);
    if (seen.has(e.factorId)) throw new AppError('duplicate', `Фактор риска «${name}» указан дважды. Профиль не записан.`);
    seen.add(e.factorId);
  }
  db.sqlite.transaction(() => {
    db.sqlite.prepare('DELETE FROM school_risks WHERE school_id = ? AND year = ?').run(schoolId, year);
    const insert = db.sqlite.prepare('INSERT INTO school_risks (school_id, factor_id, level, year) VALUES (?, ?, ?, ?)');
    for (const e of entries) insert.run(schoolId, e.factorId, e.level, year);
  })();
  return getProfile(db, schoolId);
}

/**
 * The profile that holds in `year`: the newest one verified in that year or before (a profile stays
 * until the school is verified again). School id → its year and entries.
 */
export function profilesInForce(db: Db, year: number): Map<number, { year: number; entries: ProfileEntry[] }> {
  const rows = db.sqlite
    .prepare(
      `SELECT s.school_id AS schoolId, s.factor_id AS factorId, s.level, s.year FROM school_risks s
        WHERE s.year = (SELECT max(t.year) FROM school_risks t WHERE t.school_id = s.school_id AND t.year <= ?)`,
    )
    .all(year) as (ProfileEntry & { schoolId: number; year: number })[];
  const out = new Map<number, { year: number; entries: ProfileEntry[] }>();
  for (const r of rows) {
    const p = out.get(r.schoolId) ?? { year: r.year, entries: [] };
    p.entries.push({ factorId: r.factorId, level: r.level });
    out.set(r.schoolId, p);
  }
  return out;
}
