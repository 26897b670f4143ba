/**
 * `npm run bench [-- NAME…]`: every heavy path of the app timed against an independent floor in the
 * same run (tests/bench/harness.ts). Each module in tests/bench/cases contributes its cases; names
 * on the command line pick modules by file name. Prints a table and one JSON line per case, and exits
 * non-zero when a ratio is over its goal. Not part of `npm test`: a benchmark, not a timed test.
 */
import fs from 'node:fs';
import path from 'node:path';
import '../helpers'; // silences the error log, as in the tests
import { type BenchCases, type BenchResult, withinGoal } from './harness';

const dir = path.join(__dirname, 'cases');
const wanted = process.argv.slice(2);
const modules = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)));

function row(r: BenchResult): string {
  const goal = r.goal === null ? '—' : `≤ ${r.goal}`;
  const mark = withinGoal(r) ? 'ok' : 'OVER';
  return `${r.case.padEnd(58)} ${String(r.appMs).padStart(9)} ${String(r.floorMs).padStart(9)} ${String(r.ratio).padStart(6)} ${goal.padStart(6)}  ${mark}  ${r.floor}`;
}

void (async () => {
  const results: BenchResult[] = [];
  console.log(`${'case'.padEnd(58)} ${'app ms'.padStart(9)} ${'floor ms'.padStart(9)} ${'ratio'.padStart(6)} ${'goal'.padStart(6)}`);
  for (const file of modules) {
    const mod = (await import(path.join(dir, file))) as { default: BenchCases };
    for (const r of await mod.default()) {
      results.push(r);
      console.log(row(r));
    }
  }
  console.log('');
  for (const r of results) console.log(JSON.stringify(r));
  const over = results.filter((r) => !withinGoal(r));
  if (over.length) {
    console.error(`\nНад целью: ${over.map((r) => r.case).join('; ')}`);
    process.exitCode = 1;
  }
})();
