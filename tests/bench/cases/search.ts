/**
 * Search across all roadmaps (`search.measures` through the API door) over 5 000 and 50 000 measures
 * of realistic text, against the floor: SQLite's own LIKE over the same four columns of the same
 * table, with the word written as it stands in the text (the built-in LIKE folds ASCII only), stopping
 * at the same 200 rows. Queries: a word inside names, an executor, a phrase found nowhere (every row
 * read), and one typed in capitals with «ё».
 */
import { callApiSync as callApi } from '../../../electron/api/call';
import { closeDatabase, freshDb } from '../../helpers';
import { seedPlans } from '../data';
import { type BenchCases, type BenchResult, compare } from '../harness';

/** What the methodist types, and the same words as they stand in the text for the floor. */
const QUERIES: { label: string; query: string; plain: string }[] = [
  { label: 'a word inside names', query: 'семинар', plain: 'семинар' },
  { label: 'an executor', query: 'кураторы школ', plain: 'кураторы школ' },
  { label: 'a phrase found nowhere', query: 'программа воспитания', plain: 'программа воспитания' },
  { label: 'capitals and «ё»', query: 'С УЧЁТОМ РЕЗУЛЬТАТОВ', plain: 'с учётом результатов' },
];

export async function searchCases(measures: number): Promise<BenchResult[]> {
  const db = freshDb();
  seedPlans(db, measures);
  const floor = db.sqlite.prepare(
    `SELECT id, roadmap_id, number, name, term, executors, result FROM measures
      WHERE name LIKE @p OR term LIKE @p OR executors LIKE @p OR result LIKE @p LIMIT 200`,
  );
  const results: BenchResult[] = [];
  for (const q of QUERIES) {
    let hits = 0;
    let floorHits = 0;
    const r = await compare({
      name: `search, ${measures} measures: ${q.label}`,
      floorName: 'bare LIKE over the same four columns, LIMIT 200',
      goal: 2,
      // Milliseconds on a shared machine: many runs, so the medians stand still.
      runs: 31,
      warmup: 3,
      app: () => {
        const a = callApi({ db }, 'search.measures', { query: q.query });
        if (!a.ok) throw new Error(a.error.message);
        hits = (a.value as unknown[]).length;
      },
      floor: () => {
        floorHits = floor.all({ p: `%${q.plain}%` }).length;
      },
    });
    // Both must find the same number of rows, or the comparison is not of the same work.
    if (hits !== floorHits) throw new Error(`«${q.query}»: поиск нашёл ${hits}, а LIKE — ${floorHits}`);
    results.push({ ...r, extra: { hits } });
  }
  closeDatabase(db);
  return results;
}

const cases: BenchCases = async () => [...(await searchCases(5000)), ...(await searchCases(50000))];
export default cases;
