/**
 * The colours of the execution statuses in every picture of them: the report's bar chart (the
 * Node-side PNG, electron/reports/chart.ts), the start screen's bars and the roadmap's timeline in the
 * page. One list, so a «выполнено» is the same green on paper and on screen. Pure: no Node, no DOM.
 * 'none' is «нет отметки» (and «не начато»).
 */
import type { SummaryKey } from './status-summary';

export const STATUS_COLORS: Record<SummaryKey, [number, number, number]> = {
  done: [82, 196, 26],
  done_late: [250, 173, 20],
  in_progress: [22, 119, 255],
  not_done: [245, 34, 45],
  postponed: [114, 46, 209],
  none: [191, 191, 191],
};

/** Light fills (amber, grey) carry black text; the rest white. */
export const DARK_TEXT: ReadonlySet<SummaryKey> = new Set<SummaryKey>(['done_late', 'none']);

/** '#52c41a': the colour as CSS writes it. */
export const cssColor = (key: SummaryKey): string => `#${STATUS_COLORS[key].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** The same for any status code; an unknown one is drawn as «нет отметки». */
export function statusHex(key: string): string {
  return cssColor(key in STATUS_COLORS ? (key as SummaryKey) : 'none');
}
