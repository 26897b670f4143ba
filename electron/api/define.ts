/**
 * The building blocks of the API: a method is a zod input schema and a handler over `db/`.
 * Shared field schemas live here so that every method limits text the same way.
 */
import { z } from 'zod';
import type { Db } from '../../db/open';

/**
 * What the desktop shell can do that the browser mode cannot: file dialogs and opening files.
 * Provided by electron/main; absent in the browser mode, the CLI and tests.
 */
export type FileKind = 'docx' | 'xlsx';

export interface Host {
  chooseSavePath(defaultPath: string, kind: FileKind): Promise<string | null>;
  chooseFolder(defaultPath: string | null): Promise<string | null>;
  openPath(path: string): Promise<void>;
  showInFolder(path: string): void;
}

export interface ApiContext {
  db: Db;
  host?: Host;
  /** Files this run saved: the only ones «Открыть» / «Показать в папке» may touch. */
  savedPaths?: Set<string>;
}

export interface Method<I extends z.ZodType, O> {
  input: I;
  handler: (ctx: ApiContext, input: z.output<I>) => O;
}

export function method<I extends z.ZodType, O>(input: I, handler: (ctx: ApiContext, input: z.output<I>) => O): Method<I, O> {
  return { input, handler };
}

import { LIMITS } from '../../shared/limits';

export { LIMITS };

export const id = z.number().int().positive();
export const optionalId = id.nullable();
export const shortText = z.string().trim().max(LIMITS.short);
export const requiredShort = z.string().trim().min(1, 'Поле обязательно для заполнения').max(LIMITS.short);
export const mediumText = z.string().max(LIMITS.medium);
export const requiredMedium = z.string().trim().min(1, 'Поле обязательно для заполнения').max(LIMITS.medium);
export const longText = z.string().max(LIMITS.long);
export const requiredLong = z.string().trim().min(1, 'Поле обязательно для заполнения').max(LIMITS.long);

/** A calendar date as stored ('YYYY-MM-DD'), rejected if it does not exist (31.02). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата должна быть в виде ГГГГ-ММ-ДД')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'Такой даты нет в календаре');

export const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'Квартал должен быть в виде 2022-Q2');

export const noInput = z.object({}).strict().optional();
