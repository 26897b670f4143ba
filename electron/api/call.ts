/** The single door to the API: checks the method name and the input, runs the handler, returns a result value. */
import { z } from 'zod';
import { AppError, internalMessage, toAppError } from '../../db/errors';
import type { ApiContext } from './define';
import { api, type ApiMethod, type ApiResult } from './index';
import { configureZod, describeIssues } from './messages';

configureZod();

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/**
 * Where a failed call's cause goes; tests silence it, the app writes it to its error log and returns
 * the log's path, which the «Внутренняя ошибка» message then names.
 */
export let logError: (method: string, err: unknown) => string | null | void = (m, err) => {
  console.error(`[api] ${m}:`, err);
};
export function setErrorLogger(fn: typeof logError): void {
  logError = fn;
}

type Prepared = { ok: false; error: { code: string; message: string } } | { ok: true; name: string; run: () => unknown };

/** Checks the method name and validates the input; the handler is run by the caller. */
function prepare(ctx: ApiContext, name: unknown, rawInput: unknown): Prepared {
  if (!isApiMethod(name)) return { ok: false, error: { code: 'unknown_method', message: 'Неизвестное действие программы.' } };
  const m = api[name] as unknown as { input: z.ZodType; handler: (ctx: ApiContext, input: unknown) => unknown };
  const parsed = m.input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error) } };
  return { ok: true, name, run: () => m.handler(ctx, parsed.data) };
}

function failure(name: string, err: unknown): ApiResult<unknown> {
  const appErr = toAppError(err);
  const logged = err instanceof AppError ? null : logError(name, err);
  const message = appErr.code === 'internal' && typeof logged === 'string' ? internalMessage(logged) : appErr.message;
  return { ok: false, error: { code: appErr.code, message } };
}

/** The door every transport uses: handlers may be synchronous (data) or asynchronous (documents). */
export async function callApi(ctx: ApiContext, name: unknown, rawInput: unknown): Promise<ApiResult<unknown>> {
  const p = prepare(ctx, name, rawInput);
  if (!p.ok) return p;
  try {
    const value = await p.run();
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    return failure(p.name, err);
  }
}

/** The same door for synchronous methods, for the CLI, tests and benchmarks that call data methods directly. */
export function callApiSync(ctx: ApiContext, name: unknown, rawInput: unknown): ApiResult<unknown> {
  const p = prepare(ctx, name, rawInput);
  if (!p.ok) return p;
  try {
    const value = p.run();
    if (value instanceof Promise) {
      value.catch(() => {});
      return {
        ok: false,
        error: { code: 'async_method', message: `Действие ${p.name} выполняется асинхронно: вызовите его через callApi.` },
      };
    }
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    return failure(p.name, err);
  }
}
