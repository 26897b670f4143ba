/**
 * The plan editor in Debian's Chromium at 1366×768 on one 2 000-measure roadmap, in the app's
 * browser mode: the time from navigation to the plan's rows on screen (from the roadmap list, as the
 * methodist opens a plan; and a cold page load), and the scroll height while scrolling end to end in
 * steps: at the top, in the middle and at the bottom, and its drift (goal 0 px, within 2 px: over
 * that, `npm run bench` fails). Builds nothing: needs `npm run -s build:renderer` first.
 */
import type { Page } from 'playwright-core';
import { closeDatabase, freshDb } from '../../helpers';
import { launch, rendererBuilt, serve } from '../../browser/app-server';
import { seedPlans } from '../data';
import { type BenchCases, type BenchResult, figure } from '../harness';

const ROWS = '[data-testid="plan"] .ant-table-row';
/** The plan's scrolling box. */
const SCROLLER = '[data-testid="plan"] .ant-table-body, [data-testid="plan"] .ant-table-tbody-virtual-holder';
/** How far the scroll height may drift while scrolling end to end, px (the goal is none at all). */
const DRIFT_TOLERANCE = 2;

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
    const scroller = page.locator(SCROLLER);
    const heights = (await scroller.evaluate((el, code) => (0, eval)(code)(el), SCROLL_HEIGHTS)) as number[];
    const top = heights[0]!;
    const middle = heights[Math.floor(heights.length / 2)]!;
    const bottom = heights.at(-1)!;
    const drift = Math.max(...heights) - Math.min(...heights);
    // The goal is 0 px; 2 px of tolerance for a sub-pixel rounding, not for rows guessed wrong.
    results.push(
      figure('plan of 2 000 measures: scroll height drift, Chromium', drift, DRIFT_TOLERANCE, 'px', {
        steps: heights.length,
        'top px': top,
        'middle px': middle,
        'bottom px': bottom,
        'min px': Math.min(...heights),
        'max px': Math.max(...heights),
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
