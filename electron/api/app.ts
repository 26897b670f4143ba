/** API about the app itself: which database is open (the demo?), the version, a backup taken before migration. */
import { method, noInput } from './define';
import { APP_VERSION } from '../version';

export const appApi = {
  'app.info': method(noInput, ({ db, workspace }) => ({
    version: APP_VERSION,
    dbPath: db.path,
    backupPath: db.backupPath,
    readOnly: db.readOnly,
    /** The demo district is open: the page shows «Демонстрационная база — ваши данные не затронуты». */
    demo: workspace?.demoPath === db.path,
    homePath: workspace?.homePath() ?? null,
  })),
};
