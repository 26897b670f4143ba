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

/**
 * Each distinct value's place in the collator's order (values it finds equal share a place): the
 * sort then compares numbers, and the collator runs over the few distinct titles and numbers only.
 */
function ranks(values: Iterable<string>, collator: Intl.Collator): Map<string, number> {
  const distinct = [...new Set(values)].sort(collator.compare);
  const rank = new Map<string, number>();
  let r = 0;
  distinct.forEach((v, i) => {
    if (i > 0 && collator.compare(distinct[i - 1]!, v) !== 0) r++;
    rank.set(v, r);
  });
  return rank;
}

/** A line with the places of its title and executors: what the comparators below look at. */
interface Keyed<T> {
  line: T;
  origin: number;
  executors: number;
}

/** ISO dates ('YYYY-MM-DD') order as plain strings. */
const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
type Compare = (a: Keyed<DueLine>, b: Keyed<DueLine>) => number;
// Numbers are nearly all distinct: compared only on a tie, not ranked up front.
const byNumber: Compare = (a, b) => ruNumbers.compare(a.line.number, b.line.number);

const COMPARE: Record<DueSortKey, Compare> = {
  due: (a, b) => byDate(a.line.due, b.line.due) || a.origin - b.origin || byNumber(a, b),
  origin: (a, b) => a.origin - b.origin || byNumber(a, b) || byDate(a.line.due, b.line.due),
  executors: (a, b) => a.executors - b.executors || byDate(a.line.due, b.line.due) || byNumber(a, b),
  status: (a, b) => statusRank(a.line.status) - statusRank(b.line.status) || byDate(a.line.due, b.line.due) || byNumber(a, b),
};

export function sortDue<T extends DueLine>(lines: T[], by: DueSortKey = 'due', order: DueSortOrder = 'ascend'): T[] {
  const sign = order === 'descend' ? -1 : 1;
  const origin = ranks(
    lines.map((l) => l.origin),
    ruText,
  );
  const executors =
    by === 'executors'
      ? ranks(
          lines.map((l) => l.executors),
          ruText,
        )
      : null;
  const keyed = lines.map((line): Keyed<T> => ({ line, origin: origin.get(line.origin)!, executors: executors?.get(line.executors) ?? 0 }));
  const compare = COMPARE[by];
  return keyed.sort((a, b) => sign * compare(a, b)).map((k) => k.line);
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
