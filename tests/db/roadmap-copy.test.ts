/** «Создать на следующий год…»: a roadmap copied into the next period, terms moved, execution left behind. */
import { describe, expect, it } from 'vitest';
import { shiftYears } from '../../db/terms/shift';
import { fillDemo } from '../../electron/demo';
import { apiOf, freshDb } from '../helpers';

describe('moving a term into another year', () => {
  it.each([
    ['Октябрь 2024', 'Октябрь 2025'],
    ['2024/2025 учебный год', '2025/2026 учебный год'],
    ['до 15.03.2024', 'до 15.03.2025'],
    ['2024–2026 гг.', '2025–2027 гг.'],
    ['IV квартал 2024 г. – I квартал 2025 г.', 'IV квартал 2025 г. – I квартал 2026 г.'],
    ['с 01.09.24 по 30.05.25', 'с 01.09.25 по 30.05.26'],
    ['Ежеквартально', 'Ежеквартально'],
    ['Октябрь', 'Октябрь'],
    ['по приказу № 120024', 'по приказу № 120024'],
  ])('«%s» → «%s»', (from, to) => expect(shiftYears(from, 1).text).toBe(to));

  it('says when a date does not exist in the new year', () => {
    expect(shiftYears('до 29.02.2024', 1)).toEqual({ text: 'до 28.02.2025', changed: 1, problem: expect.stringMatching(/такой даты нет/) });
  });
});

describe('copying a roadmap into the next year', () => {
  function setup() {
    const db = freshDb();
    fillDemo(db);
    const api = apiOf(db);
    const zeya = api('roadmaps.list').find((r) => r.title.includes('МОАУ ЦО'))!;
    return { db, api, zeya };
  }

  it('copies passport, captions, sections, measures and executor links with terms and title moved a year on; no execution, no orders', () => {
    const { db, api, zeya } = setup();
    const before = api('plan.get', { roadmapId: zeya.id });
    const copy = api('roadmaps.copy', { id: zeya.id, periodStart: '2023-01-01', periodEnd: '2023-12-31' });
    expect(copy.roadmap.id).not.toBe(zeya.id);
    expect(copy.roadmap.title).toBe(zeya.title.replace('на 2022 год', 'на 2023 год'));
    expect(copy.roadmap.captions).toEqual(before.roadmap.captions);
    expect(copy.roadmap.goal).toBe(before.roadmap.goal);
    expect(copy.roadmap.autoNumber).toBe(before.roadmap.autoNumber);
    const after = api('plan.get', { roadmapId: copy.roadmap.id });
    const flat = (p: typeof before) => p.sections.flatMap((s) => s.measures);
    const old = flat(before);
    const now = flat(after);
    expect(now.map((m) => [m.number, m.name, m.executors, m.result])).toEqual(old.map((m) => [m.number, m.name, m.executors, m.result]));
    // Every year moves on by one, even one that was a typo in the original («Июнь 2020 года» → 2021).
    expect(now.map((m) => m.term)).toEqual(old.map((m) => m.term.replace(/\b20\d\d\b/g, (y) => String(Number(y) + 1))));
    expect(now.find((m) => m.number === '5.')!.term).toBe('С 11.04.2023');
    expect(copy.shifted).toBe(old.filter((m) => /\b20\d\d\b/.test(m.term)).length);
    expect(copy.measures).toBe(old.length);
    const count = (sql: string, id: number) => db.sqlite.prepare(sql).pluck().get(id) as number;
    const links = 'SELECT count(*) FROM measure_executors e JOIN measures m ON m.id = e.measure_id WHERE m.roadmap_id = ?';
    expect(count(links, copy.roadmap.id)).toBe(count(links, zeya.id));
    expect(count(links, zeya.id)).toBeGreaterThan(0);
    expect(count('SELECT count(*) FROM executions x JOIN measures m ON m.id = x.measure_id WHERE m.roadmap_id = ?', copy.roadmap.id)).toBe(
      0,
    );
    expect(count('SELECT count(*) FROM order_appendices WHERE roadmap_id = ?', copy.roadmap.id)).toBe(0);
    // The moved terms are read against the new period.
    expect(
      db.sqlite.prepare("SELECT term_due FROM measures WHERE roadmap_id = ? AND term = 'До 15.04.2023'").pluck().get(copy.roadmap.id),
    ).toBe('["2023-04-15"]');
    // The original is untouched.
    expect(api('plan.get', { roadmapId: zeya.id })).toEqual(before);
  });

  it('lists the terms to check: a 29 February moved into a common year, a term that falls outside the new period', () => {
    const { api } = setup();
    const r = api('roadmaps.create', { title: 'Карта на 2024 год', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const section = api('plan.addSection', { roadmapId: r.id, title: 'Раздел' });
    api('plan.addMeasure', { roadmapId: r.id, sectionId: section, values: { name: 'Високосный', term: 'до 29.02.2024' } });
    api('plan.addMeasure', { roadmapId: r.id, sectionId: section, values: { name: 'Ежеквартально', term: 'Ежеквартально' } });
    api('plan.addMeasure', { roadmapId: r.id, sectionId: section, values: { name: 'Весной', term: 'Март 2024' } });
    // A copy into a half year: March moves into 2025 but the new period starts in September.
    const half = api('roadmaps.copy', { id: r.id, periodStart: '2025-09-01', periodEnd: '2025-12-31' });
    expect(half.roadmap.title).toBe('Карта на 2025 год');
    expect(half.unshifted.map((u) => [u.term, u.reason])).toEqual([
      ['до 28.02.2025', expect.stringMatching(/29\.02\.2024 перенесена на 28\.02\.2025/)],
      ['Март 2025', 'срок выходит за период новой дорожной карты'],
    ]);
  });

  it('refuses a reversed period and an unknown roadmap, creating nothing', () => {
    const { api, zeya } = setup();
    const count = api('roadmaps.list').length;
    expect(() => api('roadmaps.copy', { id: zeya.id, periodStart: '2023-12-31', periodEnd: '2023-01-01' })).toThrow(/Начало периода/);
    expect(() => api('roadmaps.copy', { id: 9999, periodStart: '2023-01-01', periodEnd: '2023-12-31' })).toThrow(/Не найдено/);
    expect(api('roadmaps.list').length).toBe(count);
  });
});

describe('the terms to check after a copy', () => {
  it('lists a term the app cannot read and one that lands outside the new period', () => {
    const db = freshDb();
    const api = apiOf(db);
    const r = api('roadmaps.create', { title: 'Карта на 2022 год', periodStart: '2022-01-01', periodEnd: '2022-12-31' });
    const add = (name: string, term: string) => api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name, term } });
    add('Анализ ВПР', 'После каждого участия в мониторинге');
    // A typo in the real plan: a 2022 roadmap with «2020»; moved a year it is still outside 2023.
    add('Совещание', 'Июнь 2020 года');
    add('Семинар', 'Октябрь 2022');
    const copy = api('roadmaps.copy', { id: r.id, periodStart: '2023-01-01', periodEnd: '2023-12-31' });
    expect(copy.unshifted.map((u) => [u.number, u.term, u.reason])).toEqual([
      ['1', 'После каждого участия в мониторинге', 'срок не распознан (и в исходной карте)'],
      ['2', 'Июнь 2021 года', 'срок выходит за период новой дорожной карты'],
    ]);
  });
});
