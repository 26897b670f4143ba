/**
 * How a «Сроки» line reads and sorts, the same on the screen and in the Excel export: the renderer
 * shows the list sorted by Node with these comparators, and the export writes the list as shown.
 */
import { EXECUTION_STATUSES, type ExecutionStatus } from './labels';

export const DUE_SORT_KEYS = ['due', 'origin', 'executors', 'status'] as const;
export type DueSortKey = (typeof DUE_SORT_KEYS)[number];
export type DueSortOrder = 'ascend' | 'descend';

/** What a line needs to be sorted and summed up. */
export interface DueLine {
  due: string;
  origin: string;
  number: string;
  executors: string;
  status: ExecutionStatus | null;
  overdueCount: number;
  nextDue: string | null;
  dates: unknown[];
  term: string;
}

const statusRank = (s: ExecutionStatus | null) => (s === null ? -1 : EXECUTION_STATUSES.indexOf(s));
/**
 * Collators made once: `localeCompare(…, 'ru')` builds the locale's rules on every call, which made
 * sorting a quarter's lines the slowest part of «Сроки». They compare exactly as the calls they
 * replace did: plain Russian order for titles and executors, numeric for numbers («1.10» after «1.9»).
 */
const ruText = new Intl.Collator('ru');
const ruNumbers = new Intl.Collator('ru', { numeric: true });
const text = (a: string, b: string) => ruText.compare(a, b);
/** ISO dates ('YYYY-MM-DD') order as plain strings. */
const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byNumber = (a: DueLine, b: DueLine) => ruNumbers.compare(a.number, b.number);

const COMPARE: Record<DueSortKey, (a: DueLine, b: DueLine) => number> = {
  due: (a, b) => byDate(a.due, b.due) || text(a.origin, b.origin) || byNumber(a, b),
  origin: (a, b) => text(a.origin, b.origin) || byNumber(a, b) || byDate(a.due, b.due),
  executors: (a, b) => text(a.executors, b.executors) || byDate(a.due, b.due) || byNumber(a, b),
  status: (a, b) => statusRank(a.status) - statusRank(b.status) || byDate(a.due, b.due) || byNumber(a, b),
};

export function sortDue<T extends DueLine>(lines: T[], by: DueSortKey = 'due', order: DueSortOrder = 'ascend'): T[] {
  const sign = order === 'descend' ? -1 : 1;
  return [...lines].sort((a, b) => sign * COMPARE[by](a, b));
}

/** «1 раз», «2 раза», «14 раз», «22 раза». */
export function timesRu(n: number): string {
  const d = n % 10;
  const dd = n % 100;
  return `${n} ${d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? 'раза' : 'раз'}`;
}

function ddmmyyyy(iso: string): string {
  return iso.split('-').reverse().join('.');
}

/**
 * The one line of a measure with several dates: «еженедельно — просрочено 14 раз, следующий срок
 * 07.12.2025»; an empty string for a line with a single date, which its date column says already.
 */
export function dueSummary(line: DueLine): string {
  if (line.dates.length <= 1) return '';
  const parts: string[] = [];
  if (line.overdueCount > 0) parts.push(`просрочено ${timesRu(line.overdueCount)}`);
  else parts.push(`сроков: ${line.dates.length}`);
  if (line.nextDue) parts.push(`следующий срок ${ddmmyyyy(line.nextDue)}`);
  return `${line.term} — ${parts.join(', ')}`;
}
