/**
 * How a quarter's measures are counted by status: the columns of the quarterly report's «Сводка»
 * (electron/reports/quarterly.ts), the region's consolidation and the start screen's bars. Pure.
 */
import { DONE_STATUSES } from './execution-rules';
import type { ExecutionStatus } from './labels';

/** The counts in the summary's column order; «нет отметки» gathers «не начато» and no record. */
export const SUMMARY_KEYS = [...DONE_STATUSES, 'in_progress', 'not_done', 'postponed', 'none'] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];

/** The report's column captions, also the start screen's legend and the bars' segment titles. */
export const SUMMARY_KEY_LABELS: Record<SummaryKey, string> = {
  done: 'Выполнено в срок',
  done_late: 'Выполнено с нарушением срока',
  in_progress: 'В работе',
  not_done: 'Не выполнено',
  postponed: 'Перенесено',
  none: 'Не начато / нет отметки',
};

/** The column a measure with this quarter's mark (or none) is counted in. */
export function summaryKeyOf(status: ExecutionStatus | null | undefined): SummaryKey {
  return !status || status === 'not_started' ? 'none' : status;
}

export function emptyCounts(): Record<SummaryKey, number> {
  return Object.fromEntries(SUMMARY_KEYS.map((k) => [k, 0])) as Record<SummaryKey, number>;
}
