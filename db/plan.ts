/**
 * The plan of a roadmap: numbered sections of measures. Every change goes through `changePlan`,
 * which runs the change in one transaction, renumbers, and records the rows it changed for undo.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { AppError, notFound, raise } from './errors';
import { mustExist } from './exists';
import type { Db } from './open';
import { getRoadmap, touchRoadmap } from './roadmaps';
import { measureExecutors, measures, nowSql, roadmaps, sections } from './schema';
import { describeCaveat, describeTerm } from './terms/describe';
import type { TermCertainty, TermKind } from './terms/parse';
import { refreshMeasureTerms } from './terms/store';
import { recordStep } from './history';
import { touchedSoFar } from './history-capture';
import { continuePlanNumbers } from './plan-numbering';
import { checkVersion, nextVersion } from './versions';

export interface ExecutorLink {
  personId: number | null;
  organizationId: number | null;
}

/** How the app read the term: the structured term, how sure it is, a kept qualifier, and the words for the editor. */
export interface TermReading {
  kind: TermKind;
  start: string | null;
  end: string | null;
  due: string[];
  certainty: TermCertainty;
  note: string;
  understood: string;
  /** How sure, in words, with the note («год взят из периода · по итогам ВПР»); '' when exact. */
  caveat: string;
}

export interface PlanMeasure {
  id: number;
  sectionId: number | null;
  number: string;
  name: string;
  term: string;
  executors: string;
  result: string;
  links: ExecutorLink[];
  /** The risk factors («500+») the measure addresses, by id in the list's order. */
  risks: number[];
  parsed: TermReading;
  updatedAt: string;
  version: number;
}

export interface PlanSection {
  /** Null for the measures that stand outside any section; that group always comes first. */
  id: number | null;
  number: string;
  title: string | null;
  /** The section's version (0 for the group outside sections, which no form edits). */
  version: number;
  measures: PlanMeasure[];
}

/** A section row as printed: «2. Работа с педагогами» (no number: the title alone). */
export const sectionHeading = (s: { number: string; title: string | null }): string => `${s.number ? `${s.number}. ` : ''}${s.title ?? ''}`;

export interface MeasureInput {
  name: string;
  term?: string | undefined;
  executors?: string | undefined;
  result?: string | undefined;
  links?: ExecutorLink[] | undefined;
  /** Risk factor ids («Риски, на которые направлено»); left out: unchanged (an update) or none (a new measure). */
  risks?: number[] | undefined;
  /** Honoured only where the roadmap keeps its own numbers (autoNumber off); empty: the next in the plan's pattern. */
  number?: string;
}

/** The measure columns a plan shows, as getPlan reads them. */
type PlanRow = Pick<
  typeof measures.$inferSelect,
  'id' | 'sectionId' | 'number' | 'name' | 'term' | 'executors' | 'result' | 'version' | 'updatedAt'
> &
  Parameters<typeof readingOf>[0];

/**
 * getPlan's three reads, prepared once per connection: every screen, document and report reads the
 * plan, and building the query through the ORM each time cost more than running it.
 */
const planReads = new WeakMap<Db['sqlite'], ReturnType<typeof preparePlanReads>>();
const preparePlanReads = (sqlite: Db['sqlite']) => ({
  sections: sqlite.prepare<[number], Pick<PlanSection, 'number' | 'version'> & { id: number; title: string }>(
    'SELECT id, number, title, version FROM sections WHERE roadmap_id = ? ORDER BY position',
  ),
  measures: sqlite.prepare<[number], PlanRow>(
    `SELECT id, section_id AS sectionId, number, name, term, executors, result, version, updated_at AS updatedAt,
            term_kind AS termKind, term_start AS termStart, term_end AS termEnd, term_due AS termDue,
            term_label AS termLabel, term_certainty AS termCertainty, term_note AS termNote
       FROM measures WHERE roadmap_id = ? ORDER BY position`,
  ),
  links: sqlite.prepare<[number], ExecutorLink & { measureId: number }>(
    `SELECT e.measure_id AS measureId, e.person_id AS personId, e.organization_id AS organizationId
       FROM measure_executors e JOIN measures m ON m.id = e.measure_id WHERE m.roadmap_id = ? ORDER BY e.id`,
  ),
});

export function getPlan(db: Db, roadmapId: number): PlanSection[] {
  getRoadmap(db, roadmapId);
  let reads = planReads.get(db.sqlite);
  if (!reads) planReads.set(db.sqlite, (reads = preparePlanReads(db.sqlite)));
  const secs = reads.sections.all(roadmapId);
  const rows = reads.measures.all(roadmapId);
  const links = reads.links.all(roadmapId);
  const linksOf = new Map<number, ExecutorLink[]>();
  for (const l of links) {
    const list = linksOf.get(l.measureId) ?? [];
    list.push({ personId: l.personId, organizationId: l.organizationId });
    linksOf.set(l.measureId, list);
  }
  const risksOf = new Map<number, number[]>();
  for (const r of db.sqlite
    .prepare(
      `SELECT k.measure_id AS measureId, k.factor_id AS factorId FROM measure_risks k JOIN measures m ON m.id = k.measure_id
         JOIN risk_factors f ON f.id = k.factor_id WHERE m.roadmap_id = ? ORDER BY f.position, f.id`,
    )
    .all(roadmapId) as { measureId: number; factorId: number }[])
    risksOf.set(r.measureId, [...(risksOf.get(r.measureId) ?? []), r.factorId]);
  const toMeasure = (m: (typeof rows)[number]): PlanMeasure => ({
    id: m.id,
    sectionId: m.sectionId,
    number: m.number,
    name: m.name,
    term: m.term,
    executors: m.executors,
    result: m.result,
    links: linksOf.get(m.id) ?? [],
    risks: risksOf.get(m.id) ?? [],
    parsed: readingOf(m),
    updatedAt: m.updatedAt,
    version: m.version,
  });
  const loose = rows.filter((m) => m.sectionId === null).map(toMeasure);
  const result: PlanSection[] = [];
  if (loose.length > 0 || secs.length === 0) result.push({ id: null, number: '', title: null, version: 0, measures: loose });
  for (const s of secs)
    result.push({
      id: s.id,
      number: s.number,
      title: s.title,
      version: s.version,
      measures: rows.filter((m) => m.sectionId === s.id).map(toMeasure),
    });
  return result;
}

export function readingOf(row: {
  termKind: TermKind | null;
  termStart: string | null;
  termEnd: string | null;
  termDue: string;
  termLabel: string;
  termCertainty: TermCertainty;
  termNote: string;
}): TermReading {
  const t = {
    kind: row.termKind ?? 'unparsed',
    start: row.termStart,
    end: row.termEnd,
    due: JSON.parse(row.termDue) as string[],
    label: row.termLabel,
    certainty: row.termCertainty,
    note: row.termNote,
  };
  return {
    kind: t.kind,
    start: t.start,
    end: t.end,
    due: t.due,
    certainty: t.certainty,
    note: t.note,
    understood: describeTerm(t),
    caveat: describeCaveat(t),
  };
}

/** Runs one change of the plan: the change, renumbering, a step of the history — all or nothing. */
export function changePlan<T>(db: Db, roadmapId: number, label: string, change: () => T): T {
  getRoadmap(db, roadmapId);
  return recordStep(db, roadmapId, label, () => {
    const result = change();
    renumber(db, roadmapId, touchedGroups(db));
    touchRoadmap(db, roadmapId);
    return result;
  });
}

/** The sections (null: outside any section) whose measures the change so far added, moved or removed. */
function touchedGroups(db: Db): Set<number | null> {
  const groups = new Set<number | null>();
  const sectionOfMeasure = db.sqlite.prepare('SELECT section_id FROM measures WHERE id = ?').pluck();
  for (const t of touchedSoFar(db)) {
    if (t.table !== 'measures') continue;
    if (t.before && 'section_id' in t.before) groups.add(t.before.section_id as number | null);
    const now = sectionOfMeasure.get(t.id) as number | null | undefined;
    if (now !== undefined) groups.add(now);
  }
  return groups;
}

/**
 * Positions are rewritten 0…n-1 and, where the roadmap numbers itself, numbers follow:
 * sections 1, 2, 3; their measures 1.1, 1.2 … 2.1; measures outside sections 1, 2, 3.
 * With `groups`, only those groups' measures are renumbered (and those of any section whose own
 * number changed), so an edit costs the size of its section, not of the plan; rows whose position
 * and number stay are not written at all. Where the roadmap keeps its own numbers (an import), an
 * edit's groups continue their printed pattern instead (db/plan-numbering.ts); a whole-plan pass
 * (`groups` left out, an import) keeps them as they are.
 */
export function renumber(db: Db, roadmapId: number, groups?: Set<number | null>): void {
  const auto = getRoadmap(db, roadmapId).autoNumber;
  const secs = db.orm
    .select({ id: sections.id })
    .from(sections)
    .where(eq(sections.roadmapId, roadmapId))
    .orderBy(asc(sections.position), asc(sections.id))
    .all();
  // Where the roadmap keeps its own numbers («4. 8» as imported), this pass rewrites only the order.
  const changed = (table: string) =>
    db.sqlite.prepare(
      `UPDATE ${table} SET position = @position, number = CASE WHEN @auto THEN @number ELSE number END
        WHERE id = @id AND (position IS NOT @position OR (@auto AND number IS NOT @number))`,
    );
  const setSection = changed('sections');
  const setMeasure = changed('measures');
  const apply = (stmt: typeof setSection, position: number, number: string, id: number) =>
    stmt.run({ position, number, id, auto: auto ? 1 : 0 }).changes > 0;
  const wanted = (sectionId: number | null) => groups === undefined || groups.has(sectionId);
  if (wanted(null)) groupIds(db, roadmapId, null).forEach((id, j) => apply(setMeasure, j, String(j + 1), id));
  secs.forEach((s, i) => {
    const renumbered = apply(setSection, i, String(i + 1), s.id);
    if (wanted(s.id) || (renumbered && auto))
      groupIds(db, roadmapId, s.id).forEach((id, j) => apply(setMeasure, j, `${i + 1}.${j + 1}`, id));
  });
  // Numbers as printed continue their own pattern after an edit; a whole-plan pass (an import) keeps them.
  if (!auto && groups !== undefined) continuePlanNumbers(db, roadmapId, groups);
}

export interface NumberChange {
  kind: 'section' | 'measure';
  id: number;
  old: string;
  new: string;
}

/**
 * What switching automatic numbering on would change: every section and measure whose number is
 * not already 1 / 1.1 …, in the plan's order. Shown to the user before anything is written.
 */
export function renumberPreview(db: Db, roadmapId: number): NumberChange[] {
  const out: NumberChange[] = [];
  let sectionIndex = 0;
  for (const s of getPlan(db, roadmapId)) {
    if (s.id !== null && s.number !== String(++sectionIndex))
      out.push({ kind: 'section', id: s.id, old: s.number, new: String(sectionIndex) });
    s.measures.forEach((m, j) => {
      const want = s.id === null ? String(j + 1) : `${sectionIndex}.${j + 1}`;
      if (m.number !== want) out.push({ kind: 'measure', id: m.id, old: m.number, new: want });
    });
  }
  return out;
}

/** Switches automatic numbering on and renumbers the whole plan: one step, undone as one. */
export function applyAutoNumbering(db: Db, roadmapId: number): { changed: number } {
  return changePlan(db, roadmapId, 'Автоматическая нумерация', () => {
    const changed = renumberPreview(db, roadmapId).length;
    db.orm.update(roadmaps).set({ autoNumber: true }).where(eq(roadmaps.id, roadmapId)).run();
    renumber(db, roadmapId);
    return { changed };
  });
}

function sectionOf(db: Db, roadmapId: number, sectionId: number | null): void {
  if (sectionId === null) return;
  const s = db.orm.select().from(sections).where(eq(sections.id, sectionId)).get();
  if (!s || s.roadmapId !== roadmapId) throw notFound('Раздел', sectionId);
}

function measureRow(db: Db, id: number) {
  return db.orm.select().from(measures).where(eq(measures.id, id)).get() ?? raise(notFound('Мероприятие', id));
}

function setLinks(db: Db, measureId: number, links: ExecutorLink[]): void {
  db.orm.delete(measureExecutors).where(eq(measureExecutors.measureId, measureId)).run();
  const seen = new Set<string>();
  for (const l of links) {
    const key = `${l.personId}:${l.organizationId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    db.orm.insert(measureExecutors).values({ measureId, personId: l.personId, organizationId: l.organizationId }).run();
  }
}

/**
 * Replaces the measure's risk factors, writing only what changed (so an unchanged list is no step of
 * the history). Every id must be a factor of the list; repeats are dropped.
 */
function setRisks(db: Db, measureId: number, factorIds: number[]): void {
  const wanted = [...new Set(factorIds)];
  const known = db.sqlite.prepare('SELECT 1 FROM risk_factors WHERE id = ?');
  for (const f of wanted) if (known.get(f) === undefined) throw notFound('Фактор риска', f);
  const have = db.sqlite.prepare('SELECT factor_id FROM measure_risks WHERE measure_id = ?').pluck().all(measureId) as number[];
  const drop = db.sqlite.prepare('DELETE FROM measure_risks WHERE measure_id = ? AND factor_id = ?');
  for (const f of have) if (!wanted.includes(f)) drop.run(measureId, f);
  const add = db.sqlite.prepare('INSERT INTO measure_risks (measure_id, factor_id) VALUES (?, ?)');
  for (const f of wanted) if (!have.includes(f)) add.run(measureId, f);
}

function validateLinks(db: Db, links: ExecutorLink[]): void {
  for (const l of links) {
    if ((l.personId === null) === (l.organizationId === null))
      throw new AppError('bad_link', 'Исполнитель должен быть либо человеком, либо организацией.');
    mustExist(db, 'people', l.personId);
    mustExist(db, 'organizations', l.organizationId);
  }
}

/** Moves `id` to `index` within `ids` (clamped), returning the new order. */
function placeAt(ids: number[], id: number, index: number): number[] {
  const rest = ids.filter((x) => x !== id);
  const at = Math.max(0, Math.min(index, rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

function groupIds(db: Db, roadmapId: number, sectionId: number | null): number[] {
  return db.orm
    .select({ id: measures.id })
    .from(measures)
    .where(and(eq(measures.roadmapId, roadmapId), sectionId === null ? isNull(measures.sectionId) : eq(measures.sectionId, sectionId)))
    .orderBy(asc(measures.position), asc(measures.id))
    .all()
    .map((r) => r.id);
}

function writeOrder(db: Db, table: 'measures' | 'sections', ids: number[]): void {
  const stmt = db.sqlite.prepare(`UPDATE ${table} SET position = ? WHERE id = ?`);
  ids.forEach((id, i) => stmt.run(i, id));
}

export function addSection(db: Db, roadmapId: number, title: string, index?: number): number {
  return changePlan(db, roadmapId, 'Добавление раздела', () => {
    const ids = db.orm
      .select({ id: sections.id })
      .from(sections)
      .where(eq(sections.roadmapId, roadmapId))
      .orderBy(asc(sections.position))
      .all()
      .map((r) => r.id);
    const id = db.orm.insert(sections).values({ roadmapId, title, position: ids.length }).returning({ id: sections.id }).get().id;
    writeOrder(db, 'sections', placeAt([...ids, id], id, index ?? ids.length));
    return id;
  });
}

function sectionRow(db: Db, id: number) {
  return db.orm.select().from(sections).where(eq(sections.id, id)).get() ?? raise(notFound('Раздел', id));
}

export function updateSection(
  db: Db,
  id: number,
  input: { title: string; number?: string | undefined; expectedVersion?: number | undefined },
): void {
  const s = sectionRow(db, id);
  changePlan(db, s.roadmapId, 'Изменение раздела', () => {
    // Checked inside the transaction, so no other window can save between the check and the write.
    checkVersion(db, 'sections', id, input.expectedVersion);
    const auto = getRoadmap(db, s.roadmapId).autoNumber;
    db.orm
      .update(sections)
      .set({ title: input.title, version: nextVersion, ...(auto || input.number === undefined ? {} : { number: input.number }) })
      .where(eq(sections.id, id))
      .run();
  });
}

/** Deletes the section with its measures (the UI asks first, naming how many). */
export function deleteSection(db: Db, id: number): { measuresDeleted: number } {
  const s = sectionRow(db, id);
  return changePlan(db, s.roadmapId, 'Удаление раздела', () => {
    const n = groupIds(db, s.roadmapId, id).length;
    db.orm.delete(sections).where(eq(sections.id, id)).run();
    return { measuresDeleted: n };
  });
}

export function moveSection(db: Db, id: number, index: number): void {
  const s = sectionRow(db, id);
  changePlan(db, s.roadmapId, 'Перемещение раздела', () => {
    const ids = db.orm
      .select({ id: sections.id })
      .from(sections)
      .where(eq(sections.roadmapId, s.roadmapId))
      .orderBy(asc(sections.position))
      .all()
      .map((r) => r.id);
    writeOrder(db, 'sections', placeAt(ids, id, index));
  });
}

export function addMeasure(db: Db, roadmapId: number, sectionId: number | null, input: MeasureInput, index?: number): number {
  return changePlan(db, roadmapId, 'Добавление мероприятия', () => {
    sectionOf(db, roadmapId, sectionId);
    const links = input.links ?? [];
    validateLinks(db, links);
    const ids = groupIds(db, roadmapId, sectionId);
    const id = db.orm
      .insert(measures)
      .values({
        roadmapId,
        sectionId,
        position: ids.length,
        number: input.number ?? '',
        name: input.name,
        term: input.term ?? '',
        executors: input.executors ?? '',
        result: input.result ?? '',
      })
      .returning({ id: measures.id })
      .get().id;
    setLinks(db, id, links);
    setRisks(db, id, input.risks ?? []);
    writeOrder(db, 'measures', placeAt([...ids, id], id, index ?? ids.length));
    refreshMeasureTerms(db, 'm.id = ?', [id]);
    return id;
  });
}

export function updateMeasure(db: Db, id: number, input: Partial<MeasureInput>, expectedVersion?: number): void {
  const m = measureRow(db, id);
  changePlan(db, m.roadmapId, 'Изменение мероприятия', () => {
    checkVersion(db, 'measures', id, expectedVersion);
    const auto = getRoadmap(db, m.roadmapId).autoNumber;
    const { links, risks, number, ...fields } = input;
    db.orm
      .update(measures)
      .set({ ...fields, ...(auto || number === undefined ? {} : { number }), updatedAt: nowSql, version: nextVersion })
      .where(eq(measures.id, id))
      .run();
    if (links) {
      validateLinks(db, links);
      setLinks(db, id, links);
    }
    if (risks) setRisks(db, id, risks);
    if (fields.term !== undefined) refreshMeasureTerms(db, 'm.id = ?', [id]);
  });
}

export function deleteMeasures(db: Db, ids: number[]): void {
  if (ids.length === 0) return;
  const rows = db.orm.select().from(measures).where(inArray(measures.id, ids)).all();
  if (rows.length !== new Set(ids).size)
    throw notFound(
      'Мероприятие',
      ids.find((id) => !rows.some((r) => r.id === id))!,
    );
  const roadmapIds = new Set(rows.map((r) => r.roadmapId));
  if (roadmapIds.size > 1) throw new AppError('mixed', 'Удалять можно мероприятия только одной дорожной карты за раз.');
  changePlan(db, rows[0]!.roadmapId, ids.length === 1 ? 'Удаление мероприятия' : 'Удаление мероприятий', () => {
    db.orm.delete(measures).where(inArray(measures.id, ids)).run();
  });
}

/** Moves a measure to `index` within a section (or outside sections with null), keyboard and drag alike. */
export function moveMeasure(db: Db, id: number, sectionId: number | null, index: number): void {
  const m = measureRow(db, id);
  changePlan(db, m.roadmapId, 'Перемещение мероприятия', () => {
    sectionOf(db, m.roadmapId, sectionId);
    if (m.sectionId !== sectionId) {
      db.orm.update(measures).set({ sectionId, updatedAt: nowSql }).where(eq(measures.id, id)).run();
      writeOrder(db, 'measures', groupIds(db, m.roadmapId, m.sectionId));
    }
    writeOrder(db, 'measures', placeAt(groupIds(db, m.roadmapId, sectionId), id, index));
  });
}

export interface BulkSection {
  number: string;
  title: string | null;
  measures: { number: string; name: string; term: string; executors: string; result: string }[];
}

/**
 * Writes a whole plan into a new, empty roadmap at once (an import): no undo snapshots (there is
 * nothing to undo to) and one renumbering and term reading at the end, so 5 000 rows take a moment.
 * The caller runs it inside its transaction.
 */
export function insertPlan(db: Db, roadmapId: number, plan: BulkSection[]): { sections: number; measures: number } {
  const addSectionStmt = db.sqlite.prepare('INSERT INTO sections (roadmap_id, position, number, title) VALUES (?, ?, ?, ?)');
  const addMeasureStmt = db.sqlite.prepare(
    'INSERT INTO measures (roadmap_id, section_id, position, number, name, term, executors, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let sectionCount = 0;
  let measureCount = 0;
  for (const s of plan) {
    let sectionId: number | null = null;
    if (s.title !== null) sectionId = Number(addSectionStmt.run(roadmapId, sectionCount++, s.number, s.title).lastInsertRowid);
    s.measures.forEach((m, i) => {
      addMeasureStmt.run(roadmapId, sectionId, i, m.number, m.name, m.term, m.executors, m.result);
      measureCount++;
    });
  }
  renumber(db, roadmapId);
  refreshMeasureTerms(db, 'm.roadmap_id = ?', [roadmapId]);
  return { sections: sectionCount, measures: measureCount };
}
