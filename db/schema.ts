/**
 * The data model of the app, one table per concept. Words used across db, API and UI:
 * roadmap (дорожная карта), section (раздел), measure (мероприятие), term (срок),
 * executor (исполнитель), organization (организация / ОО), person (человек),
 * meeting / protocol (заседание / протокол), decision (решение), order (приказ),
 * execution (исполнение: статус по кварталу).
 *
 * Changing this file means running `npm run db:generate` and committing the new migration.
 */
import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  EXECUTION_STATUSES,
  INDICATOR_DIRECTIONS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  INDICATOR_VALUE_KINDS,
  INDICATOR_YEAR_KINDS,
  MEMBER_ROLES,
  ORGANIZATION_KINDS,
  RISK_LEVELS,
  ROADMAP_LEVELS,
} from '../shared/labels';
// Re-exported: the drizzle schema and its callers name the status list here too.
export { EXECUTION_STATUSES };

/** The current moment as SQLite writes it, for defaults and for `updatedAt` on every update. */
export const nowSql = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

const timestamps = {
  createdAt: text('created_at').notNull().default(nowSql),
  updatedAt: text('updated_at').notNull().default(nowSql),
};

/**
 * The record's version, bumped by every edit made through a form (db/versions.ts), so a form opened
 * before someone else's save is refused instead of silently overwriting it. Moves and renumbering
 * of the plan do not bump it: they change no field a form shows.
 */
const version = { version: integer('version').notNull().default(1) };

/**
 * The term as the app understood it, stored beside the text (recomputed when the text, the period
 * or the school calendar changes): kind, window, the due dates (JSON array), a recurrence word, the
 * certainty and note, and the parser version that made it (older readings are recomputed on opening).
 */
const parsedTerm = {
  termKind: text('term_kind', { enum: ['deadline', 'range', 'recurring', 'continuous', 'unparsed'] }),
  termStart: text('term_start'),
  termEnd: text('term_end'),
  termDue: text('term_due').notNull().default('[]'),
  termLabel: text('term_label').notNull().default(''),
  /** How sure the reading is: 'exact', 'assumed-year' (taken from the period) or 'approximate' (spread, guessed). */
  termCertainty: text('term_certainty', { enum: ['exact', 'assumed-year', 'approximate'] })
    .notNull()
    .default('exact'),
  /** A qualifier kept from the text («по итогам ВПР»). */
  termNote: text('term_note').notNull().default(''),
  /** The parser version (db/terms/parse.ts TERM_PARSER_VERSION) that made this reading; 0 = before versions. */
  termVersion: integer('term_version').notNull().default(0),
};

/** Key–value settings: the department block printed on every document, the coordinator, the last folder… */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  ...version,
});

/** Department, РМК, schools and any other body. Schools carry their status flags. */
export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ORGANIZATION_KINDS }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    isShnor: integer('is_shnor', { mode: 'boolean' }).notNull().default(false),
    isShnsu: integer('is_shnsu', { mode: 'boolean' }).notNull().default(false),
    is500: integer('is_500', { mode: 'boolean' }).notNull().default(false),
    // A person may not be deleted while they direct or curate a school: RESTRICT, checked in db/ with a clear message.
    directorId: integer('director_id').references((): AnySQLiteColumn => people.id, { onDelete: 'restrict' }),
    curatorId: integer('curator_id').references((): AnySQLiteColumn => people.id, { onDelete: 'restrict' }),
    address: text('address').notNull().default(''),
    /** Other ways the district writes a school («Ивановская школа»), one per line: what the school matcher also looks for. */
    aliases: text('aliases').notNull().default(''),
    ...version,
    ...timestamps,
  },
  (t) => [index('organizations_kind').on(t.kind)],
);

export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fullName: text('full_name').notNull(),
    position: text('position').notNull().default(''),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    ...version,
    ...timestamps,
  },
  (t) => [index('people_org').on(t.organizationId)],
);

export const roadmaps = sqliteTable(
  'roadmaps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    level: text('level', { enum: ROADMAP_LEVELS }).notNull().default('municipal'),
    schoolId: integer('school_id').references(() => organizations.id, { onDelete: 'restrict' }),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    /** Column captions as this district writes them: {number, name, term, executors, result}. JSON. */
    captions: text('captions').notNull(),
    // The passport (паспорт): free text, several lines each.
    coordinator: text('coordinator').notNull().default(''),
    goal: text('goal').notNull().default(''),
    tasks: text('tasks').notNull().default(''),
    directions: text('directions').notNull().default(''),
    indicators: text('indicators').notNull().default(''),
    expectedResults: text('expected_results').notNull().default(''),
    basisDocuments: text('basis_documents').notNull().default(''),
    /** Off for imported plans whose own numbers («4. 8») must be kept as printed. */
    autoNumber: integer('auto_number', { mode: 'boolean' }).notNull().default(true),
    sourceFile: text('source_file'),
    importedAt: text('imported_at'),
    /**
     * The mark the source document carried above the plan («Приложение 1 к Муниципальной программе …»,
     * «… к постановлению администрации …»): printed on the appendix when no order in the program approves it.
     */
    appendixMark: text('appendix_mark').notNull().default(''),
    ...version,
    ...timestamps,
  },
  (t) => [check('roadmap_period', sql`${t.periodStart} <= ${t.periodEnd}`)],
);

export const sections = sqliteTable(
  'sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roadmapId: integer('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number').notNull().default(''),
    title: text('title').notNull(),
    ...version,
  },
  (t) => [index('sections_roadmap').on(t.roadmapId, t.position)],
);

export const measures = sqliteTable(
  'measures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roadmapId: integer('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    /** Null: the measure stands outside any section (the Zeya roadmap has none). */
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number').notNull().default(''),
    name: text('name').notNull(),
    /** The term exactly as written: «Февраль –ноябрь 2022». It is what gets printed. */
    term: text('term').notNull().default(''),
    executors: text('executors').notNull().default(''),
    result: text('result').notNull().default(''),
    ...parsedTerm,
    ...version,
    ...timestamps,
  },
  (t) => [index('measures_roadmap').on(t.roadmapId, t.sectionId, t.position)],
);

/**
 * What search reads: a measure's name, term, executors and result, each folded (db/text.ts fold:
 * lower case, ё = е, one space for any run of whitespace) and joined by a line break, which a folded
 * query never holds, so a match never spans two fields. Kept by triggers on measures (every writer,
 * undo and the recycle bin included; see the migration's hand-written block), so a search compares
 * stored text with SQLite's LIKE instead of folding every cell in JS per query.
 */
export const measureSearch = sqliteTable('measure_search', {
  measureId: integer('measure_id')
    .primaryKey()
    .references(() => measures.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
});

/** Links from a measure to the people and organisations named among its executors. */
export const measureExecutors = sqliteTable(
  'measure_executors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    // RESTRICT: a person or school named as an executor cannot vanish from under the plan.
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
  },
  (t) => [
    index('measure_executors_measure').on(t.measureId),
    index('measure_executors_person').on(t.personId),
    index('measure_executors_org').on(t.organizationId),
    check('measure_executor_target', sql`(${t.personId} IS NULL) <> (${t.organizationId} IS NULL)`),
  ],
);

export const workingGroupMembers = sqliteTable(
  'working_group_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: text('role', { enum: MEMBER_ROLES }).notNull().default('member'),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('wg_person').on(t.personId)],
);

export const meetings = sqliteTable('meetings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  date: text('date').notNull(),
  number: text('number').notNull().default(''),
  place: text('place').notNull().default(''),
  chairId: integer('chair_id').references(() => people.id, { onDelete: 'restrict' }),
  secretaryId: integer('secretary_id').references(() => people.id, { onDelete: 'restrict' }),
  ...version,
  ...timestamps,
});

export const meetingParticipants = sqliteTable(
  'meeting_participants',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['attendee', 'invited'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/** One item of the agenda (повестка) with what was heard (слушали) and who spoke (выступили). */
export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    heard: text('heard').notNull().default(''),
    spoke: text('spoke').notNull().default(''),
  },
  (t) => [index('agenda_meeting').on(t.meetingId, t.position)],
);

/** A decision (решили), tracked like a measure: a responsible person, a term, executions. */
export const decisions = sqliteTable(
  'decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    responsibleId: integer('responsible_id').references(() => people.id, { onDelete: 'restrict' }),
    responsibleText: text('responsible_text').notNull().default(''),
    term: text('term').notNull().default(''),
    ...parsedTerm,
  },
  (t) => [index('decisions_item').on(t.agendaItemId, t.position)],
);

export const orders = sqliteTable('orders', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  number: text('number').notNull(),
  date: text('date').notNull(),
  title: text('title').notNull(),
  signerId: integer('signer_id').references(() => people.id, { onDelete: 'restrict' }),
  basis: text('basis').notNull().default(''),
  /** The numbered clauses after «ПРИКАЗЫВАЮ:», one per line as the user edits them. */
  clauses: text('clauses').notNull().default(''),
  control: text('control').notNull().default(''),
  ...version,
  ...timestamps,
});

/** Which roadmaps an order approves, and as which appendix («Приложение 1»). */
export const orderAppendices = sqliteTable(
  'order_appendices',
  {
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    roadmapId: integer('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'restrict' }),
    appendixNumber: text('appendix_number').notNull().default('1'),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.roadmapId] })],
);

/** Execution (исполнение) of a measure or a decision in one quarter: status, result and evidence. */
export const executions = sqliteTable(
  'executions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    measureId: integer('measure_id').references(() => measures.id, { onDelete: 'cascade' }),
    decisionId: integer('decision_id').references(() => decisions.id, { onDelete: 'cascade' }),
    /** 'YYYY-Qn', a calendar quarter. */
    quarter: text('quarter').notNull(),
    status: text('status', { enum: EXECUTION_STATUSES }).notNull().default('not_started'),
    result: text('result').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    note: text('note').notNull().default(''),
    /** Who answered: the «Заполнил(а)» line of the school's returned form; empty for marks made in the app. */
    filledBy: text('filled_by').notNull().default(''),
    /** When it was done, as the methodist marked it (protocol decisions); null when not given. */
    doneOn: text('done_on'),
    updatedAt: timestamps.updatedAt,
  },
  (t) => [
    uniqueIndex('executions_measure_quarter').on(t.measureId, t.quarter),
    uniqueIndex('executions_decision_quarter').on(t.decisionId, t.quarter),
    check('execution_target', sql`(${t.measureId} IS NULL) <> (${t.decisionId} IS NULL)`),
  ],
);

/**
 * Every due date of a measure or a protocol decision, one row each: the `term_due` JSON of the parsed
 * term laid out so «Сроки» (and counts by week, month, quarter, roadmap or school) select a window
 * of dates by index instead of parsing every term. Written only beside the reading itself
 * (db/terms/store.ts), so it always equals `term_due`; `quarter` is the execution quarter that
 * answers for the date (shared/execution-rules.ts quarterOfDue), to join the mark by index.
 */
export const dueDates = sqliteTable(
  'due_dates',
  {
    // No id of its own: nothing points at a due date, and the rows are rewritten whole with their reading.
    measureId: integer('measure_id').references(() => measures.id, { onDelete: 'cascade' }),
    decisionId: integer('decision_id').references(() => decisions.id, { onDelete: 'cascade' }),
    /** 'YYYY-MM-DD'. */
    due: text('due').notNull(),
    /** 'YYYY-Qn'. */
    quarter: text('quarter').notNull(),
  },
  (t) => [
    // Covering: a window's dates and whose they are, from the index alone.
    index('due_dates_due').on(t.due, t.measureId, t.decisionId),
    // Rewriting one row's dates, and the cascade when a measure or decision goes.
    index('due_dates_measure').on(t.measureId),
    index('due_dates_decision').on(t.decisionId),
    check('due_date_target', sql`(${t.measureId} IS NULL) <> (${t.decisionId} IS NULL)`),
  ],
);

/**
 * The imports of schools' answers (returned quarterly forms, electron/reports/answers.ts), one row per
 * «Записать» — written in the same transaction as the answers — for the start screen's «Последние
 * загрузки ответов школ». Names are kept as they were at the import: a log, not a link.
 */
export const answerImports = sqliteTable('answer_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  importedAt: text('imported_at').notNull().default(nowSql),
  /** The quarters answered, '2024-Q1, 2024-Q2'. */
  quarters: text('quarters').notNull().default(''),
  /** The schools whose forms were applied, their short names joined by '; '. */
  schools: text('schools').notNull().default(''),
  /** The forms' file names joined by '; '. */
  files: text('files').notNull().default(''),
  /** How many answers (measure × quarter records) were written. */
  answers: integer('answers').notNull(),
});

/**
 * Risk factors (факторы риска) of the «500+» project: an editable list, seeded with the project's
 * eleven published factors. A factor in use (a school's profile, a measure) is archived, not deleted.
 */
export const riskFactors = sqliteTable('risk_factors', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
});

/** A school's risk profile (рисковый профиль): a verified factor, its level and the year it was verified. */
export const schoolRisks = sqliteTable(
  'school_risks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    schoolId: integer('school_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    // RESTRICT: a factor in a profile is archived, never deleted from under it.
    factorId: integer('factor_id')
      .notNull()
      .references(() => riskFactors.id, { onDelete: 'restrict' }),
    level: text('level', { enum: RISK_LEVELS }).notNull(),
    year: integer('year').notNull(),
  },
  (t) => [uniqueIndex('school_risks_school_factor_year').on(t.schoolId, t.factorId, t.year), index('school_risks_factor').on(t.factorId)],
);

/** Which risk factors a measure addresses («Риски, на которые направлено»); part of the plan's undo history. */
export const measureRisks = sqliteTable(
  'measure_risks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    factorId: integer('factor_id')
      .notNull()
      .references(() => riskFactors.id, { onDelete: 'restrict' }),
  },
  (t) => [uniqueIndex('measure_risks_measure_factor').on(t.measureId, t.factorId), index('measure_risks_factor').on(t.factorId)],
);

/**
 * A roadmap's indicator (индикатор результативности): what is measured, in what, which way is better
 * and where the values come from. Its values, for the district and for each school, are in indicator_values.
 */
export const indicators = sqliteTable(
  'indicators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roadmapId: integer('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unit: text('unit', { enum: INDICATOR_UNITS }).notNull().default('percent'),
    direction: text('direction', { enum: INDICATOR_DIRECTIONS }).notNull().default('higher'),
    source: text('source', { enum: INDICATOR_SOURCES }).notNull().default('other'),
    yearKind: text('year_kind', { enum: INDICATOR_YEAR_KINDS }).notNull().default('calendar'),
    position: integer('position').notNull().default(0),
    ...version,
    ...timestamps,
  },
  (t) => [index('indicators_roadmap').on(t.roadmapId, t.position)],
);

/**
 * One value of an indicator: the baseline, a year's target or a year's actual value, for one school or
 * (school_id NULL) for the district as a whole. An actual value carries the date it was measured and its
 * evidence (протокол ВПР, отчёт ОО…); `weight` is the base of a share (participants, pupils), used to
 * weigh the district's share. One value per indicator, school, kind and year.
 */
export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    schoolId: integer('school_id').references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: INDICATOR_VALUE_KINDS }).notNull(),
    year: integer('year').notNull(),
    value: real('value').notNull(),
    weight: real('weight'),
    measuredOn: text('measured_on'),
    evidence: text('evidence').notNull().default(''),
    updatedAt: timestamps.updatedAt,
  },
  (t) => [
    // NULL school ids are all distinct to a plain unique index: the district's row is keyed as school 0.
    uniqueIndex('indicator_values_key').on(t.indicatorId, sql`ifnull(${t.schoolId}, 0)`, t.kind, t.year),
    index('indicator_values_school').on(t.schoolId),
  ],
);

/**
 * The undo/redo history of a roadmap's plan: one row per step with only the rows it changed (their
 * before and after images, JSON), see db/history.ts. Steps taken back by undo stay until a new change.
 */
export const planHistory = sqliteTable(
  'plan_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roadmapId: integer('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    changes: text('changes').notNull(),
    undone: integer('undone', { mode: 'boolean' }).notNull().default(false),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('plan_history_roadmap').on(t.roadmapId, t.undone, t.id)],
);

/**
 * The recycle bin (корзина): a deleted roadmap, meeting, order, person or organisation with every
 * row its deletion removed, table by table (JSON), so restoring brings them back with the same ids.
 * What is in the bin is no longer in its tables: searches, «Сроки» and reports do not see it.
 */
export const TRASH_KINDS = ['roadmap', 'meeting', 'order', 'person', 'organization', 'risk_factor', 'indicator'] as const;

export const trash = sqliteTable(
  'trash',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: TRASH_KINDS }).notNull(),
    itemId: integer('item_id').notNull(),
    title: text('title').notNull(),
    deletedAt: text('deleted_at').notNull().default(nowSql),
    /** What is inside, as counts: {"measures": 500, "executions": 1500}. */
    summary: text('summary').notNull(),
    /** The rows, parents first: [{"table": "roadmaps", "rows": [...]}, …]. */
    payload: text('payload').notNull(),
  },
  (t) => [uniqueIndex('trash_item').on(t.kind, t.itemId)],
);
