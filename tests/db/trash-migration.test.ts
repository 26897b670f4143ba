/**
 * The migration that adds record versions and the recycle bin, started from a 0.1.0 database (the
 * demo district with two plan edits): every record opens at version 1, the bin is empty, and a roadmap
 * of that file goes to the bin and comes back whole. (0.1.0's whole-plan undo snapshots are dropped by
 * the change-log migration that follows: an upgraded roadmap starts with an empty undo history.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../../db/open';
import { apiOf, snapshotAll, tempDir } from '../helpers';

const FIXTURE = path.resolve(__dirname, '../fixtures/upgrade/v0.1.0.sqlite');
let db: Db | null = null;
afterEach(() => {
  if (db) closeDatabase(db);
  db = null;
});

/** Every table's rows as a set: link tables keyed by their columns get new rowids on re-insert, so their order may differ. */
function tables(d: Db) {
  const { trash: _t, plan_history: _h, ...rest } = snapshotAll(d);
  return Object.fromEntries(Object.entries(rest).map(([t, rows]) => [t, rows.map((r) => JSON.stringify(r)).sort()]));
}

function openCopy(): Db {
  const file = path.join(tempDir(), 'rmk.sqlite');
  fs.copyFileSync(FIXTURE, file);
  return (db = openDatabase(file));
}

describe('from 0.1.0 to versions and the bin', () => {
  it('opens every record at version 1 with an empty bin', () => {
    const d = openCopy();
    for (const table of ['roadmaps', 'sections', 'measures', 'meetings', 'orders', 'people', 'organizations', 'settings']) {
      const versions = d.sqlite.prepare(`SELECT DISTINCT version FROM ${table}`).pluck().all();
      expect(versions, table).toEqual(d.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() ? [1] : []);
    }
    expect(d.sqlite.prepare('SELECT count(*) FROM trash').pluck().get()).toBe(0);
  });

  it('starts with an empty undo history, and a roadmap of that file goes to the bin and comes back', () => {
    const d = openCopy();
    const api = apiOf(d);
    const edited = d.sqlite.prepare("SELECT id FROM roadmaps WHERE title LIKE '%МОАУ ЦО%'").pluck().get() as number;
    expect(api('plan.get', { roadmapId: edited }).undo).toMatchObject({ steps: 0 });
    api('plan.updateMeasure', {
      id: d.sqlite.prepare('SELECT min(id) FROM measures WHERE roadmap_id = ?').pluck().get(edited) as number,
      values: { result: 'После обновления' },
    });
    expect(api('plan.undo', { roadmapId: edited }).undone).toBe('Изменение мероприятия');
    const before = tables(d);
    // The demo's roadmaps are all approved by orders: the orders go to the bin first, then a roadmap.
    const approving = d.sqlite
      .prepare('SELECT DISTINCT order_id FROM order_appendices WHERE roadmap_id = ?')
      .pluck()
      .all(edited) as number[];
    for (const id of approving) api('orders.delete', { id });
    api('roadmaps.delete', { id: edited });
    expect(
      api('trash.list')
        .map((x) => x.kind)
        .sort(),
    ).toEqual([...approving.map(() => 'order'), 'roadmap'].sort());
    // Roadmap first, so the orders' appendix links have it to point at.
    expect(api('trash.restore', { kind: 'roadmap', id: edited }).notes).toEqual([]);
    for (const id of approving) expect(api('trash.restore', { kind: 'order', id }).notes).toEqual([]);
    expect(tables(d)).toEqual(before);
  });
});
