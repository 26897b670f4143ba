/**
 * The recycle bin (корзина). Deleting a roadmap, meeting, order, person, organisation, risk factor or indicator captures
 * every row the deletion removes, table by table, parents first, and deletes in the same
 * transaction; restoring inserts the same rows with the same ids, so order links, protocol
 * decisions and execution history come back as they were. While an item is in the bin it is not
 * in its tables at all: search, «Сроки», reports and the rules that refuse a deletion see nothing
 * of it.
 *
 * The rules that refuse a deletion (an approved roadmap, a person still used) stay in the domain
 * modules, which call `moveToTrash` when the deletion may go ahead.
 *
 * A roadmap's undo snapshots are not kept: they are dropped with it, and a restored roadmap starts
 * with an empty history (the history describes edits of a plan that has since been deleted whole).
 */
import { AppError } from './errors';
import type { Db } from './open';
import { insertRows, type Row } from './rows';
import { TRASH_KINDS } from './schema';
import { refreshMeetingTerms, refreshRoadmapTerms } from './terms/store';

export type TrashKind = (typeof TRASH_KINDS)[number];
export { TRASH_KINDS };

/** What is counted inside a deleted item, in the bin's list and the purge confirmation. */
export type TrashCount =
  | 'sections'
  | 'measures'
  | 'executions'
  | 'participants'
  | 'agendaItems'
  | 'decisions'
  | 'appendices'
  | 'people'
  | 'indicators'
  | 'indicatorValues';

interface Part {
  table: string;
  /** Selects the rows by the item's id, `@id`. */
  sql: string;
  count?: TrashCount;
}

interface KindSpec {
  /** «Дорожная карта» — for «не найдено в корзине». */
  what: string;
  parts: Part[];
  /** Rows elsewhere that point at the item with ON DELETE SET NULL: linked back on restore. */
  relinks?: { table: string; column: string; count: TrashCount }[];
  title: (row: Row) => string;
  /** Recomputed after a restore: the school calendar may have changed while the item was in the bin. */
  refresh?: (db: Db, id: number) => void;
}

const ruDate = (iso: unknown) => (typeof iso === 'string' ? iso.split('-').reverse().join('.') : '');

const KINDS: Record<TrashKind, KindSpec> = {
  roadmap: {
    what: 'Дорожная карта',
    parts: [
      { table: 'roadmaps', sql: 'SELECT * FROM roadmaps WHERE id = @id' },
      { table: 'sections', sql: 'SELECT * FROM sections WHERE roadmap_id = @id', count: 'sections' },
      { table: 'measures', sql: 'SELECT * FROM measures WHERE roadmap_id = @id', count: 'measures' },
      {
        table: 'measure_executors',
        sql: 'SELECT e.* FROM measure_executors e JOIN measures m ON m.id = e.measure_id WHERE m.roadmap_id = @id',
      },
      {
        table: 'executions',
        sql: 'SELECT x.* FROM executions x JOIN measures m ON m.id = x.measure_id WHERE m.roadmap_id = @id',
        count: 'executions',
      },
      {
        table: 'measure_risks',
        sql: 'SELECT k.* FROM measure_risks k JOIN measures m ON m.id = k.measure_id WHERE m.roadmap_id = @id',
      },
      { table: 'indicators', sql: 'SELECT * FROM indicators WHERE roadmap_id = @id', count: 'indicators' },
      {
        table: 'indicator_values',
        sql: 'SELECT v.* FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.roadmap_id = @id',
        count: 'indicatorValues',
      },
    ],
    title: (r) => String(r.title),
    refresh: refreshRoadmapTerms,
  },
  meeting: {
    what: 'Заседание',
    parts: [
      { table: 'meetings', sql: 'SELECT * FROM meetings WHERE id = @id' },
      { table: 'meeting_participants', sql: 'SELECT * FROM meeting_participants WHERE meeting_id = @id', count: 'participants' },
      { table: 'agenda_items', sql: 'SELECT * FROM agenda_items WHERE meeting_id = @id', count: 'agendaItems' },
      {
        table: 'decisions',
        sql: 'SELECT d.* FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id WHERE a.meeting_id = @id',
        count: 'decisions',
      },
      {
        table: 'executions',
        sql: 'SELECT x.* FROM executions x JOIN decisions d ON d.id = x.decision_id JOIN agenda_items a ON a.id = d.agenda_item_id WHERE a.meeting_id = @id',
        count: 'executions',
      },
    ],
    title: (r) => `Заседание${r.number ? ` № ${String(r.number)}` : ''} от ${ruDate(r.date)}`,
    refresh: refreshMeetingTerms,
  },
  order: {
    what: 'Приказ',
    parts: [
      { table: 'orders', sql: 'SELECT * FROM orders WHERE id = @id' },
      { table: 'order_appendices', sql: 'SELECT * FROM order_appendices WHERE order_id = @id', count: 'appendices' },
    ],
    title: (r) => `Приказ № ${String(r.number)} от ${ruDate(r.date)} «${String(r.title)}»`,
  },
  person: {
    what: 'Человек',
    parts: [{ table: 'people', sql: 'SELECT * FROM people WHERE id = @id' }],
    title: (r) => String(r.full_name),
  },
  organization: {
    what: 'Организация',
    parts: [
      { table: 'organizations', sql: 'SELECT * FROM organizations WHERE id = @id' },
      // A school's risk profile goes with it (ON DELETE CASCADE) and comes back on restore.
      { table: 'school_risks', sql: 'SELECT * FROM school_risks WHERE school_id = @id' },
      // So do its indicator values (the district's lines are computed from them again once it is back).
      { table: 'indicator_values', sql: 'SELECT * FROM indicator_values WHERE school_id = @id', count: 'indicatorValues' },
    ],
    // Its people lose the organisation (ON DELETE SET NULL) and get it back on restore.
    relinks: [{ table: 'people', column: 'organization_id', count: 'people' }],
    title: (r) => String(r.short_name || r.name),
  },
  // Only an unused factor gets here (db/risk-factors.ts archives one in use): the row alone.
  risk_factor: {
    what: 'Фактор риска',
    parts: [{ table: 'risk_factors', sql: 'SELECT * FROM risk_factors WHERE id = @id' }],
    title: (r) => `Фактор риска «${String(r.name)}»`,
  },
  indicator: {
    what: 'Индикатор',
    parts: [
      { table: 'indicators', sql: 'SELECT * FROM indicators WHERE id = @id' },
      { table: 'indicator_values', sql: 'SELECT * FROM indicator_values WHERE indicator_id = @id', count: 'indicatorValues' },
    ],
    title: (r) => `Индикатор «${String(r.name)}»`,
  },
};

const WHAT_IN_BIN: Record<TrashKind, string> = {
  roadmap: 'дорожная карта',
  meeting: 'заседание',
  order: 'приказ',
  person: 'человек',
  organization: 'организация',
  risk_factor: 'фактор риска',
  indicator: 'индикатор',
};

interface Payload {
  parts: { table: string; rows: Row[] }[];
  relinks: { table: string; column: string; ids: number[] }[];
}

export interface TrashItem {
  kind: TrashKind;
  /** The deleted record's own id: the one it gets back on restore. */
  id: number;
  title: string;
  deletedAt: string;
  /** What is inside, counted: only what is there (no zeros). */
  inside: Partial<Record<TrashCount, number>>;
  /** The same in words: «2 раздела, 500 мероприятий, 1 500 отметок исполнения». */
  contents: string;
}

const FORMS: Record<TrashCount, [string, string, string]> = {
  sections: ['раздел', 'раздела', 'разделов'],
  measures: ['мероприятие', 'мероприятия', 'мероприятий'],
  executions: ['отметка исполнения', 'отметки исполнения', 'отметок исполнения'],
  participants: ['участник', 'участника', 'участников'],
  agendaItems: ['вопрос повестки', 'вопроса повестки', 'вопросов повестки'],
  decisions: ['решение', 'решения', 'решений'],
  appendices: ['приложение', 'приложения', 'приложений'],
  people: ['человек организации', 'человека организации', 'человек организации'],
  indicators: ['индикатор', 'индикатора', 'индикаторов'],
  indicatorValues: ['значение индикатора', 'значения индикаторов', 'значений индикаторов'],
};

/** «1 решение», «3 решения», «11 решений». */
export function countWords(n: number, forms: [string, string, string]): string {
  const d = n % 10;
  const dd = n % 100;
  const form = d === 1 && dd !== 11 ? forms[0] : d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? forms[1] : forms[2];
  return `${n.toLocaleString('ru-RU')} ${form}`;
}

function describe(inside: Partial<Record<TrashCount, number>>): string {
  const words = (Object.keys(FORMS) as TrashCount[]).filter((k) => inside[k]).map((k) => countWords(inside[k]!, FORMS[k]));
  return words.length ? words.join(', ') : 'только сама запись';
}

/**
 * Moves the item to the bin: captures its rows and deletes it, in one transaction (the caller has
 * already checked that it may be deleted).
 */
export function moveToTrash(db: Db, kind: TrashKind, id: number): TrashItem {
  const spec = KINDS[kind];
  return db.sqlite.transaction(() => {
    const parts = spec.parts.map((p) => ({ table: p.table, rows: db.sqlite.prepare(p.sql).all({ id }) as Row[] }));
    const main = parts[0]!.rows[0];
    if (!main) throw new AppError('not_found', `Не найдено: ${spec.what.toLowerCase()} № ${id}. Возможно, запись уже удалена.`);
    const relinks = (spec.relinks ?? []).map((r) => ({
      table: r.table,
      column: r.column,
      ids: db.sqlite.prepare(`SELECT id FROM "${r.table}" WHERE "${r.column}" = ?`).pluck().all(id) as number[],
    }));
    const inside: Partial<Record<TrashCount, number>> = {};
    spec.parts.forEach((p, i) => {
      if (p.count && parts[i]!.rows.length) inside[p.count] = (inside[p.count] ?? 0) + parts[i]!.rows.length;
    });
    (spec.relinks ?? []).forEach((r, i) => {
      if (relinks[i]!.ids.length) inside[r.count] = relinks[i]!.ids.length;
    });
    const payload: Payload = { parts, relinks };
    const title = spec.title(main);
    // A stale entry for the same id (it cannot be restored over a live record anyway) gives way.
    db.sqlite.prepare('DELETE FROM trash WHERE kind = ? AND item_id = ?').run(kind, id);
    db.sqlite
      .prepare('INSERT INTO trash (kind, item_id, title, summary, payload) VALUES (?, ?, ?, ?, ?)')
      .run(kind, id, title, JSON.stringify(inside), JSON.stringify(payload));
    // The children go with it by ON DELETE CASCADE (and its undo snapshots, which are not kept).
    db.sqlite.prepare(`DELETE FROM "${parts[0]!.table}" WHERE id = ?`).run(id);
    return getItem(db, kind, id);
  })();
}

interface TrashRow {
  kind: TrashKind;
  id: number;
  title: string;
  deletedAt: string;
  summary: string;
}

const toItem = (r: TrashRow): TrashItem => {
  const inside = JSON.parse(r.summary) as Partial<Record<TrashCount, number>>;
  return { kind: r.kind, id: r.id, title: r.title, deletedAt: r.deletedAt, inside, contents: describe(inside) };
};

const SELECT_ITEMS = 'SELECT kind, item_id AS id, title, deleted_at AS deletedAt, summary FROM trash';

/** The bin, newest first. */
export function listTrash(db: Db): TrashItem[] {
  return (db.sqlite.prepare(`${SELECT_ITEMS} ORDER BY deleted_at DESC, id DESC`).all() as TrashRow[]).map(toItem);
}

function notInBin(kind: TrashKind, id: number): AppError {
  return new AppError('not_found', `В корзине нет: ${WHAT_IN_BIN[kind]} № ${id}. Возможно, запись уже восстановлена или удалена навсегда.`);
}

function getItem(db: Db, kind: TrashKind, id: number): TrashItem {
  const row = db.sqlite.prepare(`${SELECT_ITEMS} WHERE kind = ? AND item_id = ?`).get(kind, id) as TrashRow | undefined;
  if (!row) throw notInBin(kind, id);
  return toItem(row);
}

/** Words for a link that could not come back, by `table.column`: the record it pointed at is gone. */
const LOST_LINK: Record<string, string> = {
  'measure_executors.person_id': 'связи мероприятий с людьми',
  'measure_executors.organization_id': 'связи мероприятий с организациями',
  'measure_risks.factor_id': 'связи мероприятий с факторами риска',
  'school_risks.factor_id': 'факторы риска в профиле школы',
  'meeting_participants.person_id': 'участники заседания',
  'meetings.chair_id': 'председатель заседания',
  'meetings.secretary_id': 'секретарь заседания',
  'decisions.responsible_id': 'ответственные за решения',
  'orders.signer_id': 'подписант приказа',
  'order_appendices.roadmap_id': 'дорожные карты в приложениях приказа',
  'people.organization_id': 'организация человека',
  'organizations.director_id': 'руководитель организации',
  'organizations.curator_id': 'куратор организации',
  'roadmaps.school_id': 'школа дорожной карты',
  'indicator_values.indicator_id': 'значения удалённых индикаторов',
  'indicator_values.school_id': 'значения индикаторов удалённых школ',
  'indicators.roadmap_id': 'индикаторы удалённой дорожной карты',
};

const TABLE_WORDS: Record<string, string> = {
  roadmaps: 'дорожная карта',
  sections: 'раздел',
  measures: 'мероприятие',
  executions: 'отметка исполнения',
  meetings: 'заседание',
  agenda_items: 'вопрос повестки',
  decisions: 'решение',
  orders: 'приказ',
  people: 'человек',
  organizations: 'организация',
  risk_factors: 'фактор риска',
  school_risks: 'фактор риска в профиле школы',
  measure_risks: 'связь мероприятия с фактором риска',
  indicators: 'индикатор',
  indicator_values: 'значение индикатора',
};

/** Link rows whose every column is a link: without its target the row itself is dropped, never half-kept. */
// A school's indicator value whose school is gone is dropped too: cleared, it would pass for the district's.
const DROP_WHEN_TARGET_GONE = new Set([
  'measure_executors',
  'meeting_participants',
  'order_appendices',
  'measure_risks',
  'indicator_values',
]);

interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

/**
 * Keeps only the rows whose references still resolve: a reference to a record deleted meanwhile
 * is cleared where the column may be empty, else the row is dropped. Counts what was lost, by link.
 */
function resolveReferences(db: Db, table: string, rows: Row[], lost: Map<string, number>): Row[] {
  const fks = db.sqlite.prepare('SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)').all(table) as ForeignKey[];
  const notNull = new Set(db.sqlite.prepare('SELECT name FROM pragma_table_info(?) WHERE "notnull" = 1').pluck().all(table) as string[]);
  const exists = fks.map((fk) => db.sqlite.prepare(`SELECT 1 FROM "${fk.table}" WHERE "${fk.to ?? 'id'}" = ?`));
  const kept: Row[] = [];
  for (const original of rows) {
    let row: Row | null = { ...original };
    for (const [i, fk] of fks.entries()) {
      const value = row[fk.from];
      if (value === null || value === undefined) continue;
      if (exists[i]!.get(value) !== undefined) continue;
      const key = `${table}.${fk.from}`;
      lost.set(key, (lost.get(key) ?? 0) + 1);
      if (notNull.has(fk.from) || DROP_WHEN_TARGET_GONE.has(table)) {
        row = null;
        break;
      }
      row[fk.from] = null;
    }
    if (row) kept.push(row);
  }
  return kept;
}

export interface RestoreResult {
  kind: TrashKind;
  id: number;
  title: string;
  /** What could not come back because the record it pointed at was deleted meanwhile, in words. */
  notes: string[];
}

/** Puts the item back with the same ids, in one transaction; refuses if one of its ids is taken. */
export function restoreFromTrash(db: Db, kind: TrashKind, id: number): RestoreResult {
  return db.sqlite.transaction(() => {
    const entry = db.sqlite.prepare('SELECT title, payload FROM trash WHERE kind = ? AND item_id = ?').get(kind, id) as
      { title: string; payload: string } | undefined;
    if (!entry) throw notInBin(kind, id);
    const stored = JSON.parse(entry.payload) as Payload;
    // Only the tables this kind is made of, in the spec's order (parents first), whatever the JSON says.
    const spec = KINDS[kind];
    const payload: Payload = {
      parts: spec.parts.map((p) => ({ table: p.table, rows: stored.parts.find((s) => s.table === p.table)?.rows ?? [] })),
      relinks: (spec.relinks ?? []).map((r) => ({
        ...r,
        ids: stored.relinks.find((s) => s.table === r.table && s.column === r.column)?.ids ?? [],
      })),
    };
    for (const part of payload.parts)
      for (const row of part.rows)
        if (row.id !== undefined && db.sqlite.prepare(`SELECT 1 FROM "${part.table}" WHERE id = ?`).get(row.id) !== undefined)
          throw new AppError(
            'id_taken',
            `Восстановить «${entry.title}» нельзя: в базе уже есть запись с тем же номером (${TABLE_WORDS[part.table] ?? part.table} № ${String(row.id)}). Ничего не изменено.`,
          );
    const lost = new Map<string, number>();
    // Parents first, so each part's references into the item resolve to rows just put back.
    for (const part of payload.parts) insertRows(db, part.table, resolveReferences(db, part.table, part.rows, lost));
    for (const r of payload.relinks) {
      // Only people still without an organisation get it back: a link made since is the newer truth.
      const relink = db.sqlite.prepare(`UPDATE "${r.table}" SET "${r.column}" = ? WHERE id = ? AND "${r.column}" IS NULL`);
      for (const rowId of r.ids) relink.run(id, rowId);
    }
    spec.refresh?.(db, id);
    db.sqlite.prepare('DELETE FROM trash WHERE kind = ? AND item_id = ?').run(kind, id);
    const notes = [...lost].map(
      ([key, n]) => `Не восстановлено (запись, на которую была ссылка, удалена): ${LOST_LINK[key] ?? key} — ${n}.`,
    );
    return { kind, id, title: entry.title, notes };
  })();
}

/** Deletes the item for good: its rows existed only in the bin. */
export function purgeFromTrash(db: Db, kind: TrashKind, id: number): TrashItem {
  const item = getItem(db, kind, id);
  db.sqlite.prepare('DELETE FROM trash WHERE kind = ? AND item_id = ?').run(kind, id);
  return item;
}

/** «Очистить корзину»: returns how many items were deleted for good. */
export function emptyTrash(db: Db): { purged: number } {
  return { purged: db.sqlite.prepare('DELETE FROM trash').run().changes };
}
