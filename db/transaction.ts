/** All or nothing, for callers outside db/ that combine several db/ functions into one change. */
import type { Db } from './open';

export function inTransaction<T>(db: Db, work: () => T): T {
  return db.sqlite.transaction(work)();
}
