/**
 * The appendix passport's table of indicators: «Индикатор», «Ед. изм.», «Базовое значение», then a
 * column per year of the period headed by the year («2024» or «2024/2025»), the cells the district's
 * targets. Gathered from the board (db/indicators.ts indicatorBoard) once, then drawn.
 */
import { Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import type { IndicatorBoard } from '../../db/indicators';
import { formatIndicatorValue, yearLabel } from '../../shared/indicators';
import { INDICATOR_UNIT_LABELS, type IndicatorYearKind } from '../../shared/labels';
import { cellPara, contentWidth, type Orientation } from './layout';

/** One indicator as the appendix prints it: the district's line only. */
export interface AppendixIndicator {
  name: string;
  unit: string;
  yearKind: IndicatorYearKind;
  years: number[];
  /** «45,5 (2023)», or '' when no baseline is entered. */
  baseline: string;
  /** The district's target of each year, as printed ('' when none). */
  targets: string[];
}

export function appendixIndicators(board: IndicatorBoard): AppendixIndicator[] {
  return board.indicators.map((i) => {
    const district = i.lines.find((l) => l.schoolId === null);
    return {
      name: i.name,
      unit: INDICATOR_UNIT_LABELS[i.unit],
      yearKind: i.yearKind,
      years: i.years,
      baseline: district?.baseline ? `${formatIndicatorValue(district.baseline.value)} (${district.baseline.year})` : '',
      targets: i.years.map((y) => formatIndicatorValue(district?.years.find((v) => v.year === y)?.target)),
    };
  });
}

export const INDICATOR_CAPTIONS = ['Индикатор', 'Ед. изм.', 'Базовое значение'] as const;

/**
 * A table per kind of year: calendar and school years do not share columns (2024 is not 2024/2025), and
 * a roadmap nearly always has one kind only, so that is nearly always one table.
 */
export function indicatorTables(indicators: AppendixIndicator[], orientation: Orientation): Table[] {
  const kinds = [...new Set(indicators.map((i) => i.yearKind))];
  return kinds.map((kind) =>
    indicatorTable(
      indicators.filter((i) => i.yearKind === kind),
      kind,
      orientation,
    ),
  );
}

function indicatorTable(indicators: AppendixIndicator[], kind: IndicatorYearKind, orientation: Orientation): Table {
  const total = contentWidth(orientation);
  const years = [...new Set(indicators.flatMap((i) => i.years))].sort((a, b) => a - b);
  // The name takes what the numbers leave: a year's column needs «2024/2025» whole, about 1 250 twips at 12 pt.
  const yearWidth = Math.max(700, Math.min(1300, Math.floor((total * 0.5) / Math.max(1, years.length))));
  const unitWidth = 1150; // «человек» whole
  const baseWidth = 1700; // «45,5 (2023)» whole
  const nameWidth = Math.max(1500, total - unitWidth - baseWidth - yearWidth * years.length);
  const widths = [nameWidth, unitWidth, baseWidth, ...years.map(() => yearWidth)];
  const cell = (children: Paragraph[], i: number) =>
    new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [...INDICATOR_CAPTIONS, ...years.map((y) => yearLabel(y, kind))].map((caption, i) =>
      cell([cellPara(caption, { bold: true, centre: true })], i),
    ),
  });
  const rows = indicators.map(
    (ind) =>
      new TableRow({
        cantSplit: true,
        children: [
          ind.name,
          ind.unit,
          ind.baseline,
          ...years.map((y) => {
            const at = ind.years.indexOf(y);
            return at < 0 ? '' : ind.targets[at]!;
          }),
        ].map((text, i) => cell([cellPara(text, { centre: i > 0 })], i)),
      }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
  });
}
