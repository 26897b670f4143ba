/**
 * Answers coming back from schools: each returned form is read, matched to its measures by the ids it
 * carries, and compared with the database — before anything is written. What would change is listed
 * (old → new per measure), with conflicts flagged: the measure edited since the form went out, the
 * quarter's record changed in the app meanwhile, two schools answering the same measure differently,
 * ids that do not exist, a status that cannot be read. Only what is confirmed is applied, in one transaction.
 */
import { AppError } from '../../db/errors';
import { FILE_LIMITS, formatLimit, LIMITS } from '../../shared/limits';
import { fold } from '../../db/text';
import { type BookSheet, readBook } from '../files/xlsx-book';
import { type ExecutionStatus, mergeExecution, parseStatus, statusRemark } from '../../db/executions';
import type { Db } from '../../db/open';
import { answerLookup } from '../../db/answer-lookup';
import { inTransaction } from '../../db/transaction';
import { recordAnswerImport } from '../../db/answer-imports';
import { getOrganization } from '../../db/organizations';
import { QUARTER_RE } from '../../shared/quarters';
import { databaseId } from '../../db/settings';
import { ANSWER_KEYS, FORM_COLUMNS, FORM_MARKER, FORM_SHEET, FORM_VERSION, META_COLUMNS, META_SHEET } from './form';
import { type IndicatorAnswer, INDICATOR_SHEET, readIndicatorSheet } from './form-indicators';
import { quarterWords } from './sheet-style';
import { setIndicatorValue } from '../../db/indicators';

export interface AnswerValues {
  status: ExecutionStatus | null;
  result: string;
  evidence: string;
  note: string;
}

export type Conflict = 'measure_changed' | 'execution_changed' | 'disagreement' | 'unknown_measure' | 'bad_status';

export interface AnswerChange {
  file: string;
  schoolId: number;
  school: string;
  quarter: string;
  measureId: number;
  roadmapId: number | null;
  number: string;
  name: string;
  old: AnswerValues | null;
  /** Only the fields the school filled in; a blank cell is no answer, never an erasure. */
  new: Partial<AnswerValues>;
  /** The status as the school typed it (shown in the preview beside what it was read as). */
  statusText: string;
  /** The form's «Заполнил(а)» line. */
  filledBy: string;
  conflicts: Conflict[];
}

export interface AnswersPreview {
  changes: AnswerChange[];
  /** Actual values of indicators from the forms' sheet «Показатели» that differ from those stored. */
  indicators: IndicatorAnswer[];
  warnings: string[];
}

export interface AnswerFile {
  name: string;
  data: Buffer;
}

interface Snapshot {
  roadmapId: number;
  measureUpdatedAt: string;
  values: AnswerValues;
}

function organizationOrNull(db: Db, id: number): { kind: string; name: string; shortName: string } | null {
  try {
    return getOrganization(db, id);
  } catch {
    return null;
  }
}

interface Form {
  schoolId: number;
  filledBy: string;
  quarter: string;
  rows: { row: number; id: number | null; cells: Record<string, string> }[];
  snapshot: Map<number, Snapshot>;
  indicators: IndicatorAnswer[];
  warnings: string[];
}

/**
 * Reads a returned form's two sheets, cell by existing cell (a stray cell at XFD1048576 costs nothing).
 * The very hidden sheet says which database, school and quarter the form was made for; the visible
 * sheet says the same in words, and both must agree, or the form was tampered with.
 */
function readForm(db: Db, file: AnswerFile): Form {
  const tail = 'Ничего не изменено.';
  const damaged = () => new AppError('bad_file', `Файл «${file.name}» повреждён или не является книгой Excel (.xlsx). ${tail}`);
  if (file.data.length > FILE_LIMITS.fileBytes)
    throw new AppError('too_large', `Файл «${file.name}» больше ${FILE_LIMITS.fileBytes / 1048576} МБ — это не форма для школы. ${tail}`);
  const sheets = readBook(file.data, {
    fileName: file.name,
    wanted: (name) => name === META_SHEET || name === FORM_SHEET || name === INDICATOR_SHEET,
    damaged,
    tail,
  });
  const notForm = () =>
    new AppError(
      'not_a_form',
      `Файл «${file.name}» — не форма программы «Дорожные карты РМК»: нет служебных данных (возможно, таблицу перепечатали заново). ${tail}`,
    );
  const meta = sheets.find((x) => x.name === META_SHEET);
  const form = sheets.find((x) => x.name === FORM_SHEET);
  // Answers are compared with stored values: surrounding spaces typed in Excel do not count.
  const at = (sheet: BookSheet, r: number, c: number) => (sheet.rows.get(r)?.get(c) ?? '').trim();
  if (!meta || !form || at(meta, 1, 1) !== FORM_MARKER) throw notForm();
  if (Number(at(meta, 1, 2)) > FORM_VERSION)
    throw new AppError('form_from_future', `Форма «${file.name}» сделана более новой версией программы. Обновите программу.`);
  if (at(meta, 2, 2) !== databaseId(db))
    throw new AppError(
      'foreign_form',
      `Форма «${file.name}» выдана из другой базы данных: её мероприятия нельзя сопоставить с этой базой. ${tail}`,
    );
  const schoolId = Number(at(meta, 3, 2));
  const quarter = at(meta, 4, 2);
  if (!Number.isInteger(schoolId) || schoolId <= 0 || !QUARTER_RE.test(quarter)) throw notForm();

  const tampered = (what: string) =>
    new AppError('form_tampered', `Форма «${file.name}» изменена вручную: ${what}. Выгрузите форму для школы заново. ${tail}`);
  const periodLine = at(form, 3, 2);
  if (!periodLine.includes(quarterWords(quarter)))
    throw tampered(`в служебных данных ${quarterWords(quarter)}, а на листе «${FORM_SHEET}» — «${periodLine.slice(0, 120)}»`);
  // A school deleted since the form went out is only a warning later; one that exists must match.
  const org = organizationOrNull(db, schoolId);
  const schoolLine = at(form, 2, 2).replace(/^Образовательная организация:\s*/, '');
  if (org && org.kind !== 'school') throw tampered(`в служебных данных указана не школа, а «${org.shortName || org.name}»`);
  if (org && ![org.name, org.shortName].some((n) => n.trim() && fold(n) === fold(schoolLine)))
    throw tampered(`в служебных данных школа «${org.shortName || org.name}», а на листе «${FORM_SHEET}» — «${schoolLine.slice(0, 120)}»`);

  const warnings: string[] = [];
  const snapshot = new Map<number, Snapshot>();
  for (const [r, cells] of meta.rows) {
    if (r < 8) continue;
    const v = Object.fromEntries(META_COLUMNS.map((k, i) => [k, (cells.get(i + 1) ?? '').trim()]));
    const id = Number(v.measureId);
    if (!Number.isInteger(id) || id <= 0) continue;
    if (snapshot.has(id)) throw tampered(`мероприятие № ${id} записано в служебных данных дважды`);
    snapshot.set(id, {
      roadmapId: Number(v.roadmapId),
      measureUpdatedAt: v.measureUpdatedAt!,
      values: { status: (v.status || null) as ExecutionStatus | null, result: v.result!, evidence: v.evidence!, note: v.note! },
    });
  }

  // Columns are found by their captions, not by position.
  let headerRow = 0;
  const columns: Record<string, number> = {};
  for (const r of [...form.rows.keys()].filter((r) => r <= 30).sort((a, b) => a - b)) {
    const texts = new Map([...form.rows.get(r)!].map(([c, t]) => [t.trim(), c]));
    if (texts.has('Отметка о выполнении')) {
      headerRow = r;
      for (const c of FORM_COLUMNS) columns[c.key] = texts.get(c.header) ?? 0;
      break;
    }
  }
  if (!headerRow || Object.values(columns).some((c) => c === 0)) throw notForm();
  const rows = [];
  for (const r of [...form.rows.keys()].filter((r) => r > headerRow).sort((a, b) => a - b)) {
    const cells = Object.fromEntries(FORM_COLUMNS.map((c) => [c.key, at(form, r, columns[c.key]!)]));
    if (Object.values(cells).every((v) => v === '')) continue;
    // A field never holds more than the program's own forms allow: the excess is reported, not stored.
    for (const key of ANSWER_KEYS)
      if (cells[key]!.length > LIMITS.long) {
        warnings.push(
          `«${file.name}», строка ${r}: текст длиннее ${formatLimit(LIMITS.long)} знаков (${formatLimit(cells[key]!.length)}) — сохранены первые ${formatLimit(LIMITS.long)}, остальное отброшено.`,
        );
        cells[key] = cells[key]!.slice(0, LIMITS.long).trim();
      }
    const id = Number(cells.id);
    rows.push({ row: r, id: Number.isInteger(id) && id > 0 ? id : null, cells });
  }
  if (form.formulasWithoutValue.length)
    warnings.push(
      `«${file.name}»: в ячейках ${form.formulasWithoutValue.slice(0, 5).join(', ')} формулы без вычисленного значения — они прочитаны пустыми. Откройте файл в Excel и сохраните его заново.`,
    );
  // The «Заполнил(а), ФИО и должность:» line (row 5, the open cell after the caption): who answered.
  const filledBy = at(form, 5, 5).slice(0, LIMITS.short);
  // A form made before indicators were asked has no such sheet: it reads as before.
  const values = sheets.find((x) => x.name === INDICATOR_SHEET);
  const indicators = values ? readIndicatorSheet(db, values, file.name, schoolId, warnings) : [];
  return { schoolId, quarter, filledBy, rows, snapshot, indicators, warnings };
}

const same = (a: AnswerValues, b: AnswerValues) =>
  a.status === b.status && a.result === b.result && a.evidence === b.evidence && a.note === b.note;

export async function previewAnswers(db: Db, files: AnswerFile[]): Promise<AnswersPreview> {
  const changes: AnswerChange[] = [];
  const warnings: string[] = [];
  // Every file is read before anything is compared: one bad file stops the whole import.
  const forms = [];
  if (files.length > FILE_LIMITS.answerFiles)
    throw new AppError('too_many_files', `За один раз читается не больше ${FILE_LIMITS.answerFiles} форм. Ничего не изменено.`);
  for (const file of files) forms.push({ file, ...readForm(db, file) });

  const lookup = answerLookup(db);
  const indicators: IndicatorAnswer[] = [];
  for (const f of forms) {
    warnings.push(...f.warnings);
    indicators.push(...f.indicators);
    let school = `№ ${f.schoolId}`;
    try {
      const org = getOrganization(db, f.schoolId);
      school = org.shortName || org.name;
    } catch {
      warnings.push(`«${f.file.name}»: школы № ${f.schoolId} больше нет в справочнике.`);
    }
    for (const row of f.rows) {
      if (row.id === null) {
        warnings.push(`«${f.file.name}», строка ${row.row}: нет номера мероприятия (строка добавлена вручную?) — пропущена.`);
        continue;
      }
      const measure = lookup.measure(row.id);
      const snap = f.snapshot.get(row.id);
      const statusText = row.cells.status!;
      const status = parseStatus(statusText);
      const answer: Partial<AnswerValues> = {};
      if (status) answer.status = status;
      if (row.cells.achieved) answer.result = row.cells.achieved;
      if (row.cells.evidence) answer.evidence = row.cells.evidence;
      if (row.cells.note) answer.note = row.cells.note;
      // «выполнено частично» is read as «в работе»; the school's word goes into the note, not lost.
      const remark = status ? statusRemark(statusText) : null;
      if (remark) answer.note = answer.note ? `${remark}. ${answer.note}` : remark;
      const base = {
        file: f.file.name,
        schoolId: f.schoolId,
        school,
        quarter: f.quarter,
        measureId: row.id,
        statusText,
        filledBy: f.filledBy,
      };
      // The hidden sheet's roadmap must be the measure's: an id copied from another roadmap's form is not this measure.
      if (!measure || !snap || snap.roadmapId !== measure.roadmapId) {
        changes.push({
          ...base,
          roadmapId: snap?.roadmapId ?? null,
          number: row.cells.number!,
          name: row.cells.name!,
          old: null,
          new: answer,
          conflicts: ['unknown_measure'],
        });
        continue;
      }
      const rec = lookup.record(row.id, f.quarter) as AnswerValues | undefined;
      const old: AnswerValues = rec ?? { status: null, result: '', evidence: '', note: '' };
      const changed = (Object.keys(answer) as (keyof AnswerValues)[]).some((k) => answer[k] !== old[k]);
      if (!changed && status !== undefined) continue;
      const conflicts: Conflict[] = [];
      if (status === undefined) conflicts.push('bad_status');
      if (measure.updatedAt !== snap.measureUpdatedAt) conflicts.push('measure_changed');
      if (!same(old, snap.values)) conflicts.push('execution_changed');
      changes.push({ ...base, roadmapId: measure.roadmapId, number: measure.number, name: measure.name, old, new: answer, conflicts });
    }
  }
  // Two answers for one measure and quarter that differ: neither is taken without the methodist.
  const byKey = new Map<string, AnswerChange[]>();
  for (const c of changes) byKey.set(`${c.measureId}:${c.quarter}`, [...(byKey.get(`${c.measureId}:${c.quarter}`) ?? []), c]);
  for (const group of byKey.values())
    if (group.length > 1 && new Set(group.map((c) => JSON.stringify(c.new))).size > 1)
      for (const c of group) c.conflicts.push('disagreement');
  // Two forms giving one school's indicator different values: neither is taken without the methodist.
  const seen = new Map<string, IndicatorAnswer>();
  for (const a of indicators) {
    const key = `${a.indicatorId}:${a.schoolId}:${a.year}`;
    const first = seen.get(key);
    if (first && first.new.value !== a.new.value)
      throw new AppError(
        'indicator_disagreement',
        `«${first.file}» и «${a.file}» дают разные значения индикатора «${a.indicator}» за ${a.yearLabel} для одной школы. Оставьте одну из форм. Ничего не изменено.`,
      );
    seen.set(key, a);
  }
  return { changes, indicators, warnings };
}

export interface ConfirmedAnswer {
  measureId: number;
  quarter: string;
  values: Partial<AnswerValues>;
  /** Who answered (the form's «Заполнил(а)»), stored with the record. */
  filledBy?: string | undefined;
  /** The school and the file the answer came from (the preview's), for the import's record. */
  schoolId?: number | undefined;
  file?: string | undefined;
}

/** An indicator's actual value confirmed from a form (the preview's IndicatorAnswer, as the page sends it back). */
export interface ConfirmedIndicatorValue {
  indicatorId: number;
  schoolId: number;
  year: number;
  value: number;
  weight?: number | null | undefined;
  measuredOn?: string | null | undefined;
  evidence?: string | undefined;
}

/**
 * Writes the confirmed answers, the indicator values and the import's record (db/answer-imports.ts, what
 * the start screen lists as the last imports) in one transaction; returns how many records changed.
 */
export function applyAnswers(db: Db, confirmed: ConfirmedAnswer[], indicators: ConfirmedIndicatorValue[] = []): number {
  return inTransaction(db, () => {
    recordAnswerImport(db, confirmed);
    // Through the one writer of values: a value it refuses undoes the answers too.
    for (const v of indicators)
      setIndicatorValue(db, {
        indicatorId: v.indicatorId,
        schoolId: v.schoolId,
        kind: 'actual',
        year: v.year,
        value: v.value,
        weight: v.weight ?? null,
        measuredOn: v.measuredOn ?? null,
        evidence: v.evidence ?? '',
      });
    for (const a of confirmed) {
      const { status, ...rest } = a.values;
      mergeExecution(db, a.measureId, a.quarter, {
        ...rest,
        ...(status ? { status } : {}),
        ...(a.filledBy ? { filledBy: a.filledBy } : {}),
      });
    }
    return confirmed.length;
  });
}
