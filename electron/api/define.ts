/**
 * The building blocks of the API: a method is a zod input schema and a handler over `db/`.
 * Shared field schemas live here so that every method limits text the same way.
 */
import { z } from 'zod';
import { missingDateProblem } from '../../shared/dates';
import { LIMITS } from '../../shared/limits';
import { cleanControlChars } from '../../shared/text-clean';
import type { Db } from '../../db/open';
import { saneYear, YEAR_MESSAGE } from '../../db/terms/period';

export { LIMITS };

/**
 * What the desktop shell can do that the browser mode cannot: file dialogs and opening files.
 * Provided by electron/main; absent in the browser mode, the CLI and tests.
 */
/** 'sqlite': a copy of the database (backups); 'database': a database to work in («Открыть другую базу…»). */
export type FileKind = 'docx' | 'xlsx' | 'sqlite' | 'database' | 'png';

export interface Host {
  chooseSavePath(defaultPath: string, kind: FileKind): Promise<string | null>;
  chooseFolder(defaultPath: string | null): Promise<string | null>;
  openPath(path: string): Promise<void>;
  showInFolder(path: string): void;
  /** «Восстановить из копии…»: an existing file to read. Optional so that hosts made for other features need not fake it. */
  chooseOpenFile?(kind: FileKind): Promise<string | null>;
  /** The system's print dialog for the window's page as laid out for print (the roadmap's timeline). Optional, as chooseOpenFile. */
  print?(options: { pageSize: 'A4' | 'A3'; landscape: boolean }): Promise<void>;
}

/**
 * Files the browser mode received through `POST /upload` (electron/web/uploads.ts), kept as temporary
 * files: the page then names a file by its upload id instead of sending its bytes inside the JSON.
 */
export interface UploadedFiles {
  /** The file's bytes; an AppError when the id is unknown (never uploaded, already used, or dropped). */
  read(id: string): Promise<Buffer>;
  /** Deletes the temporary file: once its import is written or its answers are read. */
  release(id: string): void;
}

/**
 * Switching the open database («Открыть другую базу…», the recent list, the demo district). Provided by
 * the session (electron/session.ts) in the desktop app and the browser mode; absent in the CLI and tests
 * that call the API on a bare database.
 */
export interface Workspace {
  /** The list of recent databases (a JSON file outside every database). */
  recentFile: string;
  /** The demo district's own file: never the user's database. */
  demoPath: string;
  /** The last database opened that is not the demo: «Вернуться к своей базе». */
  homePath(): string;
  /**
   * Opens `file` in place of the open database (its lock, migrations with a copy before, the day's copy),
   * then closes the old one and releases its lock. On any refusal the open database stays as it was.
   */
  switchTo(file: string, options?: { create?: boolean }): Promise<void>;
}

export interface ApiContext {
  /** Replaced when a backup is restored: handlers read `ctx.db` at each call, never keep it. */
  db: Db;
  /** Present in the browser mode only; in Electron and the CLI the bytes come inline. */
  uploads?: UploadedFiles;
  host?: Host;
  /** Files this run saved: the only ones «Открыть» / «Показать в папке» may touch. */
  savedPaths?: Set<string>;
  /** Files the user picked in this run's open dialog: the only outside paths a restore may read. */
  pickedPaths?: Set<string>;
  workspace?: Workspace;
}

export interface Method<I extends z.ZodType, O> {
  input: I;
  handler: (ctx: ApiContext, input: z.output<I>) => O;
}

export function method<I extends z.ZodType, O>(input: I, handler: (ctx: ApiContext, input: z.output<I>) => O): Method<I, O> {
  return { input, handler };
}

export const id = z.number().int().positive();
export const optionalId = id.nullable();
// Every text that enters through the API leaves its control characters at the door: Word's line
// breaks become ours, the rest cannot be written into a document (shared/text-clean.ts).
export const shortText = z.string().trim().max(LIMITS.short).transform(cleanControlChars);
export const requiredShort = z.string().trim().min(1, 'Поле обязательно для заполнения').max(LIMITS.short).transform(cleanControlChars);
export const mediumText = z.string().max(LIMITS.medium).transform(cleanControlChars);
export const requiredMedium = z.string().trim().min(1, 'Поле обязательно для заполнения').max(LIMITS.medium).transform(cleanControlChars);
export const longText = z.string().max(LIMITS.long).transform(cleanControlChars);
export const requiredLong = z.string().trim().min(1, 'Поле обязательно для заполнения').max(LIMITS.long).transform(cleanControlChars);

/** A calendar date as stored ('YYYY-MM-DD'), rejected if it does not exist (31.02). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата должна быть в виде ГГГГ-ММ-ДД')
  .superRefine((s, ctx) => {
    // The same words as the forms' date fields (shared/dates.ts): «Такой даты нет: 31.02.2024».
    const problem = missingDateProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  // Years 0001 or 9999 pass the calendar check but break every loop over dates (see db/terms/period.ts).
  .refine(saneYear, YEAR_MESSAGE);

export const quarter = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'Квартал должен быть в виде 2022-Q2')
  .refine((q) => saneYear(`${q.slice(0, 4)}-01-01`), YEAR_MESSAGE);

/**
 * The version of the record the form was opened with: a save is refused with `stale` when the
 * record has changed since. Left out, the save overwrites knowingly («Перезаписать»).
 */
export const expectedVersion = z.number().int().min(0).optional();

export const noInput = z.object({}).strict().optional();
