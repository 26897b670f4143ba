/** API about the app itself: which database is open, the version, a backup taken before migration. */
import { method, noInput } from './define';
import { APP_VERSION } from '../version';

export const appApi = {
  'app.info': method(noInput, ({ db }) => ({ version: APP_VERSION, dbPath: db.path, backupPath: db.backupPath, readOnly: db.readOnly })),
};
