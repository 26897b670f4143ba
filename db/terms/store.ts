/**
 * Parsed terms kept beside their text on measures and protocol decisions, and recomputed whenever
 * what they depend on changes: the text, the roadmap's period (the meeting's date for decisions),
 * the school calendar, or the parser itself. Each reading carries the parser version that made it;
 * the database keeps the version of its last full recomputation in one settings value, so opening
 * an up-to-date database costs one lookup, and opening an older one recomputes every reading once,
 * in one transaction (upgradeTerms).
 */
import { AppError } from '../errors';
import type { Db } from '../open';
import { getSetting, setSetting } from '../settings';
import { addDays, iso, yearOf } from './dates';
import { type SchoolCalendar, type SchoolYear, type Span } from './calendar';
import { parseTermDetailed, type ParsedTerm, TERM_PARSER_VERSION, type TermContext } from './parse';

const CALENDAR_KEY = 'schoolCalendar';

export function getSchoolCalendar(db: Db): SchoolCalendar {
  const raw = getSetting(db, CALENDAR_KEY);
  return raw ? (JSON.parse(raw) as SchoolCalendar) : {};
}

function checkSchoolYear(startYear: string, sy: SchoolYear): void {
  const spans = [...sy.quarters, ...sy.trimesters];
  const y = Number(startYear);
  for (const s of spans)
    if (s.start > s.end)
      throw new AppError('bad_calendar', `Учебный год ${y}/${y + 1}: начало четверти или триместра позже его окончания.`);
  for (const list of [sy.quarters, sy.trimesters])
    for (let i = 1; i < list.length; i++)
      if (list[i]!.start <= list[i - 1]!.end)
        throw new AppError('bad_calendar', `Учебный год ${y}/${y + 1}: четверти (триместры) идут внахлёст или не по порядку.`);
  if (sy.quarters[0].start < iso(y, 7, 1) || sy.quarters[3].end > iso(y + 1, 8, 31))
    throw new AppError('bad_calendar', `Учебный год ${y}/${y + 1}: даты четвертей выходят за пределы учебного года.`);
}

/** Saves the school calendar's overrides and recomputes every term that depends on it. */
export function setSchoolCalendar(db: Db, calendar: SchoolCalendar): SchoolCalendar {
  for (const [y, sy] of Object.entries(calendar)) checkSchoolYear(y, sy);
  db.sqlite.transaction(() => {
    setSetting(db, CALENDAR_KEY, JSON.stringify(calendar));
    refreshAllTerms(db);
  })();
  return getSchoolCalendar(db);
}

/** A protocol decision is read against a year from its meeting's date. */
export function decisionPeriod(meetingDate: string): Span {
  const y = yearOf(meetingDate);
  return { start: meetingDate, end: addDays(iso(y + 1, Number(meetingDate.slice(5, 7)), 1), Number(meetingDate.slice(8, 10)) - 2) };
}

export interface TermColumns {
  termKind: ParsedTerm['kind'];
  termStart: string | null;
  termEnd: string | null;
  termDue: string;
  termLabel: string;
  termCertainty: ParsedTerm['certainty'];
  termNote: string;
  termVersion: number;
}

export function termColumns(text: string, ctx: TermContext): TermColumns {
  const p = parseTermDetailed(text, ctx);
  return {
    termKind: p.kind,
    termStart: p.start,
    termEnd: p.end,
    termDue: JSON.stringify(p.due),
    termLabel: p.label,
    termCertainty: p.certainty,
    termNote: p.note,
    termVersion: TERM_PARSER_VERSION,
  };
}

const SET =
  'term_kind = @termKind, term_start = @termStart, term_end = @termEnd, term_due = @termDue, term_label = @termLabel, ' +
  'term_certainty = @termCertainty, term_note = @termNote, term_version = @termVersion';

/**
 * The execution quarter of a due date written in SQL: shared/quarters.ts quarterOf (what
 * shared/execution-rules.ts quarterOfDue answers with) for 'YYYY-MM-DD'. tests/db/due-dates.test.ts
 * checks every stored row against quarterOfDue.
 */
const QUARTER_SQL = "substr(d.value, 1, 4) || '-Q' || ((CAST(substr(d.value, 6, 2) AS INTEGER) + 2) / 3)";

type DueOwner = 'measure_id' | 'decision_id';

/**
 * Rewrites the due_dates rows of readings just written, from their term_due JSON: the table is
 * written nowhere else, so it always lays out term_due. `ids` is a JSON array of row ids, all with
 * the same due dates (`due`, JSON); one DELETE and one INSERT whatever their number.
 */
function dueDatesWriter(db: Db, owner: DueOwner): (ids: string, due: string) => void {
  const drop = db.sqlite.prepare(`DELETE FROM due_dates WHERE ${owner} IN (SELECT value FROM json_each(?))`);
  const add = db.sqlite.prepare(
    `INSERT INTO due_dates (${owner}, due, quarter) SELECT i.value, d.value, ${QUARTER_SQL} FROM json_each(?) i, json_each(?) d`,
  );
  return (ids, due) => {
    drop.run(ids);
    add.run(ids, due);
  };
}

/** One row's dates: the same statements with a single id, so the index is used instead of json_each over ids. */
function rowDueDatesWriter(db: Db, owner: DueOwner): (id: number, due: string) => void {
  const drop = db.sqlite.prepare(`DELETE FROM due_dates WHERE ${owner} = ?`);
  const add = db.sqlite.prepare(`INSERT INTO due_dates (${owner}, due, quarter) SELECT ?, d.value, ${QUARTER_SQL} FROM json_each(?) d`);
  return (id, due) => {
    drop.run(id);
    add.run(id, due);
  };
}

export function refreshMeasureTerms(db: Db, where: string, params: unknown[] = []): number {
  const calendar = getSchoolCalendar(db);
  const rows = db.sqlite
    .prepare(
      `SELECT m.id, m.term, r.period_start AS start, r.period_end AS end FROM measures m JOIN roadmaps r ON r.id = m.roadmap_id WHERE ${where}`,
    )
    .all(...params) as { id: number; term: string; start: string; end: string }[];
  const update = db.sqlite.prepare(`UPDATE measures SET ${SET} WHERE id = @id`);
  const writeDue = rowDueDatesWriter(db, 'measure_id');
  for (const r of rows) {
    const c = termColumns(r.term, { period: { start: r.start, end: r.end }, calendar });
    update.run({ id: r.id, ...c });
    writeDue(r.id, c.termDue);
  }
  return rows.length;
}

export function refreshDecisionTerms(db: Db, where: string, params: unknown[] = []): number {
  const calendar = getSchoolCalendar(db);
  const rows = db.sqlite
    .prepare(
      `SELECT d.id, d.term, m.date FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id JOIN meetings m ON m.id = a.meeting_id WHERE ${where}`,
    )
    .all(...params) as { id: number; term: string; date: string }[];
  const update = db.sqlite.prepare(`UPDATE decisions SET ${SET} WHERE id = @id`);
  const writeDue = rowDueDatesWriter(db, 'decision_id');
  for (const r of rows) {
    const c = termColumns(r.term, { period: decisionPeriod(r.date), calendar });
    update.run({ id: r.id, ...c });
    writeDue(r.id, c.termDue);
  }
  return rows.length;
}

export const refreshRoadmapTerms = (db: Db, roadmapId: number) => refreshMeasureTerms(db, 'm.roadmap_id = ?', [roadmapId]);
export const refreshMeetingTerms = (db: Db, meetingId: number) => refreshDecisionTerms(db, 'm.id = ?', [meetingId]);

export function refreshAllTerms(db: Db): void {
  refreshMeasureTerms(db, '1 = 1');
  refreshDecisionTerms(db, '1 = 1');
}

export const PARSER_VERSION_KEY = 'termParserVersion';

/** What opening a database with older readings did: shown to the user once, and kept for `terms.parserInfo`. */
export interface TermUpgrade {
  from: number;
  to: number;
  /** Readings recomputed (measures and decisions with a term). */
  rows: number;
  /** Of them, readings whose dates or kind came out different (what «Сроки» and the reports see). */
  changed: number;
  ms: number;
}

/** Rows with the same text, period and stored reading, grouped by SQLite: one reading to compute, one UPDATE. */
interface StoredGroup {
  term: string;
  start: string;
  end: string;
  kind: string | null;
  ts: string | null;
  te: string | null;
  due: string;
  label: string;
  certainty: string;
  note: string;
  /** JSON array of the rows' ids. */
  ids: string;
  n: number;
}

const OLD =
  'term_kind AS kind, term_start AS ts, term_end AS te, term_due AS due, term_label AS label, term_certainty AS certainty, term_note AS note';
const OLD_GROUP = 'term_kind, term_start, term_end, term_due, term_label, term_certainty, term_note';

/**
 * Recomputes every stored reading made by an older parser, in one transaction, and says how many
 * changed. An up-to-date database costs one settings lookup (no scan): this runs on every opening.
 * SQLite groups the rows by text, period and old reading (roadmaps repeat «ежеквартально» hundreds of
 * times), so each distinct term is read once and each group is one UPDATE; no row object is made in JS.
 */
export function upgradeTerms(db: Db): TermUpgrade | null {
  // Raw: a database opened with an older set of migrations has a settings table without later columns.
  const value = db.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PARSER_VERSION_KEY) as string | undefined;
  const stored = Number(value ?? 0);
  // Equal: nothing to do. Newer: a newer app wrote it and its readings are better than ours.
  if (stored >= TERM_PARSER_VERSION) return null;
  // A database opened with an older set of migrations (tests do this) has no such columns yet.
  const columns = db.sqlite.prepare("SELECT name FROM pragma_table_info('measures')").pluck().all() as string[];
  if (!columns.includes('term_version')) return null;
  const hasDueDates = db.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'due_dates'").get() !== undefined;
  const t0 = performance.now();
  const calendar = getSchoolCalendar(db);
  let rows = 0;
  let changed = 0;
  const recompute = (table: 'measures' | 'decisions', groups: StoredGroup[], period: (g: StoredGroup) => Span) => {
    const update = db.sqlite.prepare(`UPDATE ${table} SET ${SET} WHERE id IN (SELECT value FROM json_each(@ids))`);
    // Without the table yet (an older set of migrations), its migration lays out term_due when it comes.
    const writeDue = hasDueDates ? dueDatesWriter(db, table === 'measures' ? 'measure_id' : 'decision_id') : () => {};
    const cache = new Map<string, TermColumns>();
    for (const g of groups) {
      const p = period(g);
      const key = `${p.start}|${p.end}|${g.term}`;
      let c = cache.get(key);
      if (!c) cache.set(key, (c = termColumns(g.term, { period: p, calendar })));
      rows += g.n;
      const dates = c.termKind !== g.kind || c.termStart !== g.ts || c.termEnd !== g.te || c.termDue !== g.due;
      if (dates) changed += g.n;
      if (dates || c.termLabel !== g.label || c.termCertainty !== g.certainty || c.termNote !== g.note) update.run({ ...c, ids: g.ids });
      // due_dates lays out term_due: it changes only with it.
      if (c.termDue !== g.due) writeDue(g.ids, c.termDue);
    }
    // Rows whose reading came out the same only get the new version, in one statement.
    db.sqlite.prepare(`UPDATE ${table} SET term_version = ? WHERE term_version <> ?`).run(TERM_PARSER_VERSION, TERM_PARSER_VERSION);
  };
  db.sqlite.transaction(() => {
    const measures = db.sqlite
      .prepare(
        `SELECT m.term, r.period_start AS start, r.period_end AS end, ${OLD}, json_group_array(m.id) AS ids, count(*) AS n
           FROM measures m JOIN roadmaps r ON r.id = m.roadmap_id GROUP BY m.term, r.period_start, r.period_end, ${OLD_GROUP}`,
      )
      .all() as StoredGroup[];
    recompute('measures', measures, (g) => ({ start: g.start, end: g.end }));
    const decisions = db.sqlite
      .prepare(
        `SELECT d.term, m.date AS start, m.date AS end, ${OLD}, json_group_array(d.id) AS ids, count(*) AS n
           FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id JOIN meetings m ON m.id = a.meeting_id GROUP BY d.term, m.date, ${OLD_GROUP}`,
      )
      .all() as StoredGroup[];
    recompute('decisions', decisions, (g) => decisionPeriod(g.start));
    setSetting(db, PARSER_VERSION_KEY, String(TERM_PARSER_VERSION));
  })();
  return { from: stored, to: TERM_PARSER_VERSION, rows, changed, ms: Math.round(performance.now() - t0) };
}

/** The school years worth showing in the calendar settings: around the roadmaps' periods, or around today. */
export function calendarYears(db: Db, now: number): number[] {
  const r = db.sqlite.prepare('SELECT min(period_start) AS a, max(period_end) AS b FROM roadmaps').get() as {
    a: string | null;
    b: string | null;
  };
  const from = Math.min(now - 1, r.a ? Number(r.a.slice(0, 4)) - 1 : now);
  const to = Math.max(now + 1, r.b ? Number(r.b.slice(0, 4)) : now);
  return Array.from({ length: Math.min(to - from + 1, 30) }, (_, i) => from + i);
}

/** Reads one term against a period, for the editor's «как понято» as the user types and for the CLI. */
export function parseWithCalendar(db: Db | null, text: string, period: Span): ParsedTerm {
  return parseTermDetailed(text, { period, calendar: db ? getSchoolCalendar(db) : {} });
}
