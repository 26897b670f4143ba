/**
 * The rules of indicators (индикаторы), in one place for the db, the documents, the reports and the
 * renderer: which years a roadmap's indicator has, how a value is read from what the methodist typed or
 * a sheet holds, whether a target is met, and the district's value computed from the schools'.
 * Pure: no Node, no DOM.
 */
import type { Achievement, IndicatorDirection, IndicatorUnit, IndicatorYearKind } from './labels';

/** The largest value anyone counts (a district has a few thousand pupils; a typo of 1e12 is refused). */
export const INDICATOR_VALUE_MAX = 1e9;

/**
 * The years of a roadmap's period that carry targets: each calendar year the period touches, or for
 * school years each school year (keyed by its first calendar year: 2024 = 2024/2025) that overlaps it.
 */
export function indicatorYears(periodStart: string, periodEnd: string, yearKind: IndicatorYearKind = 'calendar'): number[] {
  const startYear = Number(periodStart.slice(0, 4));
  const endYear = Number(periodEnd.slice(0, 4));
  if (!Number.isInteger(startYear) || !Number.isInteger(endYear) || endYear < startYear) return [];
  let first = startYear;
  let last = endYear;
  if (yearKind === 'school') {
    // A school year runs September to August: a period from January 2024 starts in 2023/2024.
    if (Number(periodStart.slice(5, 7)) < 9) first -= 1;
    if (Number(periodEnd.slice(5, 7)) < 9) last -= 1;
  }
  const out: number[] = [];
  // Bounded: a period is at most 50 years (DATE_LIMITS), never a loop over a typo.
  for (let y = first; y <= last && out.length < 60; y++) out.push(y);
  return out;
}

/** «2024» or «2024/2025». */
export function yearLabel(year: number, yearKind: IndicatorYearKind = 'calendar'): string {
  return yearKind === 'school' ? `${year}/${year + 1}` : String(year);
}

/**
 * A value as written: «45,5», «45.5», «45,5 %», « 12 », «1 250» (a space between thousands). Returns null
 * for anything else («н/д», «—», «45,5,1», an empty cell is `undefined`-free: null too).
 */
export function parseIndicatorValue(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return Number.isFinite(input) && Math.abs(input) <= INDICATOR_VALUE_MAX ? input : null;
  const text = input
    .replace(/[\s\u00a0\u202f]+/g, '')
    .replace(/%$/, '')
    .replace(',', '.');
  if (!/^[-−]?\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text.replace('−', '-'));
  return Number.isFinite(value) && Math.abs(value) <= INDICATOR_VALUE_MAX ? value : null;
}

/** Why a value cannot be taken for this unit, or null when it can. */
export function valueProblem(value: number, unit: IndicatorUnit): string | null {
  if (!Number.isFinite(value) || Math.abs(value) > INDICATOR_VALUE_MAX) return 'Значение вне допустимого диапазона';
  if (unit === 'percent' && (value < 0 || value > 100)) return 'Доля в процентах должна быть от 0 до 100';
  if ((unit === 'people' || unit === 'units') && (value < 0 || !Number.isInteger(value))) return 'Нужно целое неотрицательное число';
  if (value < 0) return 'Значение не может быть отрицательным';
  return null;
}

/** Met when the actual value reaches the target in the indicator's direction; no data when either is missing. */
export function achievement(
  direction: IndicatorDirection,
  target: number | null | undefined,
  actual: number | null | undefined,
): Achievement {
  if (target === null || target === undefined || actual === null || actual === undefined) return 'no_data';
  return (direction === 'lower' ? actual <= target : actual >= target) ? 'met' : 'not_met';
}

export interface SchoolValue {
  value: number;
  /** The base of a share (participants, pupils); null when not known. */
  weight: number | null;
}

/**
 * The district's value from its schools' values, or null when the unit does not allow it or nothing is known.
 * Counts (человек, единицы) add up. A share (%) is the schools' shares weighted by their bases when every
 * school gave one (the district's share of pupils), else their plain mean; points (баллы) are a mean the same way.
 */
export function districtValue(unit: IndicatorUnit, values: SchoolValue[]): number | null {
  if (values.length === 0) return null;
  if (unit === 'people' || unit === 'units') return values.reduce((sum, v) => sum + v.value, 0);
  const weighted = values.every((v) => v.weight !== null && v.weight > 0);
  if (weighted) {
    const total = values.reduce((sum, v) => sum + v.weight!, 0);
    return tenth(values.reduce((sum, v) => sum + v.value * v.weight!, 0) / total);
  }
  return tenth(values.reduce((sum, v) => sum + v.value, 0) / values.length);
}

/** Two decimals at most: what a typed value is printed with. */
const round = (x: number) => Math.round(x * 100) / 100;

/** One decimal: the precision schools report shares and scores in, so a computed value is not more exact than they are. */
const tenth = (x: number) => Math.round(x * 10) / 10;

/** «45,5» as a Russian document writes a number (decimal comma, no trailing zeros). */
export function formatIndicatorValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(round(value)).replace('.', ',');
}

/**
 * The indicator year a quarter reports on ('2024-Q2'): its calendar year, or for school years the school
 * year holding most of the quarter — Q1–Q3 (January to September, the exams of June and July) close the
 * school year begun the autumn before, Q4 is in the one begun in September.
 */
export function indicatorYearOfQuarter(quarter: string, yearKind: IndicatorYearKind = 'calendar'): number {
  const year = Number(quarter.slice(0, 4));
  if (yearKind === 'calendar') return year;
  return quarter.endsWith('Q4') ? year : year - 1;
}
