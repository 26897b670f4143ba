/**
 * The words of one cell of the risk matrix («Риски»): the level of the verified factor, then how many
 * measures address it for the school and how many of them are done in the quarter. One function, so
 * the page and the report's «Риски» sheet say exactly the same. Pure: the renderer imports it.
 */
import { RISK_LEVEL_LABELS, RISK_LEVELS, type RiskLevel } from './labels';

export interface RiskCellCounts {
  level: RiskLevel;
  /** Measures that address the factor and belong to the school. */
  measures: number;
  /** Of them, done in the quarter (shared/execution-rules.ts isDoneStatus of the quarter's mark). */
  done: number;
}

/** «мероприятий: 2, выполнено в квартале: 1», or «нет мероприятий»: the gap said in words, not as «0 мер.». */
export function riskCountsText(c: Pick<RiskCellCounts, 'measures' | 'done'>): string {
  return c.measures === 0 ? 'нет мероприятий' : `мероприятий: ${c.measures}, выполнено в квартале: ${c.done}`;
}

/** «высокий» on the first line, the counts on the second. */
export function riskCellText(c: RiskCellCounts): string {
  return `${RISK_LEVEL_LABELS[c.level]}\n${riskCountsText(c)}`;
}

/** High first: the order «Риски без мероприятий» are listed in. */
export const riskLevelRank = (level: RiskLevel): number => RISK_LEVELS.indexOf(level);
