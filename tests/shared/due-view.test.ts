/**
 * «Сроки» sorts with collators made once and places of distinct values, not `localeCompare` per
 * comparison: the order must be exactly the one `localeCompare(…, 'ru')` gives, for every key and
 * direction, ties (equal dates, titles, numbers) included.
 */
import { describe, expect, it } from 'vitest';
import { DUE_SORT_KEYS, type DueLine, sortDue } from '../../shared/due-view';
import { EXECUTION_STATUSES, type ExecutionStatus } from '../../shared/labels';

/** The comparators as they were written with localeCompare: the reference order. */
const rank = (s: ExecutionStatus | null) => (s === null ? -1 : EXECUTION_STATUSES.indexOf(s));
const num = (a: DueLine, b: DueLine) => a.number.localeCompare(b.number, 'ru', { numeric: true });
const REFERENCE = {
  due: (a: DueLine, b: DueLine) => a.due.localeCompare(b.due) || a.origin.localeCompare(b.origin, 'ru') || num(a, b),
  origin: (a: DueLine, b: DueLine) => a.origin.localeCompare(b.origin, 'ru') || num(a, b) || a.due.localeCompare(b.due),
  executors: (a: DueLine, b: DueLine) => a.executors.localeCompare(b.executors, 'ru') || a.due.localeCompare(b.due) || num(a, b),
  status: (a: DueLine, b: DueLine) => rank(a.status) - rank(b.status) || a.due.localeCompare(b.due) || num(a, b),
};

const ORIGINS = [
  'Дорожная карта ШНОР, часть 10',
  'Дорожная карта ШНОР, часть 2',
  'Протокол № 12 от 01.02.2024',
  'Протокол № 3 от 14.04.2022',
  'ёлка',
  'Ель',
  'елка',
];
const NUMBERS = ['1.10', '1.9', '2', '10', '1.1', '', '3.2.1', '1.1'];
const EXECUTORS = ['РМК', 'руководители ОО', 'Гокова В.Я.; СОШ № 2', 'гокова в.я.; СОШ № 10', 'Ёлкина А.А.', ''];
const STATUSES: (ExecutionStatus | null)[] = [null, ...EXECUTION_STATUSES];

/** Deterministic lines with many ties: a line is its index among them, to tell equal-keyed lines apart. */
const lines: (DueLine & { i: number })[] = Array.from({ length: 400 }, (_, i) => ({
  i,
  due: `2024-${String(1 + ((i * 7) % 12)).padStart(2, '0')}-${String(1 + ((i * 13) % 3)).padStart(2, '0')}`,
  origin: ORIGINS[(i * 5) % ORIGINS.length]!,
  number: NUMBERS[(i * 3) % NUMBERS.length]!,
  executors: EXECUTORS[(i * 11) % EXECUTORS.length]!,
  status: STATUSES[(i * 17) % STATUSES.length]!,
  overdueCount: 0,
  nextDue: null,
  dates: [],
  term: '',
}));

describe('sortDue', () => {
  for (const by of DUE_SORT_KEYS)
    for (const order of ['ascend', 'descend'] as const)
      it(`orders by ${by}, ${order}, as localeCompare does`, () => {
        const sign = order === 'descend' ? -1 : 1;
        const want = [...lines].sort((a, b) => sign * REFERENCE[by](a, b)).map((l) => l.i);
        const got = sortDue(lines, by, order).map((l) => l.i);
        expect(got).toEqual(want);
        // Not trivially so: the input order is not already the answer.
        expect(got).not.toEqual(lines.map((l) => l.i));
      });

  it('puts «1.9» before «1.10» and leaves the input as it was', () => {
    const two = [lines.find((l) => l.number === '1.10')!, lines.find((l) => l.number === '1.9')!].map((l) => ({
      ...l,
      due: '2024-01-01',
      origin: 'К',
    }));
    expect(sortDue(two).map((l) => l.number)).toEqual(['1.9', '1.10']);
    expect(two.map((l) => l.number)).toEqual(['1.10', '1.9']);
  });
});
