import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { apiOf, closeDatabase, freshDb } from '../helpers';

let db: Db;
let api: ReturnType<typeof apiOf>;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
  return () => closeDatabase(db);
});

const m = (name: string, extra: Partial<{ term: string; executors: string; result: string }> = {}) => ({
  name,
  term: '',
  executors: '',
  result: '',
  links: [],
  ...extra,
});
const numbers = (roadmapId: number) =>
  api('plan.get', { roadmapId }).sections.map((s) => [s.number, s.title, s.measures.map((x) => `${x.number} ${x.name}`)]);

function roadmapWithPlan() {
  const r = api('roadmaps.create', { title: 'Дорожная карта 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  const s1 = api('plan.addSection', { roadmapId: r.id, title: 'Организационные мероприятия' });
  const s2 = api('plan.addSection', { roadmapId: r.id, title: 'Методическое сопровождение' });
  const a = api('plan.addMeasure', { roadmapId: r.id, sectionId: s1, values: m('А', { term: 'Февраль –ноябрь 2022' }) });
  const b = api('plan.addMeasure', { roadmapId: r.id, sectionId: s1, values: m('Б') });
  const c = api('plan.addMeasure', { roadmapId: r.id, sectionId: s2, values: m('В') });
  return { r, s1, s2, a, b, c };
}

describe('a roadmap and its plan', () => {
  it('numbers sections 1, 2 and measures 1.1, 1.2, 2.1, and keeps the term exactly as written', () => {
    const { r } = roadmapWithPlan();
    expect(numbers(r.id)).toEqual([
      ['1', 'Организационные мероприятия', ['1.1 А', '1.2 Б']],
      ['2', 'Методическое сопровождение', ['2.1 В']],
    ]);
    expect(api('plan.get', { roadmapId: r.id }).sections[0]!.measures[0]!.term).toBe('Февраль –ноябрь 2022');
  });

  it('renumbers after moving a measure within a section, into another section, and after moving a section', () => {
    const { r, s1, s2, a, c } = roadmapWithPlan();
    api('plan.moveMeasure', { id: a, sectionId: s1, index: 1 });
    expect(numbers(r.id)[0]).toEqual(['1', 'Организационные мероприятия', ['1.1 Б', '1.2 А']]);
    api('plan.moveMeasure', { id: c, sectionId: s1, index: 0 });
    expect(numbers(r.id)).toEqual([
      ['1', 'Организационные мероприятия', ['1.1 В', '1.2 Б', '1.3 А']],
      ['2', 'Методическое сопровождение', []],
    ]);
    api('plan.moveSection', { id: s2, index: 0 });
    expect(numbers(r.id).map((s) => s[0] + ' ' + s[1])).toEqual(['1 Методическое сопровождение', '2 Организационные мероприятия']);
    expect(numbers(r.id)[1]![2]).toEqual(['2.1 В', '2.2 Б', '2.3 А']);
  });

  it('inserts a measure at a given place and renumbers those after it', () => {
    const { r, s1 } = roadmapWithPlan();
    api('plan.addMeasure', { roadmapId: r.id, sectionId: s1, index: 1, values: m('Между') });
    expect(numbers(r.id)[0]![2]).toEqual(['1.1 А', '1.2 Между', '1.3 Б']);
  });

  it("numbers measures outside any section 1, 2, 3 (a plan without sections, like Zeya's)", () => {
    const r = api('roadmaps.create', { title: 'Без разделов', periodStart: '2022-01-01', periodEnd: '2022-12-31' });
    for (const n of ['а', 'б', 'в']) api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: m(n) });
    expect(numbers(r.id)).toEqual([['', null, ['1 а', '2 б', '3 в']]]);
  });

  it('keeps stored numbers as written when the roadmap does not number itself', () => {
    const r = api('roadmaps.create', { title: 'Импорт', periodStart: '2022-01-01', periodEnd: '2022-12-31', autoNumber: false });
    api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { ...m('x'), number: '1.10.' } });
    api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { ...m('y'), number: '4. 8' } });
    const z = api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { ...m('z'), number: '*' } });
    api('plan.moveMeasure', { id: z, sectionId: null, index: 0 });
    // Numbers that are no sequence are kept through a move (shared/numbering.ts continues the ones that are).
    expect(numbers(r.id)).toEqual([['', null, ['* z', '1.10. x', '4. 8 y']]]);
  });

  it('edits a measure, with links to people and organisations among its executors', () => {
    const { r, a } = roadmapWithPlan();
    const p = api('people.create', { fullName: 'Гокова В.Я.' });
    const o = api('organizations.create', { kind: 'school', name: 'МОАУ ЦО' });
    api('plan.updateMeasure', {
      id: a,
      values: {
        name: 'А (изм.)',
        executors: 'Гокова В.Я., МОАУ ЦО',
        links: [
          { personId: p.id, organizationId: null },
          { personId: null, organizationId: o.id },
        ],
      },
    });
    const got = api('plan.get', { roadmapId: r.id }).sections[0]!.measures[0]!;
    expect(got).toMatchObject({ name: 'А (изм.)', executors: 'Гокова В.Я., МОАУ ЦО', term: 'Февраль –ноябрь 2022' });
    expect(got.links).toEqual([
      { personId: p.id, organizationId: null },
      { personId: null, organizationId: o.id },
    ]);
  });

  it('deleting a section deletes its measures (and their execution), and says how many', () => {
    const { r, s1, a } = roadmapWithPlan();
    api('execution.set', { measureId: a, quarter: '2024-Q1', status: 'done', result: 'сделано' });
    expect(api('plan.deleteSection', { id: s1 })).toEqual({ measuresDeleted: 2 });
    expect(numbers(r.id)).toEqual([['1', 'Методическое сопровождение', ['1.1 В']]]);
    expect(db.sqlite.prepare('SELECT count(*) FROM executions').pluck().get()).toBe(0);
  });

  it('undoes the last changes one by one, bringing back deleted measures with their ids and execution', () => {
    const { r, s1, a, b } = roadmapWithPlan();
    api('execution.set', { measureId: a, quarter: '2024-Q2', status: 'in_progress' });
    api('plan.deleteSection', { id: s1 });
    api('plan.updateSection', { id: api('plan.get', { roadmapId: r.id }).sections[0]!.id!, title: 'Переименован' });
    expect(api('plan.get', { roadmapId: r.id }).undo).toMatchObject({ last: 'Изменение раздела' });
    expect(api('plan.undo', { roadmapId: r.id })).toEqual({ undone: 'Изменение раздела' });
    expect(api('plan.undo', { roadmapId: r.id })).toEqual({ undone: 'Удаление раздела' });
    const plan = api('plan.get', { roadmapId: r.id });
    expect(plan.sections.map((s) => s.title)).toEqual(['Организационные мероприятия', 'Методическое сопровождение']);
    expect(plan.sections[0]!.measures.map((x) => x.id)).toEqual([a, b]);
    expect(api('execution.grid', { roadmapId: r.id }).rows[0]!.cells['2024-Q2']!.status).toBe('in_progress');
  });

  it('undo keeps execution recorded after the undone change', () => {
    const { r, a, b } = roadmapWithPlan();
    api('plan.deleteMeasures', { ids: [b] });
    api('execution.set', { measureId: a, quarter: '2024-Q3', status: 'done', result: 'после удаления' });
    api('plan.undo', { roadmapId: r.id });
    expect(api('execution.grid', { roadmapId: r.id }).rows[0]!.cells['2024-Q3']).toMatchObject({
      status: 'done',
      result: 'после удаления',
    });
  });

  it('says so when there is nothing to undo', () => {
    const r = api('roadmaps.create', { title: 'Пустая', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    expect(() => api('plan.undo', { roadmapId: r.id })).toThrow(/Отменять нечего/);
  });

  it('searches across all roadmaps, ignoring case and ё', () => {
    roadmapWithPlan();
    const r2 = api('roadmaps.create', { title: 'Вторая', periodStart: '2023-09-01', periodEnd: '2024-05-31' });
    api('plan.addMeasure', { roadmapId: r2.id, sectionId: null, values: m('Анализ результатов ВПР', { executors: 'Пётр Петров' }) });
    expect(api('search.measures', { query: 'впр' }).map((h) => h.name)).toEqual(['Анализ результатов ВПР']);
    expect(api('search.measures', { query: 'ПЕТР' }).map((h) => h.roadmapTitle)).toEqual(['Вторая']);
    expect(api('search.measures', { query: 'ноябрь' }).map((h) => h.name)).toEqual(['А']);
    expect(api('search.measures', { query: '%' })).toEqual([]);
  });

  it('records execution per quarter of the period only', () => {
    const { r, a } = roadmapWithPlan();
    api('execution.set', {
      measureId: a,
      quarter: '2024-Q4',
      status: 'done_late',
      result: 'Проведено',
      evidence: 'Протокол № 3',
      note: '',
    });
    expect(api('execution.grid', { roadmapId: r.id }).quarters).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(() => api('execution.set', { measureId: a, quarter: '2025-Q1', status: 'done' })).toThrow(/вне периода/);
  });

  it('deleting a roadmap approved by an order is refused; otherwise it goes with its plan', () => {
    const { r } = roadmapWithPlan();
    const o = api('orders.save', {
      id: null,
      values: { number: '121-од', date: '2024-04-12', title: 'Об утверждении', appendices: [{ roadmapId: r.id, appendixNumber: '1' }] },
    });
    expect(() => api('roadmaps.delete', { id: r.id })).toThrow(/утверждена приказом № 121-од/);
    api('orders.delete', { id: o.id });
    api('roadmaps.delete', { id: r.id });
    expect(db.sqlite.prepare('SELECT count(*) FROM measures').pluck().get()).toBe(0);
  });
});

describe('the directory, the working group, meetings and orders', () => {
  it('creates, edits and deletes people and organisations; a school keeps its flags, director and curator', () => {
    const p = api('people.create', { fullName: 'Ремизова Н.Е.', position: 'Зам. директора по УВР' });
    const s = api('organizations.create', {
      kind: 'school',
      name: 'Средняя школа № 2',
      shortName: 'МАОУ СОШ № 2',
      isShnor: true,
      is500: true,
      curatorId: p.id,
    });
    expect(api('organizations.update', { id: s.id, values: { isShnsu: true } })).toMatchObject({
      isShnor: true,
      isShnsu: true,
      is500: true,
      curatorId: p.id,
    });
    expect(api('people.update', { id: p.id, values: { phone: '2-22-22', organizationId: s.id } })).toMatchObject({
      phone: '2-22-22',
      organizationId: s.id,
    });
    expect(() => api('people.delete', { id: p.id })).toThrow(/руководитель или куратор ОО/);
    api('organizations.update', { id: s.id, values: { curatorId: null } });
    api('people.delete', { id: p.id });
    api('organizations.delete', { id: s.id });
    expect(api('people.list')).toEqual([]);
    expect(api('organizations.list')).toEqual([]);
  });

  it('refuses to delete a person used as an executor, with a clear message, and deletes nothing', () => {
    const { a } = roadmapWithPlan();
    const p = api('people.create', { fullName: 'Гокова В.Я.' });
    api('plan.updateMeasure', { id: a, values: { links: [{ personId: p.id, organizationId: null }] } });
    expect(() => api('people.delete', { id: p.id })).toThrow(
      'Нельзя удалить «Гокова В.Я.»: он(а) указан(а) как исполнитель мероприятий (1)',
    );
    expect(api('people.list')).toHaveLength(1);
  });

  it('keeps the department settings and the municipal coordinator', () => {
    const p = api('people.create', { fullName: 'Русанова Е.А.' });
    const d = {
      fullName: 'Отдел образования администрации городского округа Карпинск',
      shortName: 'Отдел образования',
      headName: 'В.В. Грек',
      headPosition: 'Начальник',
      town: 'г. Карпинск',
      coordinatorId: p.id,
    };
    api('settings.setDepartment', d);
    expect(api('settings.getDepartment')).toEqual({ ...d, districtName: '', districtCode: '', version: 1 });
  });

  it('keeps the working group with roles', () => {
    const p = api('people.create', { fullName: 'Гокова В.Я.' });
    const id = api('workingGroup.add', { personId: p.id, role: 'head' });
    expect(() => api('workingGroup.add', { personId: p.id })).toThrow(/уже входит/);
    api('workingGroup.update', { id, role: 'secretary' });
    expect(api('workingGroup.list')).toMatchObject([{ personId: p.id, role: 'secretary', fullName: 'Гокова В.Я.' }]);
    api('workingGroup.remove', { id });
    expect(api('workingGroup.list')).toEqual([]);
  });

  it('saves a meeting with its protocol; decisions keep their ids (and execution) across edits and are numbered 1.1, 1.2', () => {
    const chair = api('people.create', { fullName: 'Гокова В.Я.' });
    const sec = api('people.create', { fullName: 'Русанова Е.А.' });
    const guest = api('people.create', { fullName: 'Грек В.В.' });
    const saved = api('meetings.save', {
      id: null,
      values: {
        date: '2022-04-14',
        number: '1',
        place: 'каб. 12',
        chairId: chair.id,
        secretaryId: sec.id,
        attendeeIds: [chair.id, sec.id],
        invitedIds: [guest.id],
        agenda: [
          {
            title: 'О плане работы',
            heard: 'Гокову В.Я.',
            spoke: 'Евсеева Л.Л.',
            decisions: [
              { text: 'Утвердить план', responsibleId: chair.id, term: 'До 20 апреля 2022' },
              { text: 'Составить график', responsibleText: 'Кураторы', term: 'До 30.04.2022' },
            ],
          },
          { title: 'О тестировании', decisions: [{ text: 'Учесть результаты', term: 'Май 2022' }] },
        ],
      },
    });
    expect(saved.agenda.flatMap((a) => a.decisions.map((d) => `${d.number} ${d.text}`))).toEqual([
      '1.1 Утвердить план',
      '1.2 Составить график',
      '2.1 Учесть результаты',
    ]);
    const first = saved.agenda[0]!.decisions[0]!;
    api('execution.set', { decisionId: first.id, quarter: '2022-Q2', status: 'done', result: 'Утверждён' });
    // The user swaps the two items and drops the second decision of the first.
    const asInput = (a: (typeof saved.agenda)[number], decisions = a.decisions) => ({
      id: a.id,
      title: a.title,
      heard: a.heard,
      spoke: a.spoke,
      decisions: decisions.map(({ number: _n, parsed: _p, ...d }) => d),
    });
    const base = {
      date: saved.date,
      number: saved.number,
      place: saved.place,
      chairId: saved.chairId,
      secretaryId: saved.secretaryId,
      attendeeIds: saved.attendeeIds,
      invitedIds: saved.invitedIds,
    };
    const edited = api('meetings.save', {
      id: saved.id,
      values: { ...base, agenda: [asInput(saved.agenda[1]!), asInput(saved.agenda[0]!, [first])] },
    });
    expect(edited.agenda.map((a) => a.title)).toEqual(['О тестировании', 'О плане работы']);
    expect(edited.agenda[1]!.decisions).toMatchObject([{ id: first.id, number: '2.1' }]);
    expect(api('execution.ofDecision', { decisionId: first.id })).toMatchObject([{ quarter: '2022-Q2', status: 'done' }]);
    expect(() => api('meetings.save', { id: saved.id, values: { ...base, attendeeIds: [guest.id], invitedIds: [guest.id] } })).toThrow(
      /и среди присутствующих, и среди приглашённых/,
    );
    api('meetings.delete', { id: saved.id });
    expect(api('meetings.list')).toEqual([]);
    expect(db.sqlite.prepare('SELECT count(*) FROM decisions').pluck().get()).toBe(0);
  });

  it('saves an order approving roadmaps as appendices', () => {
    const { r } = roadmapWithPlan();
    const signer = api('people.create', { fullName: 'Грек В.В.' });
    const o = api('orders.save', {
      id: null,
      values: {
        number: '38-д',
        date: '2022-03-28',
        title: 'Об утверждении дорожной карты',
        signerId: signer.id,
        clauses: 'Утвердить\nНазначить',
        appendices: [{ roadmapId: r.id, appendixNumber: '1' }],
      },
    });
    expect(o).toMatchObject({
      number: '38-д',
      date: '2022-03-28',
      signerId: signer.id,
      appendices: [{ roadmapId: r.id, appendixNumber: '1', roadmapTitle: 'Дорожная карта 2024' }],
    });
    const { id: _id, updatedAt: _u, version: _v, ...fields } = o;
    const edited = api('orders.save', { id: o.id, values: { ...fields, title: 'Изменён', appendices: [] } });
    expect(edited).toMatchObject({ title: 'Изменён', appendices: [] });
    expect(api('orders.list')).toMatchObject([{ number: '38-д', appendices: 0 }]);
  });
});
