/**
 * Answers coming back from schools: each returned form is read, matched to its measures by the ids it
 * carries, and compared with the database — before anything is written. What would change is listed
 * (old → new per measure), with conflicts flagged: the measure edited since the form went out, the
 * quarter's record changed in the app meanwhile, two schools answering the same measure differently,
 * ids that do not exist, a status that cannot be read. Only what is confirmed is applied, in one transaction.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../db/errors';
import { cellText as rawCellText } from '../files/excel-cell';
import { type ExecutionStatus, mergeExecution, parseStatus } from '../../db/executions';
import type { Db } from '../../db/open';
import { getOrganization } from '../../db/organizations';
import { QUARTER_RE } from '../../db/quarters';
import { databaseId } from '../../db/settings';
import { FORM_COLUMNS, FORM_MARKER, FORM_SHEET, FORM_VERSION, META_COLUMNS, META_SHEET } from './form';

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
  statusText?: string;
  conflicts: Conflict[];
}

export interface AnswersPreview {
  changes: AnswerChange[];
  warnings: string[];
}

export interface AnswerFile {
  name: string;
  data: Buffer;
}

/** Answers are compared with stored values: surrounding spaces typed in Excel do not count. */
const cellText = (v: ExcelJS.CellValue) => rawCellText(v).trim();

async function loadWorkbook(file: AnswerFile): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file.data as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new AppError('bad_file', `Файл «${file.name}» повреждён или не является книгой Excel (.xlsx). Ничего не изменено.`, { cause: err });
  }
  return wb;
}

interface Snapshot {
  roadmapId: number;
  measureUpdatedAt: string;
  values: AnswerValues;
}

function readForm(db: Db, file: AnswerFile, wb: ExcelJS.Workbook): { schoolId: number; quarter: string; rows: { row: number; id: number | null; cells: Record<string, string> }[]; snapshot: Map<number, Snapshot> } {
  const notForm = () => new AppError('not_a_form', `Файл «${file.name}» — не форма программы «Дорожные карты РМК»: нет служебных данных (возможно, таблицу перепечатали заново). Ничего не изменено.`);
  const meta = wb.getWorksheet(META_SHEET);
  const form = wb.getWorksheet(FORM_SHEET);
  if (!meta || !form || cellText(meta.getCell('A1').value) !== FORM_MARKER) throw notForm();
  if (Number(cellText(meta.getCell('B1').value)) > FORM_VERSION) throw new AppError('form_from_future', `Форма «${file.name}» сделана более новой версией программы. Обновите программу.`);
  if (cellText(meta.getCell('B2').value) !== databaseId(db))
    throw new AppError('foreign_form', `Форма «${file.name}» выдана из другой базы данных: её мероприятия нельзя сопоставить с этой базой. Ничего не изменено.`);
  const schoolId = Number(cellText(meta.getCell('B3').value));
  const quarter = cellText(meta.getCell('B4').value);
  if (!Number.isInteger(schoolId) || !QUARTER_RE.test(quarter)) throw notForm();

  const snapshot = new Map<number, Snapshot>();
  for (let r = 8; r <= meta.rowCount; r++) {
    const v = Object.fromEntries(META_COLUMNS.map((k, i) => [k, cellText(meta.getCell(r, i + 1).value)]));
    const id = Number(v.measureId);
    if (!Number.isInteger(id) || id <= 0) continue;
    snapshot.set(id, {
      roadmapId: Number(v.roadmapId),
      measureUpdatedAt: v.measureUpdatedAt!,
      values: { status: (v.status || null) as ExecutionStatus | null, result: v.result!, evidence: v.evidence!, note: v.note! },
    });
  }

  // Columns are found by their captions, not by position.
  let headerRow = 0;
  const columns: Record<string, number> = {};
  for (let r = 1; r <= Math.min(30, form.rowCount) && !headerRow; r++) {
    const texts = Array.from({ length: form.columnCount }, (_, c) => cellText(form.getCell(r, c + 1).value));
    if (texts.includes('Отметка о выполнении')) {
      headerRow = r;
      for (const c of FORM_COLUMNS) columns[c.key] = texts.indexOf(c.header) + 1;
    }
  }
  if (!headerRow || Object.values(columns).some((c) => c === 0)) throw notForm();
  const rows = [];
  for (let r = headerRow + 1; r <= form.rowCount; r++) {
    const cells = Object.fromEntries(FORM_COLUMNS.map((c) => [c.key, cellText(form.getCell(r, columns[c.key]!).value)]));
    if (Object.values(cells).every((v) => v === '')) continue;
    const id = Number(cells.id);
    rows.push({ row: r, id: Number.isInteger(id) && id > 0 ? id : null, cells });
  }
  return { schoolId, quarter, rows, snapshot };
}

const same = (a: AnswerValues, b: AnswerValues) => a.status === b.status && a.result === b.result && a.evidence === b.evidence && a.note === b.note;

export async function previewAnswers(db: Db, files: AnswerFile[]): Promise<AnswersPreview> {
  const changes: AnswerChange[] = [];
  const warnings: string[] = [];
  // Every file is read before anything is compared: one bad file stops the whole import.
  const forms = [];
  for (const file of files) forms.push({ file, ...readForm(db, file, await loadWorkbook(file)) });

  const measureStmt = db.sqlite.prepare('SELECT id, roadmap_id AS roadmapId, number, name, updated_at AS updatedAt FROM measures WHERE id = ?');
  const recordStmt = db.sqlite.prepare('SELECT status, result, evidence, note FROM executions WHERE measure_id = ? AND quarter = ?');
  for (const f of forms) {
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
      const measure = measureStmt.get(row.id) as { id: number; roadmapId: number; number: string; name: string; updatedAt: string } | undefined;
      const snap = f.snapshot.get(row.id);
      const statusText = row.cells.status!;
      const status = parseStatus(statusText);
      const answer: Partial<AnswerValues> = {};
      if (status) answer.status = status;
      if (row.cells.achieved) answer.result = row.cells.achieved;
      if (row.cells.evidence) answer.evidence = row.cells.evidence;
      if (row.cells.note) answer.note = row.cells.note;
      const base = { file: f.file.name, schoolId: f.schoolId, school, quarter: f.quarter, measureId: row.id };
      if (!measure || !snap) {
        changes.push({ ...base, roadmapId: snap?.roadmapId ?? null, number: row.cells.number!, name: row.cells.name!, old: null, new: answer, conflicts: ['unknown_measure'] });
        continue;
      }
      const rec = recordStmt.get(row.id, f.quarter) as AnswerValues | undefined;
      const old: AnswerValues = rec ?? { status: null, result: '', evidence: '', note: '' };
      const changed = (Object.keys(answer) as (keyof AnswerValues)[]).some((k) => answer[k] !== old[k]);
      if (!changed && status !== undefined) continue;
      const conflicts: Conflict[] = [];
      if (status === undefined) conflicts.push('bad_status');
      if (measure.updatedAt !== snap.measureUpdatedAt) conflicts.push('measure_changed');
      if (!same(old, snap.values)) conflicts.push('execution_changed');
      changes.push({ ...base, roadmapId: measure.roadmapId, number: measure.number, name: measure.name, old, new: answer, ...(status === undefined ? { statusText } : {}), conflicts });
    }
  }
  // Two answers for one measure and quarter that differ: neither is taken without the methodist.
  const byKey = new Map<string, AnswerChange[]>();
  for (const c of changes) byKey.set(`${c.measureId}:${c.quarter}`, [...(byKey.get(`${c.measureId}:${c.quarter}`) ?? []), c]);
  for (const group of byKey.values())
    if (group.length > 1 && new Set(group.map((c) => JSON.stringify(c.new))).size > 1) for (const c of group) c.conflicts.push('disagreement');
  return { changes, warnings };
}

export interface ConfirmedAnswer {
  measureId: number;
  quarter: string;
  values: Partial<AnswerValues>;
}

/** Writes the confirmed answers in one transaction; returns how many records changed. */
export function applyAnswers(db: Db, confirmed: ConfirmedAnswer[]): number {
  return db.sqlite.transaction(() => {
    for (const a of confirmed) {
      const { status, ...rest } = a.values;
      mergeExecution(db, a.measureId, a.quarter, { ...rest, ...(status ? { status } : {}) });
    }
    return confirmed.length;
  })();
}
