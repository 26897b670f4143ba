/**
 * The school calendar: quarter (четверть) and trimester boundaries of each school year. Defaults are
 * the usual ones (I: 01.09–31.10, II: to 31.12, III: to 31.03, IV: to 31.05); the methodist can
 * override any school year in the settings. A school year is named by the year it starts in.
 */
import { iso, lastDay } from './dates';

export interface Span {
  start: string;
  end: string;
}
export interface SchoolYear {
  quarters: [Span, Span, Span, Span];
  trimesters: [Span, Span, Span];
}
/** Overrides by starting year ("2024" → the 2024/2025 school year). */
export type SchoolCalendar = Record<string, SchoolYear>;

export function defaultSchoolYear(y: number): SchoolYear {
  return {
    quarters: [
      { start: iso(y, 9, 1), end: iso(y, 10, 31) },
      { start: iso(y, 11, 1), end: iso(y, 12, 31) },
      { start: iso(y + 1, 1, 1), end: iso(y + 1, 3, 31) },
      { start: iso(y + 1, 4, 1), end: iso(y + 1, 5, 31) },
    ],
    trimesters: [
      { start: iso(y, 9, 1), end: iso(y, 11, 30) },
      { start: iso(y, 12, 1), end: iso(y + 1, 2, lastDay(y + 1, 2)) },
      { start: iso(y + 1, 3, 1), end: iso(y + 1, 5, 31) },
    ],
  };
}

export function schoolYear(calendar: SchoolCalendar, startYear: number): SchoolYear {
  return calendar[String(startYear)] ?? defaultSchoolYear(startYear);
}

/** Every school year that overlaps [start, end]. */
export function schoolYearsOverlapping(calendar: SchoolCalendar, start: string, end: string): SchoolYear[] {
  const out: SchoolYear[] = [];
  for (let y = Number(start.slice(0, 4)) - 1; y <= Number(end.slice(0, 4)); y++) {
    const sy = schoolYear(calendar, y);
    if (sy.quarters[0].start <= end && sy.quarters[3].end >= start) out.push(sy);
  }
  return out;
}
