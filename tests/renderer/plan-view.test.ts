/** The plan editor's filter and sort (renderer/src/pages/plan/view.ts) and its geometry (plan/layout.ts), as pure functions. */
import { describe, expect, it } from 'vitest';
import { effectiveWidths, fitWidths, lineCount, MIN_WIDTH, total } from '../../renderer/src/pages/plan/layout';
import {
  filterCount,
  isPlanOrder,
  NO_FILTER,
  viewRows,
  type PlanFilter,
  type ViewContext,
  type ViewMeasure,
} from '../../renderer/src/pages/plan/view';

let next = 1;
const m = (
  executors: string,
  term: { kind?: string; start?: string | null; end?: string | null; due?: string[] } = {},
  links: ViewMeasure['links'] = [],
): ViewMeasure => ({
  id: next++,
  number: '',
  name: `Мероприятие ${next}`,
  term: '',
  executors,
  links,
  parsed: { kind: term.kind ?? 'date', start: term.start ?? null, end: term.end ?? null, due: term.due ?? [] },
});

const a1 = m('МАОУ СОШ № 2', { start: '2024-03-01', end: '2024-03-31', due: ['2024-03-31'] });
const a2 = m('МБОУ СОШ № 24', { due: ['2024-01-15'] });
const b1 = m('Методист РМК Петрова А.С.', { kind: 'unparsed' });
const b2 = m('Заместитель директора', { start: '2024-09-01', end: '2024-12-31', due: ['2024-12-31'] }, [
  { personId: 7, organizationId: 2 },
]);
const sections = [
  { id: 10, number: '1', title: 'Организационные', measures: [a1, a2] },
  { id: 11, number: '2', title: 'Методические', measures: [b1, b2] },
];
const ctx: ViewContext = {
  schools: [
    { id: 2, name: 'Средняя школа № 2', shortName: 'СОШ № 2' },
    { id: 24, name: 'Средняя школа № 24', shortName: 'СОШ № 24' },
  ],
  personName: (id) => (id === 7 ? 'Ёлкина Е.В.' : ''),
  statuses: new Map([[a1.id, 'done' as const]]),
  overdue: new Set([a2.id]),
};
const keys = (f: Partial<PlanFilter>, sort: 'number' | 'term' | 'executor' = 'number') =>
  viewRows(sections, { ...NO_FILTER, ...f }, sort, ctx).map((r) => r.key);

describe('filtering the plan', () => {
  it('shows the whole plan, sections and measures, with no filter', () => {
    expect(keys({})).toEqual(['s10', `m${a1.id}`, `m${a2.id}`, 's11', `m${b1.id}`, `m${b2.id}`]);
    expect(isPlanOrder(NO_FILTER, 'number')).toBe(true);
  });

  it('by school: the name as written («№ 2», never «№ 24») or a link', () => {
    expect(keys({ schoolId: 2 })).toEqual(['s10', `m${a1.id}`, 's11', `m${b2.id}`]);
    expect(keys({ schoolId: 24 })).toEqual(['s10', `m${a2.id}`]);
  });

  it('by executor text (case and ё ignored, linked people too), section, status, overdue and unread term', () => {
    expect(keys({ executor: 'петрова' })).toEqual(['s11', `m${b1.id}`]);
    expect(keys({ executor: 'елкина' })).toEqual(['s11', `m${b2.id}`]);
    expect(keys({ section: 10 })).toEqual(['s10', `m${a1.id}`, `m${a2.id}`]);
    expect(keys({ status: 'done' })).toEqual(['s10', `m${a1.id}`]);
    expect(keys({ status: 'none' })).toEqual(['s10', `m${a2.id}`, 's11', `m${b1.id}`, `m${b2.id}`]);
    expect(keys({ overdue: true })).toEqual(['s10', `m${a2.id}`]);
    expect(keys({ unparsed: true })).toEqual(['s11', `m${b1.id}`]);
    expect(filterCount({ ...NO_FILTER, unparsed: true, executor: ' ' })).toBe(1);
  });

  it('by term window: a span or a due date that meets it; unread terms never', () => {
    expect(keys({ from: '2024-03-15', to: '2024-04-30' })).toEqual(['s10', `m${a1.id}`]);
    expect(keys({ from: '2024-10-01' })).toEqual(['s11', `m${b2.id}`]);
    expect(keys({ to: '2024-01-31' })).toEqual(['s10', `m${a2.id}`]);
  });

  it('sorts by term (earliest date, unread last) and by executor, measures alone', () => {
    expect(keys({}, 'term')).toEqual([a2, a1, b2, b1].map((x) => `m${x.id}`));
    expect(keys({}, 'executor')).toEqual([b2, a1, a2, b1].map((x) => `m${x.id}`));
    expect(isPlanOrder(NO_FILTER, 'term')).toBe(false);
  });

  it("keeps each measure's place in the real plan, for Insert after it", () => {
    const row = viewRows(sections, { ...NO_FILTER, schoolId: 2 }, 'number', ctx).find((r) => r.key === `m${b2.id}`);
    expect(row).toMatchObject({ kind: 'measure', sectionId: 11, index: 1 });
  });
});

describe('the table geometry', () => {
  it('fits the columns into the width, the term column never under its minimum', () => {
    for (const width of [1095, 1009, 822, 600]) {
      const w = fitWidths(width);
      expect(total(w)).toBe(Math.max(width, total(MIN_WIDTH)));
      expect(w.term).toBeGreaterThanOrEqual(MIN_WIDTH.term);
    }
    expect(fitWidths(1095).name).toBeGreaterThan(fitWidths(822).name);
  });

  it('takes a dragged width as it is; the last column fills what is left, a wider table is allowed', () => {
    const narrow = effectiveWidths(1000, { name: 250 });
    expect(narrow.name).toBe(250);
    expect(total(narrow)).toBe(1000);
    const wide = effectiveWidths(1000, { name: 900 });
    expect(total(wide)).toBeGreaterThan(1000);
  });

  it('counts wrapped lines as the browser does: whole words, line breaks kept, long words broken', () => {
    const mono = (s: string) => s.length * 10;
    expect(lineCount('', 100, mono)).toBe(0);
    expect(lineCount('один два три', 100, mono)).toBe(2); // «один два» is 80 px, « три» does not fit
    expect(lineCount('один\nдва', 1000, mono)).toBe(2);
    expect(lineCount('а'.repeat(25), 100, mono)).toBe(3);
    // 200 px of text a line: three words («слово» is 50 px, with spaces 170) → 10 lines.
    expect(lineCount('слово '.repeat(30).trim(), 200, mono)).toBe(10);
  });
});
