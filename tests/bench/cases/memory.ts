/**
 * Peak memory of a methodist's session over 50 000 measures (25 roadmaps × 2 000): the database is
 * seeded here, the session runs in a child process (tests/bench/memory/session.ts, under tsx as
 * `npm run bench` itself runs) whose maxRSS is the figure; the RSS after each step is printed with it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { closeDatabase, freshDb } from '../../helpers';
import { seedPlans } from '../data';
import { type BenchCases, figure } from '../harness';

const ROOT = path.resolve(__dirname, '../../..');

const cases: BenchCases = async () => {
  const db = freshDb();
  seedPlans(db, 50_000, 2000);
  const file = db.sqlite.name;
  closeDatabase(db);
  const child = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tests/bench/memory/session.ts', file], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`memory session failed: ${child.stderr || child.stdout}`);
  const r = JSON.parse(line) as { maxRssKb: number; peakBeforeReportKb: number; reportKb: number; steps: Record<string, number> };
  const steps = Object.fromEntries(Object.entries(r.steps).map(([k, v]) => [`RSS after ${k}, MB`, v]));
  return [
    figure('peak memory, 50 000-measure session', r.maxRssKb / 1024, 250, 'MB', {
      'peak before the report, MB': Math.round(r.peakBeforeReportKb / 1024),
      ...steps,
      'report KB': r.reportKb,
    }),
  ];
};
export default cases;
