/** The plan editor on a realistic 500-measure roadmap, and the undo history's growth (history.ts). */
import { callApiSync as callApi } from '../../../electron/api/call';
import { closeDatabase, freshDb } from '../../helpers';
import { seedPlans } from '../data';
import { type BenchCases, type BenchResult, compare } from '../harness';
import { benchHistory } from '../history';

const cases: BenchCases = async () => {
  const db = freshDb();
  const [roadmapId] = seedPlans(db, 500);
  const call = (m: string, input: unknown) => {
    const r = callApi({ db }, m, input);
    if (!r.ok) throw new Error(r.error.message);
  };
  const bareSections = db.sqlite.prepare('SELECT * FROM sections WHERE roadmap_id = ? ORDER BY position');
  const bareMeasures = db.sqlite.prepare('SELECT * FROM measures WHERE roadmap_id = ? ORDER BY section_id, position');
  const results: BenchResult[] = [
    await compare({
      name: 'plan.get, 500 measures',
      floorName: 'bare SELECT of the same sections and measures',
      goal: null,
      runs: 21,
      app: () => call('plan.get', { roadmapId }),
      floor: () => [bareSections.all(roadmapId), bareMeasures.all(roadmapId)],
    }),
  ];
  closeDatabase(db);
  results.push(...benchHistory());
  return results;
};
export default cases;
