/**
 * The one API of the app: method name → zod input schema → handler over `db/`. The three ways in
 * (Electron IPC, HTTP for the browser mode, direct calls for the CLI and tests) all go through
 * `callApi` in ./call.ts. The renderer imports the types below with `import type` only.
 */
import type { z } from 'zod';
import { appApi } from './app';
import { backupsApi } from './backups';
import { databasesApi } from './databases';
import { directoryApi } from './directory';
import { documentsApi } from './documents';
import { groupApi } from './group';
import { homeApi } from './home';
import { importApi } from './import';
import { indicatorImportApi } from './indicator-import';
import { indicatorsApi } from './indicators';
import { ordersApi } from './orders';
import { progressApi } from './progress';
import { regionApi } from './region';
import { reportsApi } from './reports';
import { risksApi } from './risks';
import { roadmapsApi } from './roadmaps';
import { termsApi } from './terms';
import { timelineApi } from './timeline';
import { trashApi } from './trash';
import { mergeApis } from './merge';

export const api = mergeApis({
  appApi,
  databasesApi,
  directoryApi,
  roadmapsApi,
  groupApi,
  ordersApi,
  termsApi,
  documentsApi,
  reportsApi,
  regionApi,
  importApi,
  backupsApi,
  trashApi,
  risksApi,
  indicatorsApi,
  progressApi,
  indicatorImportApi,
  timelineApi,
  homeApi,
});

export type Api = typeof api;
export type ApiMethod = keyof Api;
export type ApiInput<K extends ApiMethod> = z.input<Api[K]['input']>;
export type ApiOutput<K extends ApiMethod> = Awaited<ReturnType<Api[K]['handler']>>;

export interface ApiError {
  code: string;
  message: string;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
