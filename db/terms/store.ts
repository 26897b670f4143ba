/**
 * Parsed terms kept beside their text on measures and protocol decisions, and recomputed whenever
 * what they depend on changes: the text, the roadmap's period (the meeting's date for decisions),
 * or the school calendar. Rows never computed (after the migration that added the columns) are
 * filled when the database is opened.
 */
import { AppError } from '../errors';
import type { Db } from '../open';
import { getSetting, setSetting } from '../settings';
import { addDays, iso, yearOf } from './dates';
import { type SchoolCalendar, type SchoolYear, type Span } from './calendar';
import { parseTermDetailed, type ParsedTerm, type TermContext } from './parse';

const CALENDAR_KEY = 'schoolCalendar';

export function getSchoolCalendar(db: Db): SchoolCalendar {
  const raw = getSetting(db, CALENDAR_KEY);
  return raw ? (JSON.parse(raw) as SchoolCalendar) : {};
}

function checkSchoolYear(startYear: string, sy: SchoolYear): void {
  const spans = [...sy.quarters, ...sy.trimesters];
  const y = Number(startYear);
  for (const s of spans)
    if (s.start > s.end) throw new AppError('bad_calendar', `Учебный год ${y}/${y + 1}: начало четверти или триместра позже его окончания.`);
  for (const list of [sy.quarters, sy.trimesters])
    for (let i = 1; i < list.length; i++)
      if (list[i]!.start <= list[i - 1]!.end) throw new AppError('bad_calendar', `Учебный год ${y}/${y + 1}: четверти (триместры) идут внахлёст или не по порядку.`);
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
}

export function termColumns(text: string, ctx: TermContext): TermColumns {
  const p = parseTermDetailed(text, ctx);
  return { termKind: p.kind, termStart: p.start, termEnd: p.end, termDue: JSON.stringify(p.due), termLabel: p.label };
}

const SET = 'term_kind = @termKind, term_start = @termStart, term_end = @termEnd, term_due = @termDue, term_label = @termLabel';

export function refreshMeasureTerms(db: Db, where: string, params: unknown[] = []): number {
  const calendar = getSchoolCalendar(db);
  const rows = db.sqlite
    .prepare(`SELECT m.id, m.term, r.period_start AS start, r.period_end AS end FROM measures m JOIN roadmaps r ON r.id = m.roadmap_id WHERE ${where}`)
    .all(...params) as { id: number; term: string; start: string; end: string }[];
  const update = db.sqlite.prepare(`UPDATE measures SET ${SET} WHERE id = @id`);
  for (const r of rows) update.run({ id: r.id, ...termColumns(r.term, { period: { start: r.start, end: r.end }, calendar }) });
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
  for (const r of rows) update.run({ id: r.id, ...termColumns(r.term, { period: decisionPeriod(r.date), calendar }) });
  return rows.length;
}

export const refreshRoadmapTerms = (db: Db, roadmapId: number) => refreshMeasureTerms(db, 'm.roadmap_id = ?', [roadmapId]);
export const refreshMeetingTerms = (db: Db, meetingId: number) => refreshDecisionTerms(db, 'm.id = ?', [meetingId]);

export function refreshAllTerms(db: Db): void {
  refreshMeasureTerms(db, '1 = 1');
  refreshDecisionTerms(db, '1 = 1');
}

/** Fills terms never computed (rows written before the columns existed). */
export function refreshMissingTerms(db: Db): void {
  // A database opened with an older set of migrations (tests do this) has no such columns yet.
  const columns = db.sqlite.prepare("SELECT name FROM pragma_table_info('measures')").pluck().all() as string[];
  if (!columns.includes('term_kind')) return;
  db.sqlite.transaction(() => {
    refreshMeasureTerms(db, 'm.term_kind IS NULL');
    refreshDecisionTerms(db, 'd.term_kind IS NULL');
  })();
}

/** Reads one term against a period, for the editor's «как понято» as the user types and for the CLI. */
export function parseWithCalendar(db: Db | null, text: string, period: Span): ParsedTerm {
  return parseTermDetailed(text, { period, calendar: db ? getSchoolCalendar(db) : {} });
}
