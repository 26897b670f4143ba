/**
 * The renderer's only way to data: `call(method, input)`, typed from the API map. In Electron it goes
 * through the preload's `rmk.invoke` (IPC); in the browser mode through fetch to 127.0.0.1.
 * Types come from the Node side by `import type` only: no Node code reaches the page.
 */
import type { ApiInput, ApiMethod, ApiOutput, ApiResult } from '../../electron/api/index';

declare global {
  interface Window {
    rmk?: { invoke: (method: string, input: unknown) => Promise<unknown> };
  }
}

export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

async function transport(method: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.rmk) return (await window.rmk.invoke(method, input)) as ApiResult<unknown>;
  const res = await fetch(`api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    // No input is sent as an empty body (the server reads it as `undefined`), never as `null`.
    body: input === undefined ? '' : JSON.stringify(input),
  });
  if (res.status === 401)
    return {
      ok: false,
      error: { code: 'unauthorized', message: 'Доступ запрещён: откройте программу по адресу, который она напечатала при запуске.' },
    };
  return (await res.json()) as ApiResult<unknown>;
}

export async function call<K extends ApiMethod>(
  method: K,
  ...input: undefined extends ApiInput<K> ? [ApiInput<K>?] : [ApiInput<K>]
): Promise<ApiOutput<K>> {
  let result: ApiResult<unknown>;
  try {
    result = await transport(method, input[0]);
  } catch {
    throw new ApiCallError('Нет связи с программой. Перезапустите её и повторите действие.', 'transport');
  }
  if (!result.ok) throw new ApiCallError(result.error.message, result.error.code);
  return result.value as ApiOutput<K>;
}

export type { ApiInput, ApiOutput };
