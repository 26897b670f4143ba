/** The CLI's way to the data: the API's own door (callApi), so a command is validated and refused exactly as the UI's call is. */
import { AppError } from '../../db/errors';
import type { Db } from '../../db/open';
import { callApi } from '../api/call';
import type { ApiInput, ApiMethod, ApiOutput } from '../api/index';

/** Runs a method by name with raw input (`cli call`); a refusal becomes the AppError the CLI prints as one line. */
export async function callByName(db: Db, method: string, input: unknown): Promise<unknown> {
  const r = await callApi({ db }, method, input);
  if (!r.ok) throw new AppError(r.error.code, r.error.message);
  return r.value;
}

export async function viaApi<K extends ApiMethod>(db: Db, method: K, input?: ApiInput<K>): Promise<ApiOutput<K>> {
  return (await callByName(db, method, input)) as ApiOutput<K>;
}

/** `cli call`'s JSON argument; without one the method gets no input, as `callApi(name)` from the page would. */
export function parseInput(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (err) {
    throw new AppError('usage', `Входные данные должны быть записаны в JSON, например '{"id": 1}'.`, { cause: err });
  }
}

/**
 * For methods that read only the files given (the region's consolidation): no database is opened or
 * created for them; a handler that still reached for one would fail loudly, not quietly make a file.
 */
const NO_DATABASE = new Proxy({} as Db, {
  get() {
    throw new AppError('internal', 'Этому действию база данных не передаётся.');
  },
});

export async function viaApiWithoutDb<K extends ApiMethod>(method: K, input?: ApiInput<K>): Promise<ApiOutput<K>> {
  return (await callByName(NO_DATABASE, method, input)) as ApiOutput<K>;
}
