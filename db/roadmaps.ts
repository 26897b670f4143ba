/** Roadmaps (дорожные карты): title, level, period, the passport, and each roadmap's own column captions. */
import { eq, sql } from 'drizzle-orm';
import { AppError, notFound, raise } from './errors';
import { recordStep } from './history';
import type { Db } from './open';
import { nowSql, roadmaps } from './schema';
import { refreshRoadmapTerms } from './terms/store';
import { moveToTrash } from './trash';
import { checkVersion, nextVersion } from './versions';
import { checkPeriod } from './terms/period';

/** Column captions differ between districts; each roadmap keeps its own. */
export interface Captions {
  number: string;
  name: string;
  term: string;
  executors: string;
  result: string;
}

export const DEFAULT_CAPTIONS: Captions = {
  number: '№ п/п',
  name: 'Наименование мероприятия',
  term: 'Сроки',
  executors: 'Ответственные исполнители',
  result: 'Ожидаемый результат',
};

export const PASSPORT_FIELDS = ['coordinator', 'goal', 'tasks', 'directions', 'indicators', 'expectedResults', 'basisDocuments'] as const;
export type PassportField = (typeof PASSPORT_FIELDS)[number];
export type Passport = Record<PassportField, string>;

type Row = typeof roadmaps.$inferSelect;
export type Roadmap = Omit<Row, 'captions'> & { captions: Captions };
export type RoadmapInput = Pick<Row, 'title' | 'periodStart' | 'periodEnd'> &
  Partial<Pick<Row, 'level' | 'schoolId'>> &
  Partial<Passport> & {
    captions?: Captions;
    autoNumber?: boolean;
    sourceFile?: string | null;
    importedAt?: string | null;
    appendixMark?: string;
  };

export interface RoadmapSummary {
  id: number;
  title: string;
  level: Row['level'];
  schoolId: number | null;
  periodStart: string;
  periodEnd: string;
  sections: number;
  measures: number;
  updatedAt: string;
  /** The file it was imported from, and when: kept so one can tell where a plan came from. */
  sourceFile: string | null;
  importedAt: string | null;
  version: number;
}

function fromRow(row: Row): Roadmap {
  return { ...row, captions: { ...DEFAULT_CAPTIONS, ...(JSON.parse(row.captions) as Partial<Captions>) } };
}

function checkSchool(db: Db, schoolId: number | null | undefined): void {
  if (schoolId == null) return;
  const kind = db.sqlite.prepare('SELECT kind FROM organizations WHERE id = ?').pluck().get(schoolId);
  if (kind === undefined) throw notFound('Организация', schoolId);
  if (kind !== 'school')
    throw new AppError('not_a_school', 'Школьная дорожная карта должна быть привязана к школе, а не к другой организации.');
}

export function listRoadmaps(db: Db): RoadmapSummary[] {
  return db.sqlite
    .prepare(
      `SELECT r.id, r.title, r.level, r.school_id AS schoolId, r.period_start AS periodStart, r.period_end AS periodEnd,
              r.updated_at AS updatedAt, r.source_file AS sourceFile, r.imported_at AS importedAt, r.version,
              (SELECT count(*) FROM sections s WHERE s.roadmap_id = r.id) AS sections,
              (SELECT count(*) FROM measures m WHERE m.roadmap_id = r.id) AS measures
         FROM roadmaps r ORDER BY r.period_start DESC, fold(r.title)`,
    )
    .all() as RoadmapSummary[];
}

/** Prepared once per connection: a report or document asks for each roadmap several times, and building the query cost more than running it. */
const byId = new WeakMap<Db['orm'], ReturnType<typeof prepareById>>();
const prepareById = (orm: Db['orm']) =>
  orm
    .select()
    .from(roadmaps)
    .where(eq(roadmaps.id, sql.placeholder('id')))
    .prepare();

export function getRoadmap(db: Db, id: number): Roadmap {
  let query = byId.get(db.orm);
  if (!query) byId.set(db.orm, (query = prepareById(db.orm)));
  const row = query.get({ id }) ?? raise(notFound('Дорожная карта', id));
  return fromRow(row);
}

export function createRoadmap(db: Db, input: RoadmapInput): Roadmap {
  checkPeriod(input.periodStart, input.periodEnd);
  checkSchool(db, input.schoolId);
  const { captions, ...rest } = input;
  const row = db.orm
    .insert(roadmaps)
    .values({ ...rest, captions: JSON.stringify(captions ?? DEFAULT_CAPTIONS) })
    .returning()
    .get();
  return fromRow(row);
}

/** What a roadmap edit is called in the undo history. */
function stepLabel(input: Partial<RoadmapInput>): string {
  const keys = Object.keys(input);
  if (keys.length > 0 && keys.every((k) => k === 'captions')) return 'Изменение заголовков столбцов';
  if (keys.length > 0 && keys.every((k) => (PASSPORT_FIELDS as readonly string[]).includes(k))) return 'Изменение паспорта';
  return 'Изменение дорожной карты';
}

/** An edit of the roadmap (title, period, passport, captions) is a step of its undo history. */
export function updateRoadmap(db: Db, id: number, input: Partial<RoadmapInput>, expectedVersion?: number): Roadmap {
  getRoadmap(db, id);
  return recordStep(db, id, stepLabel(input), () => {
    checkVersion(db, 'roadmaps', id, expectedVersion);
    const updated = updateRoadmapRow(db, id, input);
    // Terms are read against the period: a new period means new due dates.
    if (input.periodStart !== undefined || input.periodEnd !== undefined) refreshRoadmapTerms(db, id);
    return updated;
  });
}

function updateRoadmapRow(db: Db, id: number, input: Partial<RoadmapInput>): Roadmap {
  const current = getRoadmap(db, id);
  checkPeriod(input.periodStart ?? current.periodStart, input.periodEnd ?? current.periodEnd);
  checkSchool(db, input.schoolId);
  const { captions, ...rest } = input;
  const row = db.orm
    .update(roadmaps)
    .set({ ...rest, ...(captions ? { captions: JSON.stringify(captions) } : {}), updatedAt: nowSql, version: nextVersion })
    .where(eq(roadmaps.id, id))
    .returning()
    .get();
  return fromRow(row!);
}

export function touchRoadmap(db: Db, id: number): void {
  db.orm.update(roadmaps).set({ updatedAt: nowSql }).where(eq(roadmaps.id, id)).run();
}

/**
 * Deleting a roadmap moves it to the recycle bin with its plan and execution; refused while an
 * order approves it (the order's appendix would point at nothing).
 */
export function deleteRoadmap(db: Db, id: number): void {
  const roadmap = getRoadmap(db, id);
  const ordersUsing = db.sqlite
    .prepare('SELECT o.number, o.date FROM order_appendices a JOIN orders o ON o.id = a.order_id WHERE a.roadmap_id = ?')
    .all(id) as { number: string; date: string }[];
  if (ordersUsing.length > 0)
    throw new AppError(
      'in_use',
      `Дорожная карта «${roadmap.title}» утверждена приказом ${ordersUsing.map((o) => `№ ${o.number}`).join(', ')}. Сначала уберите её из приложений приказа.`,
    );
  moveToTrash(db, 'roadmap', id);
}
