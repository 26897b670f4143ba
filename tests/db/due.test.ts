/** The «Сроки» query: due this week / month / quarter and overdue, with filters, across roadmaps and protocol decisions. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { apiOf, closeDatabase, freshDb } from '../helpers';

let db: Db;
let api: ReturnType<typeof apiOf>;
let ids: Record<string, number>;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
  const school = api('organizations.create', { kind: 'school', name: 'Средняя школа № 2', shortName: 'СОШ № 2' });
  const gokova = api('people.create', { fullName: 'Гокова В.Я.' });
  const r = api('roadmaps.create', { title: 'Карта 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  const add = (name: string, term: string, extra: object = {}) =>
    api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name, term, ...extra } });
  ids = {
    school: school.id,
    gokova: gokova.id,
    roadmap: r.id,
    march: add('Отчёт за март', 'до 25 марта 2024', { executors: 'Гокова В.Я.', links: [{ personId: gokova.id, organizationId: null }] }),
    quarterly: add('Заседания', 'ежеквартально', { executors: 'Рабочая группа' }),
    april: add('Семинар', '10–20 апреля 2024', { executors: 'СОШ № 2' }),
    may: add('Анализ', 'Май 2024', { links: [{ personId: null, organizationId: school.id }] }),
    vague: add('Консультации', 'По мере поступления запросов'),
  };
  const m = api('meetings.save', {
    id: null,
    values: {
      date: '2024-02-01',
      number: '3',
      agenda: [{ title: 'О плане', decisions: [{ text: 'Подготовить справку', responsibleId: gokova.id, term: 'До 05.04.2024' }] }],
    },
  });
  ids.meeting = m.id;
  ids.decision = m.agenda[0]!.decisions[0]!.id;
  return () => closeDatabase(db);
});

const names = (xs: { name: string; due: string }[]) => xs.map((x) => `${x.due} ${x.name}`);

describe('due and overdue', () => {
  it('lists what is overdue on a given day: due date passed, quarter not done', () => {
    expect(names(api('terms.due', { today: '2024-04-08', window: 'overdue' }))).toEqual([
      '2024-03-25 Отчёт за март',
      '2024-03-31 Заседания',
      '2024-04-05 Подготовить справку',
    ]);
    api('execution.set', { measureId: ids.quarterly!, quarter: '2024-Q1', status: 'done' });
    api('execution.set', { measureId: ids.march!, quarter: '2024-Q1', status: 'done_late' });
    api('execution.set', { decisionId: ids.decision!, quarter: '2024-Q2', status: 'in_progress' });
    const overdue = api('terms.due', { today: '2024-04-08', window: 'overdue' });
    expect(names(overdue)).toEqual(['2024-04-05 Подготовить справку']);
    expect(overdue[0]).toMatchObject({
      source: 'decision',
      meetingId: ids.meeting,
      origin: 'Протокол № 3 от 01.02.2024',
      number: '1.1',
      status: 'in_progress',
      overdue: true,
    });
  });

  it('lists what is due this week, this month and this quarter', () => {
    expect(names(api('terms.due', { today: '2024-04-17', window: 'week' }))).toEqual(['2024-04-20 Семинар']);
    expect(names(api('terms.due', { today: '2024-04-17', window: 'month' }))).toEqual([
      '2024-04-05 Подготовить справку',
      '2024-04-20 Семинар',
    ]);
    expect(names(api('terms.due', { today: '2024-04-17', window: 'quarter' }))).toEqual([
      '2024-04-05 Подготовить справку',
      '2024-04-20 Семинар',
      '2024-05-31 Анализ',
      '2024-06-30 Заседания',
    ]);
    const q = api('terms.due', { today: '2024-04-17', window: 'quarter' });
    expect(q.find((x) => x.name === 'Семинар')).toMatchObject({
      overdue: false,
      done: false,
      quarter: '2024-Q2',
      roadmapId: ids.roadmap,
      term: '10–20 апреля 2024',
    });
  });

  it('filters by executor (a linked person or the executors text), school and roadmap', () => {
    expect(names(api('terms.due', { today: '2024-12-31', window: 'quarter', personId: ids.gokova }))).toEqual([]);
    expect(names(api('terms.due', { today: '2024-04-08', window: 'overdue', personId: ids.gokova }))).toEqual([
      '2024-03-25 Отчёт за март',
      '2024-04-05 Подготовить справку',
    ]);
    expect(names(api('terms.due', { today: '2024-04-08', window: 'overdue', executor: 'рабочая ГРУППА' }))).toEqual([
      '2024-03-31 Заседания',
    ]);
    expect(names(api('terms.due', { today: '2024-06-01', window: 'quarter', schoolId: ids.school }))).toEqual([
      '2024-04-20 Семинар',
      '2024-05-31 Анализ',
    ]);
    expect(names(api('terms.due', { today: '2024-04-08', window: 'overdue', roadmapId: ids.roadmap }))).toEqual([
      '2024-03-25 Отчёт за март',
      '2024-03-31 Заседания',
    ]);
  });

  it('quarterly execution knows in which quarters each measure is due', () => {
    const grid = api('execution.grid', { roadmapId: ids.roadmap! });
    const of = (name: string) => grid.rows.find((r) => r.name === name)!.dueQuarters;
    expect(of('Отчёт за март')).toEqual(['2024-Q1']);
    expect(of('Заседания')).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(of('Анализ')).toEqual(['2024-Q2']);
    expect(of('Консультации')).toEqual([]);
  });
});

describe('one line per measure, decisions marked done, sorted', () => {
  it('a weekly measure is one line: overdue count, next date, and its dates; a quarter marked done leaves the count', () => {
    const r = api('roadmaps.create', { title: 'Карта 2025/26', periodStart: '2025-09-01', periodEnd: '2026-05-31' });
    const weekly = api('plan.addMeasure', {
      roadmapId: r.id,
      sectionId: null,
      values: { name: 'Мониторинг посещаемости', term: 'еженедельно' },
    });
    let lines = api('terms.due', { today: '2025-12-04', window: 'overdue', roadmapId: r.id });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      id: weekly,
      due: '2025-09-07',
      overdue: true,
      overdueCount: 13,
      nextDue: '2025-12-07',
      summary: 'еженедельно — просрочено 13 раз, следующий срок 07.12.2025',
    });
    expect(lines[0]!.dates.map((d) => d.due)).toEqual([
      '2025-09-07',
      '2025-09-14',
      '2025-09-21',
      '2025-09-28',
      '2025-10-05',
      '2025-10-12',
      '2025-10-19',
      '2025-10-26',
      '2025-11-02',
      '2025-11-09',
      '2025-11-16',
      '2025-11-23',
      '2025-11-30',
    ]);
    expect(lines[0]!.dates.every((d) => d.overdue && !d.done)).toBe(true);
    // «Выполнено» for the third quarter covers September's four dates, not October's.
    api('execution.set', { measureId: weekly, quarter: '2025-Q3', status: 'done' });
    lines = api('terms.due', { today: '2025-12-04', window: 'overdue', roadmapId: r.id });
    expect(lines[0]).toMatchObject({
      due: '2025-10-05',
      overdueCount: 9,
      summary: 'еженедельно — просрочено 9 раз, следующий срок 07.12.2025',
      quarter: '2025-Q4',
      status: null,
    });
    // The month window: December's four dates on one line; the done ones can be left out.
    const month = api('terms.due', { today: '2025-12-04', window: 'month', roadmapId: r.id });
    expect(month.map((x) => [x.dates.length, x.overdueCount, x.nextDue])).toEqual([[4, 0, '2025-12-07']]);
    api('execution.set', { measureId: weekly, quarter: '2025-Q4', status: 'done_late' });
    expect(api('terms.due', { today: '2025-12-04', window: 'overdue', roadmapId: r.id })).toEqual([]);
    expect(api('terms.due', { today: '2025-12-04', window: 'month', roadmapId: r.id })[0]).toMatchObject({
      done: true,
      nextDue: '2026-01-04',
    });
    expect(api('terms.due', { today: '2025-12-04', window: 'month', roadmapId: r.id, showDone: false })).toEqual([]);
  });

  it('a protocol decision marked done (result, date) leaves the overdue list, and its state says so', () => {
    const overdue = () => names(api('terms.due', { today: '2024-04-08', window: 'overdue' }));
    expect(overdue()).toContain('2024-04-05 Подготовить справку');
    expect(api('decisions.states', { decisionIds: [ids.decision!], today: '2024-04-08' })).toEqual([
      { decisionId: ids.decision, done: false, overdue: true, mark: null },
    ]);
    // Marked «не выполнено»: still overdue.
    api('decisions.mark', { decisionId: ids.decision!, status: 'not_done', result: '', date: '2024-04-06' });
    expect(overdue()).toContain('2024-04-05 Подготовить справку');
    const state = api('decisions.mark', {
      decisionId: ids.decision!,
      status: 'done_late',
      result: 'Справка подготовлена',
      date: '2024-04-07',
    });
    expect(state).toEqual({
      decisionId: ids.decision,
      done: true,
      overdue: false,
      mark: { quarter: '2024-Q2', status: 'done_late', result: 'Справка подготовлена', doneOn: '2024-04-07' },
    });
    expect(overdue()).not.toContain('2024-04-05 Подготовить справку');
    expect(api('execution.ofDecision', { decisionId: ids.decision! })).toMatchObject([
      { quarter: '2024-Q2', status: 'done_late', result: 'Справка подготовлена' },
    ]);
    // Done a quarter late (July) still covers an April date.
    const m = api('meetings.save', {
      id: null,
      values: {
        date: '2024-03-01',
        number: '4',
        agenda: [{ title: 'О ВПР', decisions: [{ text: 'Провести анализ', term: 'До 15.05.2024' }] }],
      },
    });
    const late = m.agenda[0]!.decisions[0]!.id;
    api('decisions.mark', { decisionId: late, status: 'done_late', result: 'Анализ проведён', date: '2024-07-10' });
    expect(names(api('terms.due', { today: '2024-08-01', window: 'overdue' }))).not.toContain('2024-05-15 Провести анализ');
  });

  it('refuses to mark an unknown decision, with a Russian message', () => {
    expect(() => api('decisions.mark', { decisionId: 99999, status: 'done', result: '', date: '2024-04-07' })).toThrow(
      /Не найдено: решение № 99999/,
    );
  });

  it('sorts by date, roadmap, executor and status', () => {
    const r2 = api('roadmaps.create', { title: 'Альфа-карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    api('plan.addMeasure', {
      roadmapId: r2.id,
      sectionId: null,
      values: { name: 'Совещание', term: 'до 01 апреля 2024', executors: 'Абрамова' },
    });
    api('execution.set', { measureId: ids.march!, quarter: '2024-Q1', status: 'in_progress' });
    const by = (sortBy: 'due' | 'origin' | 'executors' | 'status', sortOrder: 'ascend' | 'descend' = 'ascend') =>
      names(api('terms.due', { today: '2024-04-08', window: 'overdue', sortBy, sortOrder }));
    expect(by('due')).toEqual([
      '2024-03-25 Отчёт за март',
      '2024-03-31 Заседания',
      '2024-04-01 Совещание',
      '2024-04-05 Подготовить справку',
    ]);
    expect(by('due', 'descend')).toEqual([
      '2024-04-05 Подготовить справку',
      '2024-04-01 Совещание',
      '2024-03-31 Заседания',
      '2024-03-25 Отчёт за март',
    ]);
    expect(by('origin')).toEqual([
      '2024-04-01 Совещание',
      '2024-03-25 Отчёт за март',
      '2024-03-31 Заседания',
      '2024-04-05 Подготовить справку',
    ]);
    expect(by('executors')).toEqual([
      '2024-04-01 Совещание',
      '2024-03-25 Отчёт за март',
      '2024-04-05 Подготовить справку',
      '2024-03-31 Заседания',
    ]);
    expect(by('status')).toEqual([
      '2024-03-31 Заседания',
      '2024-04-01 Совещание',
      '2024-04-05 Подготовить справку',
      '2024-03-25 Отчёт за март',
    ]);
  });
});

describe("«Сроки» and the quarter's report agree on what is still open", () => {
  it('a March report done late in May is neither overdue in «Сроки» nor «не выполнено ранее» in the third quarter', async () => {
    const { selectForQuarter } = await import('../../db/quarter-selection');
    const openIn = (quarter: string) =>
      selectForQuarter(db, ids.roadmap!, quarter)
        .rows.filter((r) => r.reason === 'open')
        .map((r) => r.measure!.name);
    const overdue = (today: string) => names(api('terms.due', { today, window: 'overdue', roadmapId: ids.roadmap }));
    expect(openIn('2024-Q3')).toEqual(['Отчёт за март', 'Семинар', 'Анализ']);
    expect(overdue('2024-07-10')).toEqual(['2024-03-25 Отчёт за март', '2024-03-31 Заседания', '2024-04-20 Семинар', '2024-05-31 Анализ']);
    const meetings = () =>
      api('terms.due', { today: '2024-07-10', window: 'overdue', roadmapId: ids.roadmap }).find((x) => x.name === 'Заседания')!;
    expect(meetings()).toMatchObject({ overdueCount: 2, summary: 'ежеквартально — просрочено 2 раза, следующий срок 30.09.2024' });
    api('execution.set', { measureId: ids.march!, quarter: '2024-Q2', status: 'done_late' });
    expect(openIn('2024-Q3')).toEqual(['Семинар', 'Анализ']);
    expect(overdue('2024-07-10')).not.toContain('2024-03-25 Отчёт за март');
    // «Заседания» (quarterly): Q2's mark answers for Q2's date only; Q1's stays overdue.
    api('execution.set', { measureId: ids.quarterly!, quarter: '2024-Q2', status: 'done' });
    expect(overdue('2024-07-10')).toEqual(['2024-03-31 Заседания', '2024-04-20 Семинар', '2024-05-31 Анализ']);
    expect(meetings()).toMatchObject({
      overdueCount: 1,
      dates: [{ due: '2024-03-31', quarter: '2024-Q1', status: null, done: false, overdue: true }],
    });
  });
});
