/**
 * The recycle bin: a deleted roadmap (500 measures, executor links, execution by quarter), meeting,
 * order, person or organisation comes back with the same ids and everything attached; purging and
 * emptying delete for good; a restore that would collide or point at deleted records is handled.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { callApiSync } from '../../electron/api/call';
import { dumpRoadmap } from '../../db/dump';
import type { Db } from '../../db/open';
import { insertPlan } from '../../db/plan';
import { apiOf, closeDatabase, freshDb, snapshotAll } from '../helpers';

let db: Db;
let api: ReturnType<typeof apiOf>;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
  return () => closeDatabase(db);
});

const count = (sql: string, ...params: unknown[]) =>
  db.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as number;
/** Every table but the bin itself and the undo history (dropped with a deleted roadmap by design). */
function tables() {
  const { trash: _t, plan_history: _h, ...rest } = snapshotAll(db);
  return rest;
}

/** A roadmap of 5 sections × 100 measures, each linked to a person and a school, with two quarters of execution each. */
function bigRoadmap() {
  const person = api('people.create', { fullName: 'Гокова В.Я.', position: 'методист' });
  const school = api('organizations.create', { kind: 'school', name: 'МАОУ СОШ № 2', shortName: 'СОШ № 2' });
  const r = api('roadmaps.create', {
    title: 'Дорожная карта ШНОР 2024',
    level: 'school',
    schoolId: school.id,
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    goal: 'Повысить качество',
  });
  db.sqlite.transaction(() =>
    insertPlan(
      db,
      r.id,
      Array.from({ length: 5 }, (_, s) => ({
        number: '',
        title: `Раздел ${s + 1}`,
        measures: Array.from({ length: 100 }, (_, i) => ({
          number: '',
          name: `Мероприятие ${s + 1}.${i + 1}`,
          term: i % 2 ? 'ежеквартально' : 'до 25 марта 2024',
          executors: 'Гокова В.Я.',
          result: `Результат ${i}`,
        })),
      })),
    ),
  )();
  const ids = db.sqlite.prepare('SELECT id FROM measures WHERE roadmap_id = ? ORDER BY id').pluck().all(r.id) as number[];
  api('plan.updateMeasure', {
    id: ids[0]!,
    values: {
      links: [
        { personId: person.id, organizationId: null },
        { personId: null, organizationId: school.id },
      ],
    },
  });
  // One transaction around the thousand calls only to keep the test quick (each call is its own savepoint).
  db.sqlite.transaction(() => {
    for (const id of ids) {
      api('execution.set', { measureId: id, quarter: '2024-Q1', status: 'done', result: `Сделано ${id}`, evidence: 'Приказ' });
      api('execution.set', { measureId: id, quarter: '2024-Q2', status: 'in_progress', note: 'идёт' });
    }
  })();
  return { r, ids, person, school };
}

describe('a roadmap in the recycle bin', () => {
  it('goes to the bin with its 500 measures and execution and comes back with the same ids and the same execution', () => {
    const { r, ids } = bigRoadmap();
    const before = tables();
    const dump = dumpRoadmap(db, r.id);
    const grid = api('execution.grid', { roadmapId: r.id });
    expect(count('SELECT count(*) FROM executions')).toBe(1000);

    api('roadmaps.delete', { id: r.id });
    // Gone from its tables: search, «Сроки» and the list see nothing of it.
    expect(() => api('roadmaps.get', { id: r.id })).toThrow(/Не найдено: дорожная карта/);
    expect(api('roadmaps.list')).toEqual([]);
    expect(api('search.measures', { query: 'Мероприятие' })).toEqual([]);
    expect(api('terms.due', { today: '2024-06-01', window: 'overdue' })).toEqual([]);
    expect(
      count('SELECT count(*) FROM measures') + count('SELECT count(*) FROM executions') + count('SELECT count(*) FROM measure_executors'),
    ).toBe(0);
    expect(api('trash.list')).toEqual([
      {
        kind: 'roadmap',
        id: r.id,
        title: 'Дорожная карта ШНОР 2024',
        deletedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        inside: { sections: 5, measures: 500, executions: 1000 },
        contents: '5 разделов, 500 мероприятий, 1\u00a0000 отметок исполнения', // a no-break space groups the thousands
      },
    ]);

    expect(api('trash.restore', { kind: 'roadmap', id: r.id })).toEqual({
      kind: 'roadmap',
      id: r.id,
      title: 'Дорожная карта ШНОР 2024',
      notes: [],
    });
    expect(tables()).toEqual(before);
    expect(dumpRoadmap(db, r.id)).toEqual(dump);
    expect(api('execution.grid', { roadmapId: r.id })).toEqual(grid);
    expect(api('plan.get', { roadmapId: r.id }).sections.flatMap((s) => s.measures.map((m) => m.id))).toEqual(ids);
    expect(api('trash.list')).toEqual([]);
    // The restored roadmap starts a fresh undo history: its snapshots were not kept.
    expect(api('plan.get', { roadmapId: r.id }).undo).toEqual({ steps: 0, last: null, redoSteps: 0, next: null });
  });

  it('is still refused while an order approves it, and goes to the bin once the order is gone', () => {
    const r = api('roadmaps.create', { title: 'Карта', periodStart: '2022-01-01', periodEnd: '2022-12-31' });
    const o = api('orders.save', {
      id: null,
      values: { number: '121-од', date: '2022-04-12', title: 'Об утверждении', appendices: [{ roadmapId: r.id, appendixNumber: '1' }] },
    });
    expect(() => api('roadmaps.delete', { id: r.id })).toThrow(/утверждена приказом № 121-од/);
    expect(api('trash.list')).toEqual([]);
    api('orders.delete', { id: o.id });
    api('roadmaps.delete', { id: r.id });
    expect(api('trash.list').map((x) => [x.kind, x.title, x.contents])).toEqual([
      ['roadmap', 'Карта', 'только сама запись'],
      ['order', 'Приказ № 121-од от 12.04.2022 «Об утверждении»', '1 приложение'],
    ]);
    // Order first: its appendix link cannot come back while the roadmap is in the bin — said, not hidden.
    const restored = api('trash.restore', { kind: 'order', id: o.id });
    expect(restored.notes).toEqual([
      'Не восстановлено (запись, на которую была ссылка, удалена): дорожные карты в приложениях приказа — 1.',
    ]);
    expect(api('orders.get', { id: o.id }).appendices).toEqual([]);
  });
});

describe('meetings, orders, people and organisations in the bin', () => {
  function meeting() {
    const chair = api('people.create', { fullName: 'Грек В.В.' });
    const secretary = api('people.create', { fullName: 'Русанова Е.А.' });
    const saved = api('meetings.save', {
      id: null,
      values: {
        date: '2022-04-14',
        number: '1',
        chairId: chair.id,
        secretaryId: secretary.id,
        attendeeIds: [chair.id],
        invitedIds: [secretary.id],
        agenda: [
          {
            title: 'О плане',
            decisions: [
              { text: 'Утвердить', responsibleId: chair.id, term: 'до 1 мая 2022' },
              { text: 'Разослать', responsibleText: 'РМК' },
            ],
          },
          { title: 'О мониторинге', decisions: [{ text: 'Провести' }] },
        ],
      },
    });
    const decision = saved.agenda[0]!.decisions[0]!.id;
    api('execution.set', { decisionId: decision, quarter: '2022-Q2', status: 'done', result: 'Утверждён' });
    return { saved, chair, secretary, decision };
  }

  it('brings a meeting back with its protocol, decision ids and their execution', () => {
    const { saved, decision } = meeting();
    const before = tables();
    api('meetings.delete', { id: saved.id });
    expect(api('meetings.list')).toEqual([]);
    expect(count('SELECT count(*) FROM decisions') + count('SELECT count(*) FROM executions')).toBe(0);
    expect(api('trash.list')[0]).toMatchObject({
      kind: 'meeting',
      title: 'Заседание № 1 от 14.04.2022',
      inside: { participants: 2, agendaItems: 2, decisions: 3, executions: 1 },
    });
    api('trash.restore', { kind: 'meeting', id: saved.id });
    expect(tables()).toEqual(before);
    expect(api('meetings.get', { id: saved.id })).toEqual(saved);
    expect(api('execution.ofDecision', { decisionId: decision })).toMatchObject([
      { quarter: '2022-Q2', status: 'done', result: 'Утверждён' },
    ]);
  });

  it('restores a meeting whose chair was deleted meanwhile without the chair, and says so', () => {
    const { saved, chair } = meeting();
    api('meetings.delete', { id: saved.id });
    api('people.delete', { id: chair.id }); // no longer used by a live record
    const r = api('trash.restore', { kind: 'meeting', id: saved.id });
    expect(r.notes).toEqual([
      'Не восстановлено (запись, на которую была ссылка, удалена): председатель заседания — 1.',
      'Не восстановлено (запись, на которую была ссылка, удалена): участники заседания — 1.',
      'Не восстановлено (запись, на которую была ссылка, удалена): ответственные за решения — 1.',
    ]);
    const m = api('meetings.get', { id: saved.id });
    expect(m).toMatchObject({ chairId: null, attendeeIds: [] });
    expect(m.agenda[0]!.decisions.map((d) => [d.id, d.responsibleId])).toEqual(saved.agenda[0]!.decisions.map((d) => [d.id, null]));
    // The person stays in the bin on their own.
    expect(api('trash.list').map((x) => x.kind)).toEqual(['person']);
  });

  it('an order takes its appendix links to the bin and brings them back', () => {
    const r = api('roadmaps.create', { title: 'Карта', periodStart: '2022-01-01', periodEnd: '2022-12-31' });
    const o = api('orders.save', {
      id: null,
      values: { number: '38-д', date: '2022-03-28', title: 'Об утверждении', appendices: [{ roadmapId: r.id, appendixNumber: '2' }] },
    });
    api('orders.delete', { id: o.id });
    expect(count('SELECT count(*) FROM order_appendices')).toBe(0);
    expect(api('plan.get', { roadmapId: r.id }).orders).toEqual([]);
    api('trash.restore', { kind: 'order', id: o.id });
    expect(api('orders.get', { id: o.id })).toEqual(o);
    expect(() => api('roadmaps.delete', { id: r.id })).toThrow(/утверждена приказом № 38-д/);
  });

  it('a person used somewhere is still refused; an unused one comes back with the same id', () => {
    const p = api('people.create', { fullName: 'Гокова В.Я.', phone: '8-900' });
    const used = api('people.create', { fullName: 'Грек В.В.' });
    api('workingGroup.add', { personId: used.id, role: 'head' });
    expect(() => api('people.delete', { id: used.id })).toThrow(/в составе рабочей группы/);
    api('people.delete', { id: p.id });
    expect(api('people.list').map((x) => x.id)).toEqual([used.id]);
    api('trash.restore', { kind: 'person', id: p.id });
    expect(api('people.list').find((x) => x.id === p.id)).toEqual(p);
  });

  it('an organisation takes its people links along and gets them back; a person moved elsewhere meanwhile stays there', () => {
    const school = api('organizations.create', { kind: 'school', name: 'МАОУ СОШ № 2' });
    const other = api('organizations.create', { kind: 'school', name: 'МАОУ СОШ № 5' });
    const a = api('people.create', { fullName: 'Иванова А.А.', organizationId: school.id });
    const b = api('people.create', { fullName: 'Петрова Б.Б.', organizationId: school.id });
    api('organizations.delete', { id: school.id });
    expect(api('trash.list')[0]).toMatchObject({ kind: 'organization', title: 'МАОУ СОШ № 2', contents: '2 человека организации' });
    expect(api('people.list').map((p) => p.organizationId)).toEqual([null, null]);
    api('people.update', { id: b.id, values: { organizationId: other.id } });
    api('trash.restore', { kind: 'organization', id: school.id });
    expect(api('people.list').map((p) => [p.id, p.organizationId])).toEqual([
      [a.id, school.id],
      [b.id, other.id],
    ]);
  });
});

describe('deleting for good', () => {
  it('purge removes the item and everything inside it: nothing left to restore', () => {
    const { r, ids } = bigRoadmap();
    api('roadmaps.delete', { id: r.id });
    expect(api('trash.purge', { kind: 'roadmap', id: r.id })).toMatchObject({ id: r.id, inside: { measures: 500 } });
    expect(api('trash.list')).toEqual([]);
    expect(count('SELECT count(*) FROM trash')).toBe(0);
    expect(count(`SELECT count(*) FROM measures WHERE id IN (${ids.join(',')})`)).toBe(0);
    expect(count('SELECT count(*) FROM executions') + count('SELECT count(*) FROM sections') + count('SELECT count(*) FROM roadmaps')).toBe(
      0,
    );
    const again = callApiSync({ db }, 'trash.restore', { kind: 'roadmap', id: r.id });
    expect(again).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: `В корзине нет: дорожная карта № ${r.id}. Возможно, запись уже восстановлена или удалена навсегда.`,
      },
    });
  });

  it('«Очистить корзину» deletes every item for good', () => {
    const p = api('people.create', { fullName: 'Гокова В.Я.' });
    const o = api('orders.save', { id: null, values: { number: '1', date: '2022-01-01', title: 'Приказ' } });
    api('people.delete', { id: p.id });
    api('orders.delete', { id: o.id });
    expect(api('trash.list')).toHaveLength(2);
    expect(api('trash.empty')).toEqual({ purged: 2 });
    expect(api('trash.list')).toEqual([]);
    expect(count('SELECT count(*) FROM people') + count('SELECT count(*) FROM orders')).toBe(0);
  });
});

describe('restore conflicts', () => {
  it('refuses when one of the ids is taken, and changes nothing', () => {
    const p = api('people.create', { fullName: 'Гокова В.Я.' });
    api('people.delete', { id: p.id });
    // AUTOINCREMENT never hands an id out twice; a record written with that id by hand (another tool) is the only way.
    db.sqlite.prepare("INSERT INTO people (id, full_name) VALUES (?, 'Другой человек')").run(p.id);
    const before = snapshotAll(db);
    const r = callApiSync({ db }, 'trash.restore', { kind: 'person', id: p.id });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'id_taken',
        message: `Восстановить «Гокова В.Я.» нельзя: в базе уже есть запись с тем же номером (человек № ${p.id}). Ничего не изменено.`,
      },
    });
    expect(snapshotAll(db)).toEqual(before);
  });

  it('refuses an item that is not in the bin, of a kind that does not exist, or a purge of a missing item', () => {
    const r = api('roadmaps.create', { title: 'Карта', periodStart: '2022-01-01', periodEnd: '2022-12-31' });
    expect(callApiSync({ db }, 'trash.restore', { kind: 'roadmap', id: r.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(callApiSync({ db }, 'trash.restore', { kind: 'measure', id: r.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(callApiSync({ db }, 'trash.purge', { kind: 'person', id: 5 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a measure linked to a person deleted while the roadmap was in the bin comes back without that link', () => {
    const { r, ids, person } = bigRoadmap();
    api('roadmaps.delete', { id: r.id });
    api('people.delete', { id: person.id });
    const res = api('trash.restore', { kind: 'roadmap', id: r.id });
    expect(res.notes).toEqual(['Не восстановлено (запись, на которую была ссылка, удалена): связи мероприятий с людьми — 1.']);
    expect(api('plan.get', { roadmapId: r.id }).sections[0]!.measures[0]).toMatchObject({
      id: ids[0],
      links: [{ personId: null, organizationId: expect.any(Number) }],
    });
    expect(count('SELECT count(*) FROM executions')).toBe(1000);
  });
});
