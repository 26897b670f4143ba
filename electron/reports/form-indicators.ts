/**
 * The school form's sheet «Показатели»: each indicator of the form's roadmaps for the year of the form's
 * quarter, with the school's target (read-only) and its actual value, date and evidence to fill. Hidden
 * columns carry the indicator's id and the year, so the answer is matched back whatever the school does
 * to the names. Reading it back: the actual values that differ from those stored, or a refusal naming
 * the row when a value cannot be taken (nothing is written then).
 */
import type ExcelJS from 'exceljs';
import { AppError } from '../../db/errors';
import { getIndicator, indicatorBoard, type IndicatorValue, indicatorValues } from '../../db/indicators';
import type { Db } from '../../db/open';
import { getRoadmap } from '../../db/roadmaps';
import { quarterSpan } from '../../db/quarter-selection';
import { type IndicatorUnit, type IndicatorYearKind, INDICATOR_UNIT_LABELS } from '../../shared/labels';
import { indicatorYears, parseIndicatorValue, valueProblem, yearLabel } from '../../shared/indicators';
import { LIMITS } from '../../shared/limits';
import type { BookSheet } from '../files/xlsx-book';
import { readDate } from '../import/indicator-cells';
import { DATE_FORMAT, excelDate, fitRowHeight, FONT, printSetup, restyle, styleBodyCell, styleHeaderCell } from './sheet-style';

export const INDICATOR_SHEET = 'Показатели';
export const INDICATOR_HEADER_ROW = 3;
export const INDICATOR_COLUMNS = [
  { key: 'id', header: 'id', width: 6 },
  { key: 'year', header: 'year', width: 6 },
  { key: 'name', header: 'Индикатор', width: 40 },
  { key: 'unit', header: 'Ед. изм.', width: 10 },
  { key: 'yearLabel', header: 'Год', width: 11 },
  { key: 'target', header: 'Целевое значение', width: 13 },
  { key: 'actual', header: 'Фактическое значение', width: 14 },
  { key: 'date', header: 'Дата', width: 12 },
  { key: 'evidence', header: 'Подтверждение', width: 28 },
] as const;
type Key = (typeof INDICATOR_COLUMNS)[number]['key'];
const FILL: readonly Key[] = ['actual', 'date', 'evidence'];

/** The year an indicator's value of this quarter belongs to: the calendar year, or the school year (September on) keyed by its first year. */
export function quarterYear(quarter: string, yearKind: IndicatorYearKind): number {
  const start = quarterSpan(quarter).start;
  const year = Number(start.slice(0, 4));
  return yearKind === 'school' && Number(start.slice(5, 7)) < 9 ? year - 1 : year;
}

interface FormIndicator {
  id: number;
  name: string;
  unit: IndicatorUnit;
  year: number;
  yearLabel: string;
  target: number | null;
  actual: number | null;
  measuredOn: string | null;
  evidence: string;
}

/** The form's indicators: those of its roadmaps whose year of the quarter lies in the roadmap's period. */
export function formIndicators(db: Db, quarter: string, schoolId: number, roadmapIds: number[]): FormIndicator[] {
  const out: FormIndicator[] = [];
  for (const roadmapId of roadmapIds) {
    const roadmap = getRoadmap(db, roadmapId);
    for (const i of indicatorBoard(db, roadmapId, { schoolId }).indicators) {
      const year = quarterYear(quarter, i.yearKind);
      if (!indicatorYears(roadmap.periodStart, roadmap.periodEnd, i.yearKind).includes(year)) continue;
      const mine = i.lines.find((l) => l.schoolId === schoolId)?.years.find((y) => y.year === year);
      out.push({
        id: i.id,
        name: i.name,
        unit: i.unit,
        year,
        yearLabel: yearLabel(year, i.yearKind),
        target: mine?.target ?? null,
        actual: mine?.actual ?? null,
        measuredOn: mine?.measuredOn ?? null,
        evidence: mine?.evidence ?? '',
      });
    }
  }
  return out;
}

/** Adds the sheet (nothing when the roadmaps have no indicators); protected like the form, the three fill columns open. */
export async function addIndicatorSheet(wb: ExcelJS.Workbook, indicators: FormIndicator[]): Promise<void> {
  if (!indicators.length) return;
  const ws = wb.addWorksheet(INDICATOR_SHEET);
  const widths = INDICATOR_COLUMNS.map((c) => c.width);
  ws.columns = INDICATOR_COLUMNS.map((c) => ({ width: c.width }));
  const last = INDICATOR_COLUMNS.length;
  ws.mergeCells(1, 3, 1, last);
  ws.getCell(1, 3).value = 'Значения индикаторов дорожных карт';
  ws.getCell(1, 3).font = { ...FONT, bold: true, size: 12 };
  ws.mergeCells(2, 3, 2, last);
  const hint =
    'Укажите фактическое значение каждого индикатора за указанный год (число; для долей — процент от 0 до 100), дату измерения и подтверждающий документ или источник данных. Пустая ячейка — нет ответа.';
  ws.getCell(2, 3).value = hint;
  ws.getCell(2, 3).font = FONT;
  ws.getCell(2, 3).alignment = { wrapText: true, vertical: 'top' };
  fitRowHeight(ws, 2, [hint], [widths.slice(2).reduce((a, b) => a + b, 0)]);
  INDICATOR_COLUMNS.forEach((c, k) => {
    const cell = ws.getCell(INDICATOR_HEADER_ROW, k + 1);
    cell.value = c.header;
    styleHeaderCell(cell);
  });
  fitRowHeight(
    ws,
    INDICATOR_HEADER_ROW,
    INDICATOR_COLUMNS.map((c) => c.header),
    widths,
  );
  indicators.forEach((i, n) => {
    const r = INDICATOR_HEADER_ROW + 1 + n;
    const values: Record<Key, string | number | Date | null> = {
      id: i.id,
      year: i.year,
      name: i.name,
      unit: INDICATOR_UNIT_LABELS[i.unit],
      yearLabel: i.yearLabel,
      target: i.target,
      actual: i.actual,
      date: i.measuredOn ? excelDate(i.measuredOn) : null,
      evidence: i.evidence || null,
    };
    INDICATOR_COLUMNS.forEach((c, k) => {
      const cell = ws.getCell(r, k + 1);
      cell.value = values[c.key];
      styleBodyCell(cell, { center: c.key !== 'name' && c.key !== 'evidence' });
      const open = FILL.includes(c.key);
      restyle(cell, {
        protection: { locked: !open },
        ...(open ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFBE6' } } } : {}),
        ...(c.key === 'date' ? { numFmt: DATE_FORMAT } : {}),
      });
    });
    fitRowHeight(
      ws,
      r,
      INDICATOR_COLUMNS.map((c) => String(values[c.key] ?? '')),
      widths,
    );
  });
  ws.getColumn(1).hidden = true;
  ws.getColumn(2).hidden = true;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: INDICATOR_HEADER_ROW }];
  // Printed like the form: A4 landscape, one page wide, the header on every page.
  printSetup(ws, INDICATOR_HEADER_ROW);
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatRows: true,
    formatColumns: true,
    sort: false,
    insertRows: false,
    deleteRows: false,
  });
}

/** An actual value from a returned form, as the preview shows it and answers.apply writes it. */
export interface IndicatorAnswer {
  file: string;
  row: number;
  schoolId: number;
  indicatorId: number;
  indicator: string;
  unit: IndicatorUnit;
  year: number;
  yearLabel: string;
  old: { value: number; measuredOn: string | null; evidence: string } | null;
  new: { value: number; measuredOn: string | null; evidence: string };
  /** The base of a share already stored: kept, the form does not ask for it. */
  weight: number | null;
}

/**
 * The filled «Показатели» sheet read back: rows whose actual value differs from the one stored (or whose
 * date or evidence does). An empty cell is no answer. A value that is not a number, or that the unit does
 * not allow, refuses the whole file with the row named.
 */
export function readIndicatorSheet(db: Db, sheet: BookSheet, file: string, schoolId: number, warnings: string[]): IndicatorAnswer[] {
  const at = (r: number, c: number) => (sheet.rows.get(r)?.get(c) ?? '').trim();
  const refuse = (r: number, why: string) =>
    new AppError('bad_indicator_value', `«${file}», лист «${INDICATOR_SHEET}», строка ${r}: ${why}. Ничего не изменено.`);
  let header = 0;
  const col: Partial<Record<Key, number>> = {};
  for (const r of [...sheet.rows.keys()].filter((r) => r <= 30).sort((a, b) => a - b)) {
    const texts = new Map([...sheet.rows.get(r)!].map(([c, t]) => [t.trim(), c]));
    if (!texts.has('Фактическое значение')) continue;
    header = r;
    for (const c of INDICATOR_COLUMNS) if (texts.has(c.header)) col[c.key] = texts.get(c.header)!;
    break;
  }
  if (!header || !col.id || !col.year || !col.actual) {
    warnings.push(`«${file}»: лист «${INDICATOR_SHEET}» изменён так, что его не прочитать — значения индикаторов не взяты.`);
    return [];
  }
  const cell = (r: number, k: Key) => (col[k] ? at(r, col[k]!) : '');
  const stored = new Map<number, IndicatorValue[]>();
  const out: IndicatorAnswer[] = [];
  for (const r of [...sheet.rows.keys()].filter((r) => r > header).sort((a, b) => a - b)) {
    const text = cell(r, 'actual');
    if (!text) continue;
    const id = Number(cell(r, 'id'));
    const year = Number(cell(r, 'year'));
    let indicator;
    try {
      indicator = getIndicator(db, id);
    } catch {
      warnings.push(`«${file}», лист «${INDICATOR_SHEET}», строка ${r}: индикатора больше нет в дорожной карте — значение пропущено.`);
      continue;
    }
    const value = parseIndicatorValue(text);
    if (value === null) throw refuse(r, `значение «${text.slice(0, 40)}» — не число`);
    const problem = valueProblem(value, indicator.unit);
    if (problem) throw refuse(r, `${problem}: «${text.slice(0, 40)}» (${indicator.name})`);
    const roadmap = getRoadmap(db, indicator.roadmapId);
    if (!indicatorYears(roadmap.periodStart, roadmap.periodEnd, indicator.yearKind).includes(year))
      throw refuse(r, `год «${cell(r, 'year')}» вне периода дорожной карты (служебный столбец изменён?)`);
    const date = readDate(cell(r, 'date'));
    if (!date.ok) throw refuse(r, date.problem);
    const evidence = cell(r, 'evidence').slice(0, LIMITS.medium);
    const values = stored.get(indicator.roadmapId) ?? indicatorValues(db, indicator.roadmapId);
    stored.set(indicator.roadmapId, values);
    const now = values.find((v) => v.indicatorId === id && v.schoolId === schoolId && v.kind === 'actual' && v.year === year);
    const old = now ? { value: now.value, measuredOn: now.measuredOn, evidence: now.evidence } : null;
    const next = { value, measuredOn: date.value, evidence };
    if (old && old.value === next.value && old.measuredOn === next.measuredOn && old.evidence === next.evidence) continue;
    out.push({
      file,
      row: r,
      schoolId,
      indicatorId: id,
      indicator: indicator.name,
      unit: indicator.unit,
      year,
      yearLabel: yearLabel(year, indicator.yearKind),
      old,
      new: next,
      weight: now?.weight ?? null,
    });
  }
  return out;
}
