/**
 * The log of schools' answers taken in (table answer_imports): one row per confirmed import, written by
 * the answers import inside its own transaction, read by the start screen («Последние загрузки ответов
 * школ»). Names are copied as they are at the import: the log says what happened then.
 */
import { mustExist } from './exists';
import type { Db } from './open';

export interface AnswerImport {
  id: number;
  importedAt: string;
  quarters: string;
  schools: string;
  files: string;
  answers: number;
}

/** Joins distinct non-empty values in first-seen order. */
const joined = (values: Iterable<string | undefined>) => [...new Set([...values].filter((v): v is string => !!v))].join('; ');

/** Records an import of `answers`; call it inside the transaction that writes them. Nothing is recorded for none. */
export function recordAnswerImport(
  db: Db,
  answers: readonly { quarter: string; schoolId?: number | undefined; file?: string | undefined }[],
): void {
  if (!answers.length) return;
  const schoolIds = [...new Set(answers.map((a) => a.schoolId).filter((id): id is number => id !== undefined))];
  // An unknown school is refused, and the answers with it: the transaction is the caller's.
  for (const id of schoolIds) mustExist(db, 'organizations', id);
  const nameOf = db.sqlite
    .prepare<[number], string>("SELECT coalesce(nullif(short_name, ''), name) FROM organizations WHERE id = ?")
    .pluck();
  db.sqlite
    .prepare('INSERT INTO answer_imports (quarters, schools, files, answers) VALUES (?, ?, ?, ?)')
    .run(
      [...new Set(answers.map((a) => a.quarter))].sort().join(', '),
      joined(schoolIds.map((id) => nameOf.get(id))),
      joined(answers.map((a) => a.file)),
      answers.length,
    );
}

/** The last imports, newest first. */
export function lastAnswerImports(db: Db, limit = 5): AnswerImport[] {
  return db.sqlite
    .prepare(
      `SELECT id, imported_at AS importedAt, quarters, schools, files, answers FROM answer_imports ORDER BY imported_at DESC, id DESC LIMIT ?`,
    )
    .all(limit) as AnswerImport[];
}
