/**
 * Record versions against stale forms: every form edit bumps the record's `version`; a save that
 * names the version its form was opened with is refused when the record has moved on since, so an
 * edit made in another window (or the browser mode) is never overwritten silently. A save without
 * an expected version («Перезаписать») goes through.
 */
import { sql } from 'drizzle-orm';
import { AppError, notFound } from './errors';
import type { Db } from './open';

/** Tables whose rows carry a version a form can hold. */
export type VersionedTable = 'roadmaps' | 'sections' | 'measures' | 'meetings' | 'orders' | 'people' | 'organizations' | 'indicators';

const WHAT: Record<VersionedTable, string> = {
  roadmaps: 'Дорожная карта',
  sections: 'Раздел',
  measures: 'Мероприятие',
  meetings: 'Заседание',
  orders: 'Приказ',
  people: 'Человек',
  organizations: 'Организация',
  indicators: 'Индикатор',
};

export const STALE_MESSAGE = 'Запись изменена после того, как вы её открыли';

export const staleError = (): AppError =>
  new AppError('stale', `${STALE_MESSAGE}. Обновите форму, чтобы увидеть новые данные, или перезапишите их своими.`);

/** Refuses the save when the form's version is not the record's; nothing to check without one. */
export function checkVersion(db: Db, table: VersionedTable, id: number, expected: number | undefined): void {
  if (expected === undefined) return;
  const current = db.sqlite.prepare(`SELECT version FROM ${table} WHERE id = ?`).pluck().get(id) as number | undefined;
  if (current === undefined) throw notFound(WHAT[table], id);
  if (current !== expected) throw staleError();
}

/** The `set` fragment every form edit adds: the next version. */
export const nextVersion = sql`version + 1`;
