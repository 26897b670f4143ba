/**
 * Stored codes and their Russian labels: the one list for the database, the documents, the reports
 * and the screens. Pure (no Node, no DOM), so the renderer imports it instead of copying it.
 */

/** Execution statuses in the order a methodist goes through them. */
export const EXECUTION_STATUSES = ['not_started', 'in_progress', 'done', 'done_late', 'not_done', 'postponed'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export const STATUS_LABELS: Record<ExecutionStatus, string> = {
  not_started: 'не начато',
  in_progress: 'в работе',
  done: 'выполнено',
  done_late: 'выполнено с нарушением срока',
  not_done: 'не выполнено',
  postponed: 'перенесено',
};

/** Kinds of organisation, in the order the directory lists them. */
export const ORGANIZATION_KINDS = ['department', 'rmk', 'school', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  department: 'Орган управления образованием',
  rmk: 'РМК',
  school: 'Школа (ОО)',
  other: 'Другая организация',
};

/** A roadmap is the district's (municipal) or one school's. */
export const ROADMAP_LEVELS = ['municipal', 'school'] as const;
export type RoadmapLevel = (typeof ROADMAP_LEVELS)[number];

export const ROADMAP_LEVEL_LABELS: Record<RoadmapLevel, string> = {
  municipal: 'Муниципальная',
  school: 'Одной школы',
};

/** Roles in the working group. */
export const MEMBER_ROLES = ['head', 'deputy', 'secretary', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const ROLE_LABELS: Record<MemberRole, string> = {
  head: 'руководитель',
  deputy: 'заместитель руководителя',
  secretary: 'секретарь',
  member: 'член рабочей группы',
};

/** Levels of a verified risk factor in a school's risk profile («500+»), highest first. */
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  high: 'высокий',
  medium: 'средний',
  low: 'низкий',
};

/** What an indicator (индикатор, показатель) is counted in. */
export const INDICATOR_UNITS = ['percent', 'people', 'points', 'units'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** As printed in the «Ед. изм.» column. */
export const INDICATOR_UNIT_LABELS: Record<IndicatorUnit, string> = {
  percent: '%',
  people: 'человек',
  points: 'баллы',
  units: 'единицы',
};

/** Whether a higher or a lower value is the better one (the share of pupils below the threshold: lower). */
export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  higher: 'больше — лучше',
  lower: 'меньше — лучше',
};

/** Where the values come from. */
export const INDICATOR_SOURCES = ['vpr', 'oge', 'ege', 'regional', 'survey', 'other'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const INDICATOR_SOURCE_LABELS: Record<IndicatorSource, string> = {
  vpr: 'ВПР',
  oge: 'ОГЭ',
  ege: 'ЕГЭ',
  regional: 'региональный мониторинг',
  survey: 'анкетирование',
  other: 'другое',
};

/** Whether an indicator's years are calendar years (2024) or school years (2024/2025, keyed by the first year). */
export const INDICATOR_YEAR_KINDS = ['calendar', 'school'] as const;
export type IndicatorYearKind = (typeof INDICATOR_YEAR_KINDS)[number];

/** The three kinds of value: the baseline (one per school, with its year), the target and the actual value of a year. */
export const INDICATOR_VALUE_KINDS = ['baseline', 'target', 'actual'] as const;
export type IndicatorValueKind = (typeof INDICATOR_VALUE_KINDS)[number];

/** Whether a year's target is met: by the actual value against the target, in the indicator's direction. */
export const ACHIEVEMENTS = ['met', 'not_met', 'no_data'] as const;
export type Achievement = (typeof ACHIEVEMENTS)[number];

export const ACHIEVEMENT_LABELS: Record<Achievement, string> = {
  met: 'Достигнуто',
  not_met: 'Не достигнуто',
  no_data: 'Нет данных',
};
