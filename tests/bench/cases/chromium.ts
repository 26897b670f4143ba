/**
 * The plan editor in Debian's Chromium at 1366×768 on one 2 000-measure roadmap, in the app's
 * browser mode: the time from navigation to the plan's rows on screen (from the roadmap list, as the
 * methodist opens a plan; and a cold page load), and the scroll height while scrolling end to end in
 * steps (stable = the same at every step). Builds nothing: needs `npm run -s build:renderer` first.
 */
import type { Page } from 'playwright-core';
import { closeDatabase, freshDb } from '../../helpers';
import { launch, rendererBuilt, serve } from '../../browser/app-server';
import { seedPlans } from '../data';
import { type BenchCases, type BenchResult, figure } from '../harness';

const ROWS = '[data-testid="plan"] .ant-table-row';

/**
 * Page-side code goes as text: tsx names the functions of this file with a helper (`__name`) the page
 * does not have, so a function passed to page.evaluate would fail there.
 */
const TIME_TO_ROWS = `(({ hash, rows }) => new Promise((resolve) => {
  performance.clearResourceTimings();
  const t0 = performance.now();
  window.location.hash = hash;
  (function tick() {
    const row = document.querySelector(rows);
    if (!row || row.getBoundingClientRect().height === 0) return void requestAnimationFrame(tick);
    const plan = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/plan.get'));
    resolve({ total: performance.now() - t0, api: plan ? plan.responseEnd - plan.startTime : 0 });
  })();
}))`;

const SCROLL_HEIGHTS = `(async (el) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const seen = [el.scrollHeight];
  el.scrollTop = 0;
  for (let i = 0; i < 2000 && el.scrollTop + el.clientHeight < el.scrollHeight - 1; i++) {
    el.scrollTop += el.clientHeight * 0.9;
    await frame();
    seen.push(el.scrollHeight);
  }
  return seen;
})`;

/**
 * Sets the address and waits, frame by frame, for the first plan row laid out on screen: the time in
 * all and the part of it that was the plan.get request (the server reading and sending the plan), ms.
 */
async function timeToRows(page: Page, hash: string): Promise<{ total: number; api: number }> {
  return page.evaluate(`${TIME_TO_ROWS}(${JSON.stringify({ hash, rows: ROWS })})`) as Promise<{ total: number; api: number }>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const cases: BenchCases = async () => {
  if (!rendererBuilt()) {
    console.error('chromium: dist/renderer is missing — run `npm run -s build:renderer` first; the Chromium figures are skipped.');
    return [figure('plan of 2 000 measures opens in Chromium (skipped: no build)', 0, null, 'ms')];
  }
  const db = freshDb();
  const [roadmapId] = seedPlans(db, 2000);
  const server = await serve(db);
  const browser = await launch();
  const results: BenchResult[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const plan = `#/roadmaps/${roadmapId}/plan`;
    // A cold load: the page and the bundle fetched, the app started, the plan read and drawn.
    const t0 = Date.now();
    await page.goto(`${server.url}${plan}`);
    await page.locator(ROWS).first().waitFor();
    const cold = Date.now() - t0;
    // From the roadmap list, as a methodist opens the plan: the median of several openings.
    const opens: number[] = [];
    const requests: number[] = [];
    for (let i = 0; i < 7; i++) {
      await page.evaluate("window.location.hash = '#/roadmaps'");
      await page.getByText('Новая дорожная карта').waitFor();
      const t = await timeToRows(page, plan);
      opens.push(t.total);
      requests.push(t.api);
    }
    results.push(
      figure('plan of 2 000 measures: navigation to rows, Chromium', median(opens), 500, 'ms', {
        'min ms': Math.round(Math.min(...opens)),
        'max ms': Math.round(Math.max(...opens)),
        'plan.get request ms (median)': Math.round(median(requests)),
        'cold page load ms': cold,
      }),
    );
    await page.waitForTimeout(300);
    const holder = page.locator('[data-testid="plan"] .ant-table-tbody-virtual-holder');
    const heights = (await holder.evaluate((el, code) => (0, eval)(code)(el), SCROLL_HEIGHTS)) as number[];
    const min = Math.min(...heights);
    const max = Math.max(...heights);
    results.push(
      figure('plan of 2 000 measures: scroll height end to end, Chromium', max - min, null, 'px', {
        steps: heights.length,
        'first px': heights[0]!,
        'min px': min,
        'max px': max,
        stable: min === max ? 'yes' : 'no',
      }),
    );
    if (errors.length) throw new Error(`chromium: page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
    closeDatabase(db);
  }
  return results;
};
export default cases;
