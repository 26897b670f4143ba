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
