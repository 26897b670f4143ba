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
  const add = (name: string, term: string, extra: object = {}) => api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name, term, ...extra } });
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
  const m = api('meetings.save', { id: null, values: { date: '2024-02-01', number: '3', agenda: [{ title: 'О плане', decisions: [{ text: 'Подготовить справку', responsibleId: gokova.id, term: 'До 05.04.2024' }] }] } });
  ids.meeting = m.id;
  ids.decision = m.agenda[0]!.decisions[0]!.id;
  return () => closeDatabase(db);
});

const names = (xs: { name: string; due: string }[]) => xs.map((x) => `${x.due} ${x.name}`);

describe('due and overdue', () => {
  it('lists what is overdue on a given day: due date passed, quarter not done', () => {
    expect(names(api('terms.due', { today: '2024-04-08', window: 'overdue' }))).toEqual(['2024-03-25 Отчёт за март', '2024-03-31 Заседания', '2024-04-05 Подготовить справку']);
    api('execution.set', { measureId: ids.quarterly!, quarter: '2024-Q1', status: 'done' });
    api('execution.set', { measureId: ids.march!, quarter: '2024-Q1', status: 'done_late' });
    api('execution.set', { decisionId: ids.decision!, quarter: '2024-Q2', status: 'in_progress' });
    const overdue = api('terms.due', { today: '2024-04-08', window: 'overdue' });
    expect(names(overdue)).toEqual(['2024-04-05 Подготовить справку']);
    expect(overdue[0]).toMatchObject({ source: 'decision', meetingId: ids.meeting, origin: 'Протокол № 3 от 01.02.2024', number: '1.1', status: 'in_progress', overdue: true });
  });

  it('lists what is due this week, this month and this quarter', () => {
    expect(names(api('terms.due', { today: '2024-04-17', window: 'week' }))).toEqual(['2024-04-20 Семинар']);
    expect(names(api('terms.due', { today: '2024-04-17', window: 'month' }))).toEqual(['2024-04-05 Подготовить справку', '2024-04-20 Семинар']);
    expect(names(api('terms.due', { today: '2024-04-17', window: 'quarter' }))).toEqual(['2024-04-05 Подготовить справку', '2024-04-20 Семинар', '2024-05-31 Анализ', '2024-06-30 Заседания']);
    const q = api('terms.due', { today: '2024-04-17', window: 'quarter' });
    expect(q.find((x) => x.name === 'Семинар')).toMatchObject({ overdue: false, done: false, quarter: '2024-Q2', roadmapId: ids.roadmap, term: '10–20 апреля 2024' });
  });

  it('filters by executor (a linked person or the executors text), school and roadmap', () => {
    expect(names(api('terms.due', { today: '2024-12-31', window: 'quarter', personId: ids.gokova }))).toEqual([]);
    expect(names(api('terms.due', { today: '2024-04-08', window: 'overdue', personId: ids.gokova }))).toEqual(['2024-03-25 Отчёт за март', '2024-04-05 Подготовить справку']);
    expect(names(api('terms.due', { today: '2024-04-08', window: 'overdue', executor: 'рабочая ГРУППА' }))).toEqual(['2024-03-31 Заседания']);
    expect(names(api('terms.due', { today: '2024-06-01', window: 'quarter', schoolId: ids.school }))).toEqual(['2024-04-20 Семинар', '2024-05-31 Анализ']);
    expect(names(api('terms.due', { today: '2024-04-08', window: 'overdue', roadmapId: ids.roadmap }))).toEqual(['2024-03-25 Отчёт за март', '2024-03-31 Заседания']);
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
