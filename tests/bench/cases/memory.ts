/**
 * Peak memory of a methodist's session over 50 000 measures (25 roadmaps × 2 000): the database is
 * seeded here, the session runs in a child process (tests/bench/memory/session.ts, bundled by esbuild
 * as the app's main process is, not compiled on the fly by tsx) whose maxRSS is the figure; the RSS
 * after each step is printed with it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bundle } from '../../cli-bundle';
import { closeDatabase, freshDb } from '../../helpers';
import { seedPlans } from '../data';
import { type BenchCases, figure } from '../harness';

const ROOT = path.resolve(__dirname, '../../..');

const cases: BenchCases = async () => {
  const db = freshDb();
  seedPlans(db, 50_000, 2000);
  const file = db.sqlite.name;
  closeDatabase(db);
  const script = path.join(ROOT, 'node_modules', '.cache', 'rmk-tests', 'memory-session.cjs');
  await bundle(path.join(ROOT, 'tests', 'bench', 'memory', 'session.ts'), script);
  const session = (...args: string[]) => {
    const child = spawnSync(process.execPath, [script, file, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) throw new Error(`memory session failed: ${child.stderr || child.stdout}`);
    return JSON.parse(line) as { maxRssKb: number; peakBeforeReportKb?: number; reportKb: number; steps: Record<string, number> };
  };
  const stepsOf = (r: { steps: Record<string, number> }) =>
    Object.fromEntries(Object.entries(r.steps).map(([k, v]) => [`RSS after ${k}, MB`, v]));
  const r = session();
  const full = session('full');
  return [
    figure('peak memory, 50 000-measure session', r.maxRssKb / 1024, 250, 'MB', {
      'peak before the report, MB': Math.round((r.peakBeforeReportKb ?? 0) / 1024),
      ...stepsOf(r),
      'report KB': r.reportKb,
    }),
    // Recorded, not a goal: exceljs holds the whole workbook (25 sheets and 50 000 «Данные» rows) in memory.
    figure('peak memory, one report over all 50 000 measures', full.maxRssKb / 1024, null, 'MB', { 'report KB': full.reportKb }),
  ];
};
export default cases;
