/**
 * The columns of an indicator values sheet (школа × индикатор × значение), found by their captions, and
 * the small readers of its cells: the kind of value, the year (a school year «2023/2024» is keyed by its
 * first year), the date of measurement, the base of a share. Each reader returns a value or a Russian problem.
 */
import { fold } from '../../db/text';
import { isValidDate, iso } from '../../db/terms/dates';
import type { IndicatorValueKind, IndicatorYearKind } from '../../shared/labels';
import { parseIndicatorValue } from '../../shared/indicators';

export const VALUE_FIELDS = ['school', 'indicator', 'year', 'value', 'kind', 'date', 'evidence', 'weight', 'roadmap'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];
/** Without these the sheet is not a table of indicator values. */
export const REQUIRED_FIELDS: readonly ValueField[] = ['school', 'indicator', 'year', 'value'];

/** The spellings a methodist's table uses, folded (lower case, ё → е). */
const CAPTIONS: Record<ValueField, string[]> = {
  school: ['школа', 'оо', 'образовательная организация', 'общеобразовательная организация', 'организация', 'наименование оо'],
  indicator: ['индикатор', 'показатель', 'наименование индикатора', 'наименование показателя', 'индикатор (показатель)'],
  year: ['год', 'учебный год', 'календарный год'],
  value: ['значение', 'значение индикатора', 'значение показателя', 'величина'],
  kind: ['вид', 'вид значения', 'тип значения'],
  date: ['дата', 'дата измерения', 'дата значения'],
  evidence: ['подтверждение', 'источник данных', 'источник', 'подтверждающие документы'],
  weight: ['число участников', 'основа', 'количество участников', 'основа доли'],
  roadmap: ['дорожная карта', 'дорожная карта (программа)'],
};

/** A caption as compared: folded, without «*», a final colon, or a unit in brackets («Значение, %», «Значение (%)»). */
export function captionKey(text: string): string {
  return fold(text)
    .replace(/[*:]+$/g, '')
    .replace(/\s*\((%|ед\.?|чел\.?)\)$/, '')
    .replace(/,\s*%$/, '')
    .trim();
}

export function fieldOfCaption(text: string): ValueField | null {
  const key = captionKey(text);
  if (!key) return null;
  for (const f of VALUE_FIELDS) if (CAPTIONS[f].includes(key)) return f;
  return null;
}

/** Field → column index of a header row, or null when the row lacks a required caption. */
export function columnsOf(texts: string[]): Partial<Record<ValueField, number>> | null {
  const map: Partial<Record<ValueField, number>> = {};
  texts.forEach((t, i) => {
    const f = fieldOfCaption(t);
    if (f && map[f] === undefined) map[f] = i;
  });
  return REQUIRED_FIELDS.every((f) => map[f] !== undefined) ? map : null;
}

type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

const KIND_WORDS: [RegExp, IndicatorValueKind][] = [
  [/^(план\p{L}*|цел\p{L}*)$/u, 'target'],
  [/^(факт\p{L}*|достигнут\p{L}*)$/u, 'actual'],
  [/^(баз\p{L}*|исходн\p{L}*)$/u, 'baseline'],
];

/** «план», «целевое» → target; «факт», «фактическое» → actual; «базовое» → baseline; empty → actual. */
export function readKind(text: string): Read<IndicatorValueKind> {
  const word = fold(text)
    .replace(/[.\s]+значение$/, '')
    .replace(/\.$/, '');
  if (!word) return { ok: true, value: 'actual' };
  for (const [re, kind] of KIND_WORDS) if (re.test(word)) return { ok: true, value: kind };
  return { ok: false, problem: `вид значения «${text.slice(0, 40)}» не распознан (план, факт или базовое)` };
}

/**
 * The year as written: «2024», «2023/2024», «2023/24», «2023–2024». A two-year form is a school year,
 * keyed by its first year; it is refused for an indicator counted by calendar years.
 */
export function readYear(text: string, yearKind: IndicatorYearKind): Read<number> {
  const t = text.replace(/\s+/g, '').replace(/(уч\.?)?г(од|\.)?\.?$/u, '');
  const single = /^(\d{4})$/.exec(t);
  if (single) return { ok: true, value: Number(single[1]) };
  const pair = /^(\d{4})[/\-–—](\d{2}|\d{4})$/.exec(t);
  if (pair) {
    const first = Number(pair[1]);
    const second = Number(pair[2]!.length === 2 ? String(first).slice(0, 2) + pair[2] : pair[2]);
    if (second !== first + 1) return { ok: false, problem: `год «${text}» не похож на учебный год` };
    if (yearKind !== 'school') return { ok: false, problem: `«${text}» — учебный год, а индикатор ведётся по календарным годам` };
    return { ok: true, value: first };
  }
  return { ok: false, problem: text.trim() ? `год «${text.slice(0, 40)}» не распознан` : 'не указан год' };
}

/** «15.05.2024» (as the reader shows a date cell) or «2024-05-15»; empty is no date. */
export function readDate(text: string): Read<string | null> {
  const t = text.trim();
  if (!t) return { ok: true, value: null };
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const isoForm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = ru
    ? [Number(ru[3]), Number(ru[2]), Number(ru[1])]
    : isoForm
      ? [Number(isoForm[1]), Number(isoForm[2]), Number(isoForm[3])]
      : [0, 0, 0];
  if (!isValidDate(y, m, d)) return { ok: false, problem: `дата «${t.slice(0, 40)}» не распознана (нужна ДД.ММ.ГГГГ)` };
  return { ok: true, value: iso(y, m, d) };
}

/** The base of a share (participants): a positive number, or nothing. */
export function readWeight(text: string): Read<number | null> {
  if (!text.trim()) return { ok: true, value: null };
  const w = parseIndicatorValue(text);
  if (w === null || w <= 0) return { ok: false, problem: `число участников «${text.slice(0, 40)}» — не положительное число` };
  return { ok: true, value: w };
}
