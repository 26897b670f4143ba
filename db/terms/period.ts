/**
 * A period (of a roadmap, an import, a term read on the command line) is sane or refused with a message:
 * years 1900–2100 and at most 50 years long. Every loop over dates (weekly due dates, quarters) relies
 * on it: past year 9999 date strings stop sorting as dates, and a 1000-year weekly term never ends.
 */
import { DATE_LIMITS } from '../../shared/limits';
import { AppError } from '../errors';

const { minYear, maxYear, maxPeriodYears } = DATE_LIMITS;

/** A 'YYYY-MM-DD' whose year is one a plan can have. */
export const saneYear = (date: string): boolean =>
  /^\d{4}-/.test(date) && Number(date.slice(0, 4)) >= minYear && Number(date.slice(0, 4)) <= maxYear;

export const YEAR_MESSAGE = `Год должен быть от ${minYear} до ${maxYear}`;

/** What is wrong with the period, in Russian, or null. */
export function periodProblem(start: string, end: string): string | null {
  if (!saneYear(start) || !saneYear(end))
    return `Период ${start} — ${end} вне допустимых лет: годы должны быть от ${minYear} до ${maxYear}.`;
  if (start > end) return 'Начало периода позже его окончания.';
  if (Number(end.slice(0, 4)) - Number(start.slice(0, 4)) > maxPeriodYears)
    return `Период ${start} — ${end} длиннее ${maxPeriodYears} лет: так долго дорожные карты не действуют.`;
  return null;
}

export function checkPeriod(start: string, end: string): void {
  const problem = periodProblem(start, end);
  if (problem) throw new AppError('bad_period', problem);
}
