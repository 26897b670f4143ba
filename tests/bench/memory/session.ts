/**
 * A methodist's session over a 50 000-measure database, run as its own process by
 * tests/bench/cases/memory.ts so that its peak memory is its own: open, the roadmap list, every plan,
 * search twice, «Сроки» for the quarter, one execution grid and the quarterly report of one roadmap
 * (2 000 measures, more than a district's report holds). With `full`, only the quarterly report over
 * all 50 000 measures, whose cost is exceljs keeping the whole workbook in memory (recorded apart).
 * Prints one JSON line: the peak RSS (maxRSS, KB) and the RSS after each step (MB).
 * Usage: node memory-session.cjs DB_FILE [full]
 */
import { callApi, setErrorLogger } from '../../../electron/api/call';
import { buildQuarterlyReport } from '../../../electron/reports/quarterly';
import { closeDatabase, openDatabase } from '../../../db/open';

setErrorLogger(() => {});
const MB = 1024 * 1024;

void (async () => {
  const steps: Record<string, number> = {};
  const step = (name: string) => {
    steps[name] = Math.round(process.memoryUsage.rss() / MB);
  };
  step('start');
  const db = openDatabase(process.argv[2]!);
  step('open');
  if (process.argv[3] === 'full') {
    const report = await buildQuarterlyReport(db, { quarter: '2024-Q2', date: '2024-07-01' });
    step('quarterly report, all roadmaps');
    closeDatabase(db);
    console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, reportKb: Math.round(report.data.length / 1024), steps }));
    return;
  }
  const call = async (method: string, input: unknown) => {
    const r = await callApi({ db }, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  const roadmaps = (await call('roadmaps.list', undefined)) as { id: number }[];
  step('roadmaps.list');
  for (const r of roadmaps) await call('plan.get', { roadmapId: r.id });
  step('plan.get ×' + roadmaps.length);
  await call('search.measures', { query: 'ВПР' });
  await call('search.measures', { query: 'родительских собраний' });
  step('search ×2');
  await call('terms.due', { today: '2024-05-15', window: 'quarter', showDone: true });
  step('terms.due quarter');
  await call('execution.grid', { roadmapId: roadmaps[0]!.id });
  step('execution.grid');
  // The peak so far: the session without the report, whose own cost is the difference.
  const peakBeforeReportKb = process.resourceUsage().maxRSS;
  const report = await buildQuarterlyReport(db, { quarter: '2024-Q2', date: '2024-07-01', roadmapIds: [roadmaps[0]!.id] });
  step('quarterly report, one roadmap');
  closeDatabase(db);
  console.log(
    JSON.stringify({
      maxRssKb: process.resourceUsage().maxRSS,
      peakBeforeReportKb,
      reportKb: Math.round(report.data.length / 1024),
      steps,
    }),
  );
})().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
