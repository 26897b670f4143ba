/**
 * A 2 000-measure plan (the benchmark's realistic text, tests/bench/data.ts) scrolled end to end at
 * 1366×768: the scroll height is the same at the top, in the middle and at the end (within 2 px),
 * and the row the user scrolled to stays where it is while the rows around it are drawn. Not timed:
 * the times are the benchmark's (tests/bench/cases/chromium.ts).
 */
import { describe, expect, it } from 'vitest';
import { seedPlans } from '../bench/data';
import { useApp } from './chromium';

let roadmapId = 0;
const app = useApp((db) => {
  roadmapId = seedPlans(db, 2000)[0]!;
});

/** The plan's scrolling box, whichever way the table is virtualised. */
const SCROLLER = '[data-testid="plan"] .ant-table-body, [data-testid="plan"] .ant-table-tbody-virtual-holder';

describe('a 2 000-measure plan scrolled end to end', () => {
  it('keeps its scroll height from top to end', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate((h) => (window.location.hash = h), `#/roadmaps/${roadmapId}/plan`);
    await page.getByText('Мероприятий: 2000').waitFor();
    await page.locator('[data-testid="plan"] .ant-table-row').first().waitFor();
    const heights = await page.locator(SCROLLER).evaluate(async (el) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const seen: number[] = [el.scrollHeight];
      el.scrollTop = 0;
      for (let i = 0; i < 2000 && el.scrollTop + el.clientHeight < el.scrollHeight - 1; i++) {
        el.scrollTop += el.clientHeight * 0.9;
        await frame();
        seen.push(el.scrollHeight);
      }
      return seen;
    });
    expect(heights.length).toBeGreaterThan(100);
    const top = heights[0]!;
    const middle = heights[Math.floor(heights.length / 2)]!;
    const end = heights.at(-1)!;
    expect({ middle: middle - top, end: end - top, spread: Math.max(...heights) - Math.min(...heights) }).toSatisfy(
      (d: Record<string, number>) => Object.values(d).every((x) => Math.abs(x) <= 2),
      `scroll height ${top} px at the top, ${middle} in the middle, ${end} at the end (min ${Math.min(...heights)}, max ${Math.max(...heights)})`,
    );
    // The end is reached: the plan's last measure is on screen.
    await page.locator('[data-testid="plan"] .ant-table-row', { hasText: 'Информация в министерство' }).last().waitFor();
    expect(await page.locator('[data-testid="plan"] .ant-table-row [data-testid="measure-number"]').last().textContent()).toBe('40.50');
    // Some 460 steps of two frames each, every row drawn once: slow on a busy machine, and not what is tested.
  }, 240_000);

  it('keeps the row scrolled to in its place while the rows around it are drawn', async () => {
    const { page } = app;
    const scroller = page.locator(SCROLLER);
    // A jump far down, as by dragging the scrollbar: the rows there are drawn for the first time.
    const before = await scroller.evaluate(async (el) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      el.scrollTop = 0;
      await frame();
      el.scrollTop = Math.round(el.scrollHeight * 0.61);
      await frame();
      const box = el.getBoundingClientRect();
      const row = [...el.querySelectorAll<HTMLElement>('.ant-table-row')].find((r) => r.getBoundingClientRect().bottom > box.top + 40)!;
      return { key: row.dataset.rowKey!, top: row.getBoundingClientRect().top, scrollTop: el.scrollTop };
    });
    await page.waitForTimeout(300);
    const after = await scroller.evaluate(
      (el, key) => ({
        top: el.querySelector(`[data-row-key="${key}"]`)?.getBoundingClientRect().top ?? null,
        scrollTop: el.scrollTop,
      }),
      before.key,
    );
    expect(after).toEqual({ top: before.top, scrollTop: before.scrollTop });
  });

  it('logged no errors in the page', () => {
    expect(app.errors.join('\n')).toBe('');
  });
});
