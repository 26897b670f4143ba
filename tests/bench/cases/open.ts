/**
 * Opening a 50 000-measure database file with db/open.ts (migrations applied, readings up to date)
 * against the floor: a bare better-sqlite3 open and one count of the measures.
 */
import Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../../../db/open';
import { freshDb } from '../../helpers';
import { seedPlans } from '../data';
import { type BenchCases, compare } from '../harness';

const cases: BenchCases = async () => {
  const seeded = freshDb();
  seedPlans(seeded, 50000);
  const file = seeded.path;
  closeDatabase(seeded);
  // The first opening after seeding settles anything left to do once; the benchmark times the usual one.
  closeDatabase(openDatabase(file));
  return [
    await compare({
      name: 'open a database, 50000 measures',
      floorName: 'bare open + SELECT count(*) FROM measures',
      goal: 5,
      runs: 41,
      warmup: 3,
      app: () => closeDatabase(openDatabase(file)),
      floor: () => {
        const db = new Database(file);
        db.prepare('SELECT count(*) FROM measures').pluck().get();
        db.close();
      },
    }),
  ];
};
export default cases;
