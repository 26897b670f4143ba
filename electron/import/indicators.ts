/**
 * Indicator values from an Excel sheet (школа × индикатор × год × значение): a preview that lists every
 * row's outcome and every problem with its row number, and the values written all at once — or, when
 * any row has a problem, nothing at all. Schools are recognised by the one school matcher, indicators by
 * their folded name among the roadmap's, values by the shared rules; every write goes through
 * setIndicatorValue, the one writer of values.
 */
import { AppError } from '../../db/errors';
import { type Indicator, indicatorValues, listIndicators, setIndicatorValue } from '../../db/indicators';
import type { Db } from '../../db/open';
import { schoolDirectory } from '../../db/organizations';
import { getRoadmap, listRoadmaps } from '../../db/roadmaps';
import { fold } from '../../db/text';
import { inTransaction } from '../../db/transaction';
import { FILE_LIMITS, formatLimit, LIMITS } from '../../shared/limits';
import { type IndicatorValueKind, INDICATOR_UNIT_LABELS } from '../../shared/labels';
import { indicatorYears, parseIndicatorValue, valueProblem, yearLabel } from '../../shared/indicators';
import { schoolsNamed } from '../../shared/school-match';
import { expandRow } from './grid';
import { columnsOf, readDate, readKind, readWeight, readYear, type ValueField } from './indicator-cells';
import { readXlsx } from './xlsx-reader';

export interface IndicatorImportSource {
  fileName: string;
  data: Buffer;
}

export type RowOutcome = 'new' | 'replace' | 'same' | 'problem';

export interface IndicatorImportRow {
  /** The row's number in the sheet, as Excel shows it. */
  row: number;
  school: string;
  schoolId: number | null;
  indicator: string;
  indicatorId: number | null;
  roadmapId: number | null;
  kind: IndicatorValueKind;
  year: number | null;
  yearLabel: string;
  valueText: string;
  value: number | null;
  weight: number | null;
  measuredOn: string | null;
  evidence: string;
  /** The value stored now for the same school, indicator, kind and year (a baseline: of any year). */
  old: number | null;
  outcome: RowOutcome;
  problems: string[];
}

export interface IndicatorImportPreview {
  fileName: string;
  sheet: string;
  rows: IndicatorImportRow[];
  /** Every problem as one line naming its row: what stops the import. */
  problems: string[];
  warnings: string[];
  counts: Record<RowOutcome, number>;
}

const tail = 'Ничего не импортировано.';

/** Which roadmaps' indicators a name is looked for among: the chosen roadmap, or all. */
function candidates(db: Db, roadmapId: number | undefined): { indicator: Indicator; roadmapTitle: string }[] {
  const roadmaps = roadmapId !== undefined ? [getRoadmap(db, roadmapId)] : listRoadmaps(db);
  return roadmaps.flatMap((r) => listIndicators(db, r.id).map((indicator) => ({ indicator, roadmapTitle: r.title })));
}

const nameKey = (s: string) =>
  fold(s)
    .replace(/[«»"“”]/g, '')
    .replace(/[.;]+$/, '')
    .trim();

/** The sheet and its header row: the first visible sheet with «Школа», «Индикатор», «Год» and «Значение» in its first rows. */
async function findTable(src: IndicatorImportSource) {
  if (src.data.length > FILE_LIMITS.fileBytes)
    throw new AppError(
      'too_large',
      `«${src.fileName}» слишком большой (${Math.round(src.data.length / 1048576)} МБ): импортируются файлы до ${FILE_LIMITS.fileBytes / 1048576} МБ.`,
    );
  if (!/\.xlsx$/i.test(src.fileName))
    throw new AppError('unsupported', `«${src.fileName}»: значения индикаторов загружаются из книги Excel (.xlsx).`);
  for (const sheet of await readXlsx(src.data, src.fileName)) {
    const block = sheet.blocks[0];
    if (block?.type !== 'table') continue;
    let above: string[] | null = null;
    const texts = block.rows.map((r) => (above = expandRow(r, above).texts));
    const header = texts.slice(0, 30).findIndex((t) => columnsOf(t) !== null);
    if (header >= 0) return { sheet: sheet.sheet, warnings: sheet.warnings, texts, header, columns: columnsOf(texts[header]!)! };
  }
  throw new AppError(
    'no_table',
    `В «${src.fileName}» не найдена таблица значений: нужна строка заголовков со столбцами «Школа», «Индикатор», «Год» и «Значение». ${tail}`,
  );
}

export async function previewIndicatorImport(
  db: Db,
  src: IndicatorImportSource,
  options: { roadmapId?: number | undefined } = {},
): Promise<IndicatorImportPreview> {
  const table = await findTable(src);
  const { columns } = table;
  const schools = schoolDirectory(db);
  const known = candidates(db, options.roadmapId);
  const byName = new Map<string, { indicator: Indicator; roadmapTitle: string }[]>();
  for (const c of known) byName.set(nameKey(c.indicator.name), [...(byName.get(nameKey(c.indicator.name)) ?? []), c]);
  const periods = new Map(listRoadmaps(db).map((r) => [r.id, r]));
  // What is stored now, by the same key the one writer replaces by.
  const stored = new Map<string, number>();
  for (const roadmapId of new Set(known.map((k) => k.indicator.roadmapId)))
    for (const v of indicatorValues(db, roadmapId)) stored.set(valueKey(v.indicatorId, v.schoolId, v.kind, v.year), v.value);
  const seen = new Map<string, number>();

  const rows: IndicatorImportRow[] = [];
  for (let i = table.header + 1; i < table.texts.length; i++) {
    const cells = table.texts[i]!;
    const cell = (f: ValueField) => (columns[f] === undefined ? '' : (cells[columns[f]!] ?? '').trim());
    if ((Object.keys(columns) as ValueField[]).every((f) => cell(f) === '')) continue;
    const row: IndicatorImportRow = {
      row: i + 1,
      school: cell('school'),
      schoolId: null,
      indicator: cell('indicator'),
      indicatorId: null,
      roadmapId: null,
      kind: 'actual',
      year: null,
      yearLabel: cell('year'),
      valueText: cell('value'),
      value: null,
      weight: null,
      measuredOn: null,
      evidence: cell('evidence'),
      old: null,
      outcome: 'problem',
      problems: [],
    };
    rows.push(row);
    const problem = (p: string) => row.problems.push(p);

    const named = row.school ? schoolsNamed(row.school, schools) : [];
    if (!row.school) problem('не указана школа');
    else if (named.length === 0) problem(`школа «${row.school.slice(0, 80)}» не найдена в справочнике организаций`);
    else if (named.length > 1)
      problem(`«${row.school.slice(0, 80)}» подходит к нескольким школам (${named.map((s) => s.shortName || s.name).join(', ')})`);
    else row.schoolId = named[0]!.id;

    let found = row.indicator ? (byName.get(nameKey(row.indicator)) ?? []) : [];
    const roadmapText = cell('roadmap');
    if (roadmapText && found.length > 1)
      found = found.filter((f) => fold(f.roadmapTitle) === fold(roadmapText) || String(f.indicator.roadmapId) === roadmapText);
    if (!row.indicator) problem('не указан индикатор');
    else if (found.length === 0)
      problem(
        `индикатор «${row.indicator.slice(0, 80)}» не найден среди индикаторов ${options.roadmapId !== undefined ? 'дорожной карты' : 'дорожных карт'}`,
      );
    else if (found.length > 1)
      problem(
        `индикатор «${row.indicator.slice(0, 80)}» есть в нескольких дорожных картах (${found.map((f) => `«${f.roadmapTitle}»`).join(', ')}): выберите дорожную карту или заполните столбец «Дорожная карта»`,
      );
    const indicator = found.length === 1 ? found[0]!.indicator : null;
    if (indicator) {
      row.indicatorId = indicator.id;
      row.roadmapId = indicator.roadmapId;
    }

    const kind = readKind(cell('kind'));
    if (kind.ok) row.kind = kind.value;
    else problem(kind.problem);
    const year = readYear(cell('year'), indicator?.yearKind ?? 'school');
    if (!year.ok) problem(year.problem);
    else {
      row.year = year.value;
      if (indicator) {
        row.yearLabel = yearLabel(year.value, indicator.yearKind);
        const roadmap = periods.get(indicator.roadmapId)!;
        const years = indicatorYears(roadmap.periodStart, roadmap.periodEnd, indicator.yearKind);
        if (row.kind !== 'baseline' && !years.includes(year.value))
          problem(
            `${row.yearLabel} год вне периода дорожной карты (${yearLabel(years[0]!, indicator.yearKind)}–${yearLabel(years.at(-1)!, indicator.yearKind)})`,
          );
        if (row.kind === 'baseline' && (year.value < 1900 || year.value > 2100)) problem(`год «${row.yearLabel}» не похож на год`);
      }
    }

    const value = parseIndicatorValue(row.valueText);
    if (!row.valueText) problem('не указано значение');
    else if (value === null) problem(`значение «${row.valueText.slice(0, 40)}» — не число`);
    else {
      row.value = value;
      const why = indicator ? valueProblem(value, indicator.unit) : null;
      if (why && indicator) problem(`${why}: «${row.valueText.slice(0, 40)}» (${INDICATOR_UNIT_LABELS[indicator.unit]})`);
    }
    const weight = readWeight(cell('weight'));
    if (weight.ok) row.weight = weight.value;
    else problem(weight.problem);
    if (row.evidence.length > LIMITS.medium) problem(`подтверждение длиннее ${formatLimit(LIMITS.medium)} знаков`);
    const date = readDate(cell('date'));
    if (date.ok) row.measuredOn = date.value;
    else problem(date.problem);

    if (row.indicatorId !== null && row.schoolId !== null && row.year !== null) {
      const key = valueKey(row.indicatorId, row.schoolId, row.kind, row.year);
      const first = seen.get(key);
      if (first !== undefined)
        problem(
          `повтор: ${row.kind === 'baseline' ? 'базовое значение этой школы по этому индикатору' : 'та же школа, индикатор, вид и год'} уже в строке ${first}`,
        );
      else seen.set(key, row.row);
      row.old = stored.get(key) ?? null;
    }
    row.outcome = row.problems.length ? 'problem' : row.old === null ? 'new' : row.old === row.value ? 'same' : 'replace';
  }
  if (rows.length === 0) throw new AppError('empty_table', `В таблице значений «${src.fileName}» нет ни одной строки. ${tail}`);
  const problems = rows.flatMap((r) => r.problems.map((p) => `Строка ${r.row}: ${p}.`));
  const counts: Record<RowOutcome, number> = { new: 0, replace: 0, same: 0, problem: 0 };
  for (const r of rows) counts[r.outcome]++;
  return { fileName: src.fileName, sheet: table.sheet, rows, problems, warnings: table.warnings, counts };
}

/**
 * The key the one writer replaces by: a baseline is one per school and indicator, whatever its year;
 * a target or an actual value is one per year.
 */
function valueKey(indicatorId: number, schoolId: number | null, kind: IndicatorValueKind, year: number): string {
  return `${indicatorId}:${schoolId ?? 0}:${kind}:${kind === 'baseline' ? '' : year}`;
}

/** Writes every row in one transaction, or nothing when any row has a problem (the error lists them). */
export async function applyIndicatorImport(
  db: Db,
  src: IndicatorImportSource,
  options: { roadmapId?: number | undefined } = {},
): Promise<{ written: number; replaced: number; unchanged: number }> {
  const p = await previewIndicatorImport(db, src, options);
  if (p.problems.length)
    throw new AppError(
      'import_problems',
      `В «${src.fileName}» ошибок: ${p.problems.length} — ничего не записано.\n${p.problems.slice(0, 50).join('\n')}`,
    );
  return inTransaction(db, () => {
    for (const r of p.rows)
      // An unchanged value is written too: its date, source or base may have changed.
      setIndicatorValue(db, {
        indicatorId: r.indicatorId!,
        schoolId: r.schoolId,
        kind: r.kind,
        year: r.year!,
        value: r.value,
        weight: r.weight,
        measuredOn: r.measuredOn,
        evidence: r.evidence,
      });
    return { written: p.counts.new + p.counts.replace, replaced: p.counts.replace, unchanged: p.counts.same };
  });
}
