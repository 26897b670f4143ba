/**
 * The colours of the execution statuses, one list for the report's chart (electron/reports/chart.ts,
 * drawn by pngjs) and the screens that draw statuses (the roadmap's timeline): a status looks the same
 * on paper and on screen. Pure (no Node, no DOM). 'none' is «нет отметки» (and «не начато»).
 */
export const STATUS_COLORS: Record<string, [number, number, number]> = {
  done: [82, 196, 26],
  done_late: [250, 173, 20],
  in_progress: [22, 119, 255],
  not_done: [245, 34, 45],
  postponed: [114, 46, 209],
  none: [191, 191, 191],
};

/** '#52c41a' for a status key: what SVG and CSS take. */
export function statusHex(key: string): string {
  const rgb = STATUS_COLORS[key] ?? STATUS_COLORS.none!;
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
