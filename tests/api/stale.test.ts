/**
 * Edits made elsewhere are not overwritten: a form saves with the version it was opened with; when
 * another window has saved in between, the save is refused with `stale` and nothing changes; saving
 * without a version («Перезаписать») goes through. Plan moves and inserts need no version.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { callApiSync } from '../../electron/api/call';
import type { ApiInput, ApiMethod } from '../../electron/api/index';
import type { Db } from '../../db/open';
import { apiOf, closeDatabase, freshDb, snapshotAll } from '../helpers';

let db: Db;
let api: ReturnType<typeof apiOf>;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
  return () => closeDatabase(db);
});

const STALE = {
  code: 'stale',
  message: 'Запись изменена после того, как вы её открыли. Обновите форму, чтобы увидеть новые данные, или перезапишите их своими.',
};

/** Two windows open the same record at version `v`; the first saves, the second's save is refused, then overwrites knowingly. */
function conflict<K extends ApiMethod>(method: K, input: (expectedVersion?: number) => ApiInput<K>, version: () => number) {
  const v = version();
  expect(callApiSync({ db }, method, input(v)).ok).toBe(true); // the first window
  expect(version()).toBe(v + 1);
  const before = snapshotAll(db);
  expect(callApiSync({ db }, method, input(v))).toEqual({ ok: false, error: STALE }); // the second, opened at v
  expect(snapshotAll(db)).toEqual(before);
  expect(callApiSync({ db }, method, input()).ok).toBe(true); // «Перезаписать»
  expect(version()).toBe(v + 2);
  expect(callApiSync({ db }, method, input(v + 2)).ok).toBe(true); // «Обновить» then save: the new version passes
}

describe('a form opened before someone else saved', () => {
  it('roadmap and passport', () => {
    const r = api('roadmaps.create', { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    expect(r.version).toBe(1);
    expect(api('roadmaps.list')[0]!.version).toBe(1);
    conflict(
      'roadmaps.update',
      (expectedVersion) => ({ id: r.id, values: { goal: `Цель ${expectedVersion}` }, expectedVersion }),
      () => api('roadmaps.get', { id: r.id }).version,
    );
  });

  it('measure and section; moves and inserts need no version and do not change it', () => {
    const r = api('roadmaps.create', { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const s = api('plan.addSection', { roadmapId: r.id, title: 'Раздел' });
    const a = api('plan.addMeasure', { roadmapId: r.id, sectionId: s, values: { name: 'А' } });
    const measure = () =>
      api('plan.get', { roadmapId: r.id })
        .sections.flatMap((x) => x.measures)
        .find((m) => m.id === a)!;
    const section = () => api('plan.get', { roadmapId: r.id }).sections.find((x) => x.id === s)!;
    expect([measure().version, section().version]).toEqual([1, 1]);
    api('plan.addMeasure', { roadmapId: r.id, sectionId: s, values: { name: 'Б' }, index: 0 });
    api('plan.moveMeasure', { id: a, sectionId: null, index: 0 });
    api('plan.moveMeasure', { id: a, sectionId: s, index: 0 });
    expect([measure().version, section().version]).toEqual([1, 1]);
    conflict(
      'plan.updateMeasure',
      (expectedVersion) => ({ id: a, values: { result: `Р ${expectedVersion}` }, expectedVersion }),
      () => measure().version,
    );
    conflict(
      'plan.updateSection',
      (expectedVersion) => ({ id: s, title: `Раздел ${expectedVersion}`, expectedVersion }),
      () => section().version,
    );
  });

  it('meeting with its protocol, and order', () => {
    const m = api('meetings.save', { id: null, values: { date: '2022-04-14', agenda: [{ title: 'Вопрос' }] } });
    conflict(
      'meetings.save',
      (expectedVersion) => ({ id: m.id, values: { date: '2022-04-14', place: `каб. ${expectedVersion}`, agenda: [] }, expectedVersion }),
      () => api('meetings.get', { id: m.id }).version,
    );
    const o = api('orders.save', { id: null, values: { number: '1', date: '2022-01-01', title: 'Приказ' } });
    conflict(
      'orders.save',
      (expectedVersion) => ({ id: o.id, values: { number: '1', date: '2022-01-01', title: `Приказ ${expectedVersion}` }, expectedVersion }),
      () => api('orders.get', { id: o.id }).version,
    );
  });

  it('person, organisation and the department settings', () => {
    const p = api('people.create', { fullName: 'Гокова В.Я.' });
    conflict(
      'people.update',
      (expectedVersion) => ({ id: p.id, values: { phone: `${expectedVersion}` }, expectedVersion }),
      () => api('people.list').find((x) => x.id === p.id)!.version,
    );
    const o = api('organizations.create', { kind: 'school', name: 'СОШ № 2' });
    conflict(
      'organizations.update',
      (expectedVersion) => ({ id: o.id, values: { address: `${expectedVersion}` }, expectedVersion }),
      () => api('organizations.list').find((x) => x.id === o.id)!.version,
    );
    // Never saved: version 0, so a settings form opened on the defaults is checked too.
    expect(api('settings.getDepartment').version).toBe(0);
    const dept = (expectedVersion?: number) => ({
      fullName: 'Отдел',
      shortName: 'ОО',
      headName: 'Грек',
      headPosition: `Начальник ${expectedVersion}`,
      town: 'г. Карпинск',
      coordinatorId: null,
      expectedVersion,
    });
    conflict('settings.setDepartment', dept, () => api('settings.getDepartment').version);
    // The version is not written into the stored settings.
    expect(JSON.parse(db.sqlite.prepare("SELECT value FROM settings WHERE key = 'department'").pluck().get() as string)).not.toHaveProperty(
      'version',
    );
  });

  it('a stale check on a record deleted meanwhile says it is gone', () => {
    const p = api('people.create', { fullName: 'Гокова В.Я.' });
    api('people.delete', { id: p.id });
    expect(callApiSync({ db }, 'people.update', { id: p.id, values: { phone: '1' }, expectedVersion: 1 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
