/** The single door to the API: checks the method name and the input, runs the handler, returns a result value. */
import { z } from 'zod';
import { AppError, toAppError } from '../../db/errors';
import type { ApiContext } from './define';
import { api, type ApiMethod, type ApiResult } from './index';
import { configureZod, describeIssues } from './messages';

configureZod();

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** Where a failed call's cause goes; tests silence it, the app writes it to its log. */
export let logError: (method: string, err: unknown) => void = (m, err) => {
  console.error(`[api] ${m}:`, err);
};
export function setErrorLogger(fn: typeof logError): void {
  logError = fn;
}

export function callApi(ctx: ApiContext, name: unknown, rawInput: unknown): ApiResult<unknown> {
  if (!isApiMethod(name)) return { ok: false, error: { code: 'unknown_method', message: 'Неизвестное действие программы.' } };
  const m = api[name] as unknown as { input: z.ZodType; handler: (ctx: ApiContext, input: unknown) => unknown };
  const parsed = m.input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error) } };
  try {
    const value = m.handler(ctx, parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    const appErr = toAppError(err);
    if (!(err instanceof AppError)) logError(name, err);
    return { ok: false, error: { code: appErr.code, message: appErr.message } };
  }
}
