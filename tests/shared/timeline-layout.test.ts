/** The timeline's layout under Node: the scale, the header's months and quarters, and each measure's marks and colours. */
import { describe, expect, it } from 'vitest';
import {
  DAY_PX,
  headerOf,
  marksOf,
  pagesOf,
  rowsOf,
  scaleOf,
  xAfter,
  xOf,
  type TimelineMeasure,
  type TimelineModel,
} from '../../shared/timeline-layout';
import { STATUS_COLORS, statusHex } from '../../shared/status-colors';
import { STATUS_COLORS as REPORT_COLORS } from '../../electron/reports/chart';

let nextId = 1;
const measure = (over: Partial<TimelineMeasure>): TimelineMeasure => ({
  id: nextId++,
  number: String(nextId),
  name: 'Мероприятие',
  term: '',
  kind: 'deadline',
  start: null,
  end: null,
  due: [],
  marks: [],
  ...over,
});
const model = (measures: TimelineMeasure[], period = { periodStart: '2024-01-01', periodEnd: '2024-12-31' }): TimelineModel => ({
  roadmap: { id: 1, title: 'Карта', ...period },
  sections: [{ number: '1', title: 'Раздел', measures }],
  schoolQuarters: null,
});

const spring = () => measure({ kind: 'range', term: 'Март – май 2024', start: '2024-03-01', end: '2024-05-31', due: ['2024-05-31'] });
const quarterly = () =>
  measure({
    kind: 'recurring',
    term: 'ежеквартально',
    start: '2024-01-01',
    end: '2024-12-31',
    due: ['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'],
  });

describe('the scale', () => {
  it('spans the period in whole months, a day being DAY_PX wide', () => {
    const s = scaleOf(model([]), DAY_PX.months);
    expect(s).toMatchObject({ start: '2024-01-01', end: '2025-01-01', dayPx: 4, width: 366 * 4 });
    expect(xOf(s, '2024-03-01')).toBe((31 + 29) * 4);
    expect(xAfter(s, '2024-01-31')).toBe(31 * 4);
  });

  it('widens to a term outside the period, but by a year at most', () => {
    const early = measure({ kind: 'deadline', end: '2023-11-15', due: ['2023-11-15'] });
    const absurd = measure({ kind: 'deadline', end: '2031-01-01', due: ['2031-01-01'] });
    expect(scaleOf(model([early, absurd]), 1)).toMatchObject({ start: '2023-11-01', end: '2025-01-01' });
  });

  it('names years, quarters and months; the «Годы» zoom leaves the months out', () => {
    const s = scaleOf(model([]), DAY_PX.months);
    const h = headerOf(s, 'months', null);
    expect(h.years.map((c) => c.label)).toEqual(['2024']);
    expect(h.quarters.map((c) => c.title)).toEqual(['I кв. 2024', 'II кв. 2024', 'III кв. 2024', 'IV кв. 2024']);
    expect(h.months.map((c) => c.label)).toEqual(['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек']);
    expect(h.months[2]).toMatchObject({ title: 'Март 2024', x: 60 * 4, width: 31 * 4 });
    expect(headerOf(scaleOf(model([]), DAY_PX.years), 'years', null).months).toEqual([]);
  });

  it('shows the school calendar’s четверти for a school-year period', () => {
    const m = model([], { periodStart: '2023-09-01', periodEnd: '2024-05-31' });
    m.schoolQuarters = [
      { label: 'I четв. 2023/24', start: '2023-09-01', end: '2023-10-27' },
      { label: 'II четв. 2023/24', start: '2023-11-06', end: '2023-12-29' },
    ];
    const s = scaleOf(m, 1);
    const h = headerOf(s, 'quarters', m.schoolQuarters);
    expect(h.quarters.map((c) => [c.label, c.title])).toEqual([
      ['I четв.', 'I четв. 2023/24'],
      ['II четв.', 'II четв. 2023/24'],
    ]);
    // The autumn holidays are a gap between the two.
    expect(h.quarters[0]!.x + h.quarters[0]!.width).toBe(xOf(s, '2023-10-28'));
    expect(h.quarters[1]!.x).toBe(xOf(s, '2023-11-06'));
  });
});

describe('a measure’s marks', () => {
  const s = scaleOf(model([]), DAY_PX.months);

  it('draws «Март – май 2024» as a bar from the start of March to the end of May, cut at the quarter', () => {
    const marks = marksOf(spring(), s, '2024-01-10');
    expect(marks.map((m) => [m.shape, m.from, m.to])).toEqual([
      ['bar', '2024-03-01', '2024-03-31'],
      ['bar', '2024-04-01', '2024-05-31'],
    ]);
    expect(marks[0]!.x).toBe(xOf(s, '2024-03-01'));
    expect(marks[1]!.x + marks[1]!.width).toBe(xAfter(s, '2024-05-31'));
  });

  it('draws «ежеквартально» as four ticks in 2024, a deadline as a diamond', () => {
    const ticks = marksOf(quarterly(), s, '2024-01-10');
    expect(ticks.map((m) => [m.shape, m.from])).toEqual([
      ['tick', '2024-03-31'],
      ['tick', '2024-06-30'],
      ['tick', '2024-09-30'],
      ['tick', '2024-12-31'],
    ]);
    const d = marksOf(measure({ kind: 'deadline', end: '2024-01-20', due: ['2024-01-20'] }), s, '2024-01-10');
    expect(d).toMatchObject([{ shape: 'diamond', from: '2024-01-20', x: xOf(s, '2024-01-20') + 2 }]);
    expect(marksOf(measure({ kind: 'unparsed' }), s, '2024-01-10')).toEqual([]);
  });

  it('colours each date by the mark that answers for it, as «Сроки» does', () => {
    const m = quarterly();
    m.marks = [
      { quarter: '2024-Q1', status: 'done' },
      { quarter: '2024-Q2', status: 'not_done' },
      { quarter: '2024-Q3', status: 'done_late' },
    ];
    const marks = marksOf(m, s, '2024-11-15');
    expect(marks.map((x) => [x.from, x.color, x.overdue])).toEqual([
      ['2024-03-31', 'done', false],
      ['2024-06-30', 'not_done', true],
      ['2024-09-30', 'done_late', false],
      ['2024-12-31', 'none', false],
    ]);
    // A report due in March and done in May: the second quarter's late mark answers for the March date.
    const report = measure({
      kind: 'deadline',
      end: '2024-03-31',
      due: ['2024-03-31'],
      marks: [{ quarter: '2024-Q2', status: 'done_late' }],
    });
    expect(marksOf(report, s, '2024-11-15')).toMatchObject([{ color: 'done_late', overdue: false }]);
    const unmarked = marksOf(quarterly(), s, '2024-11-15');
    expect(unmarked.map((x) => x.color)).toEqual(['none', 'none', 'none', 'none']);
    expect(unmarked.map((x) => x.overdue)).toEqual([true, true, true, false]);
  });

  it('colours a window’s pieces by their quarter’s mark, or by the done mark of its due date', () => {
    const m = spring();
    m.marks = [{ quarter: '2024-Q2', status: 'done' }];
    expect(marksOf(m, s, '2024-07-01').map((x) => x.color)).toEqual(['done', 'done']);
    m.marks = [{ quarter: '2024-Q1', status: 'in_progress' }];
    expect(marksOf(m, s, '2024-07-01').map((x) => [x.color, x.overdue])).toEqual([
      ['in_progress', false],
      ['none', true],
    ]);
    m.marks = [{ quarter: '2024-Q1', status: 'not_started' }];
    expect(marksOf(m, s, '2024-01-01')[0]!.color).toBe('none');
  });
});

describe('rows and pages', () => {
  it('puts sections and measures down the side and the unread terms apart', () => {
    const lost = measure({ kind: 'unparsed', name: 'Когда-нибудь' });
    const m: TimelineModel = {
      ...model([spring(), lost]),
      sections: [
        { number: '1', title: 'Раздел', measures: [spring(), lost] },
        { number: '2', title: 'Пустой раздел', measures: [] },
        { number: '3', title: 'Только нераспознанные', measures: [measure({ kind: 'unparsed' })] },
      ],
    };
    const { rows, unparsed } = rowsOf(m);
    expect(rows.map((r) => [r.kind, r.label.split(' ')[0]])).toEqual([
      ['section', '1.'],
      ['measure', rows[1]!.kind === 'measure' ? rows[1]!.measure.number : ''],
    ]);
    expect(unparsed.map((u) => u.kind)).toEqual(['unparsed', 'unparsed']);
  });

  it('cuts the rows into landscape sheets, fewer on A4 than on A3', () => {
    const a4 = pagesOf(100, 'A4', 54, 24);
    const a3 = pagesOf(100, 'A3', 54, 24);
    expect(a4[0]).toEqual({ from: 0, to: 26 });
    expect(a4.at(-1)!.to).toBe(100);
    expect(a3.length).toBeLessThan(a4.length);
  });
});

describe('status colours', () => {
  it('are one list for the report’s chart and the screens', () => {
    expect(REPORT_COLORS).toBe(STATUS_COLORS);
    expect(statusHex('done')).toBe('#52c41a');
    expect(statusHex('no such status')).toBe('#bfbfbf');
  });
});
