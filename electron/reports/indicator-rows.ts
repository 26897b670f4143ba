/**
 * The indicators of a quarterly report as one plain list of lines, gathered once from the board
 * (db/indicators.ts indicatorBoard) and drawn twice: the printed sheet «Индикаторы» (./indicator-sheet.ts)
 * and the flat «Данные — индикаторы» the region reads back (./indicator-data-sheet.ts). The year is the
 * report's: the quarter's calendar year, or the school year that holds it (shared/indicators.ts).
 */
import { indicatorBoard } from '../../db/indicators';
import type { Db } from '../../db/open';
import { indicatorYearOfQuarter, yearLabel } from '../../shared/indicators';
import {
  ACHIEVEMENT_LABELS,
  type Achievement,
  type IndicatorDirection,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_UNIT_LABELS,
} from '../../shared/labels';

export interface IndicatorLine {
  roadmapId: number | null;
  roadmap: string;
  indicatorId: number | null;
  indicator: string;
  /** As printed: «%», «человек». */
  unit: string;
  directionCode: IndicatorDirection | '';
  direction: string;
  /** The year as printed: «2024» or «2024/2025». */
  year: string;
  /** null: the district as a whole. */
  schoolId: number | null;
  /** «Район» or the school's short name. */
  school: string;
  baseline: number | null;
  baselineYear: number | null;
  target: number | null;
  actual: number | null;
  /** The district's actual value computed from the schools' rather than entered. */
  computed: boolean;
  achievementCode: Achievement;
  achievement: string;
}

export function indicatorLines(db: Db, roadmapIds: number[], quarter: string): IndicatorLine[] {
  const out: IndicatorLine[] = [];
  for (const roadmapId of roadmapIds) {
    const board = indicatorBoard(db, roadmapId);
    for (const ind of board.indicators) {
      const year = indicatorYearOfQuarter(quarter, ind.yearKind);
      for (const line of ind.lines) {
        const y = line.years.find((v) => v.year === year);
        const code: Achievement = y?.achievement ?? 'no_data';
        out.push({
          roadmapId,
          roadmap: board.title,
          indicatorId: ind.id,
          indicator: ind.name,
          unit: INDICATOR_UNIT_LABELS[ind.unit],
          directionCode: ind.direction,
          direction: INDICATOR_DIRECTION_LABELS[ind.direction],
          year: yearLabel(year, ind.yearKind),
          schoolId: line.schoolId,
          school: line.school,
          baseline: line.baseline?.value ?? null,
          baselineYear: line.baseline?.year ?? null,
          target: y?.target ?? null,
          actual: y?.actual ?? null,
          computed: y?.computed ?? false,
          achievementCode: code,
          achievement: ACHIEVEMENT_LABELS[code],
        });
      }
    }
  }
  return out;
}
