/**
 * «Шкала времени» in Chromium at 1366×768: a «Март – май 2024» measure's bar runs under March to May
 * of the scale, «ежеквартально» has four ticks in 2024, the fills follow the statuses set through the
 * API, unread terms are listed apart, the scale and the names stay in view while a 2 000-measure plan
 * scrolls (only the rows in view are drawn), the PNG is the whole picture, and the print view gives
 * landscape pages. Saves screenshots for the README (tests/output/screenshots; with
 * UPDATE_SCREENSHOTS=1 also docs/screenshots/timeline-1366x768.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { insertPlan } from '../../db/plan';
import { statusHex } from '../../shared/status-colors';
import { apiOf, tempDir } from '../helpers';
import { SCREENSHOTS, screenshot, useApp } from './chromium';

const ids = { roadmap: 0, big: 0, spring: 0, quarterly: 0, deadline: 0, unparsed: 0, bigLast: 0 };
const app = useApp((db) => {
  const api = apiOf(db);
  const r = api('roadmaps.create', {
    title: 'Дорожная карта по повышению качества образования на 2024 год',
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
  });
  ids.roadmap = r.id;
  const s1 = api('plan.addSection', { roadmapId: r.id, title: 'Методическая работа' });
  const add = (sectionId: number, name: string, term: string) =>
    api('plan.addMeasure', { roadmapId: r.id, sectionId, values: { name, term, executors: 'РМК' } });
  ids.spring = add(s1, 'Весенний цикл семинаров для учителей математики', 'Март – май 2024');
  ids.quarterly = add(s1, 'Отчёт о ходе реализации дорожной карты', 'ежеквартально');
  ids.deadline = add(s1, 'Совещание руководителей общеобразовательных организаций', 'До 20 января 2024');
  ids.unparsed = add(s1, 'Консультации по запросу школ', 'по мере необходимости');
  const s2 = api('plan.addSection', { roadmapId: r.id, title: 'Мониторинг и оценка качества' });
  add(s2, 'Мониторинг образовательных результатов', 'постоянно');
  add(s2, 'Анализ результатов ВПР', 'Апрель – июнь 2024');
  add(s2, 'Совещания рабочей группы', 'ежемесячно');
  add(s2, 'Публичный отчёт', 'До 1 сентября 2024');
  add(s2, 'Диагностика читательской грамотности', 'Октябрь 2024');
  add(s2, 'Итоговое совещание', 'Декабрь 2024');

  // The 2 000-measure roadmap: the rows in view only are drawn.
  const big = api('roadmaps.create', { title: 'Большая карта (2 000 мероприятий)', periodStart: '2024-01-01', periodEnd: '2026-12-31' });
  ids.big = big.id;
  const terms = ['ежеквартально', 'Март – май 2025', 'До 20 января 2026', 'постоянно', 'ежемесячно', 'Сентябрь – декабрь 2024'];
  // Written at once as an import writes a plan (one renumbering, one term reading), to keep the set-up short.
  db.sqlite.transaction(() =>
    insertPlan(
      db,
      big.id,
      Array.from({ length: 20 }, (_, k) => ({
        number: String(k + 1),
        title: `Раздел ${k + 1}`,
        measures: Array.from({ length: 100 }, (_, i) => ({
          number: `${k + 1}.${i + 1}`,
          name: `Мероприятие ${k + 1}-${i + 1}`,
          term: terms[(k + 1 + i + 1) % terms.length]!,
          executors: 'РМК',
          result: '',
        })),
      })),
    ),
  )();
  ids.bigLast = db.sqlite.prepare('SELECT id FROM measures WHERE roadmap_id = ? ORDER BY id DESC LIMIT 1').pluck().get(big.id) as number;
});
let db: Db;
let page: Page;
let errors: string[];
beforeAll(async () => {
  ({ db, page, errors } = app);
  await page.setViewportSize({ width: 1366, height: 768 });
  // Today is fixed, so the red line and «просрочено» do not move with the calendar.
  await page.clock.setFixedTime(new Date('2024-04-15T10:00:00'));
});

const open = async (roadmapId: number) => {
  await page.evaluate(() => (window.location.hash = '#/roadmaps'));
  await page.evaluate((h) => (window.location.hash = h), `#/roadmaps/${roadmapId}/timeline`);
  await page.getByTestId('timeline-scale').waitFor();
};
/** antd's radio buttons hide their inputs: the label is what a person clicks. */
const zoom = (name: string) => page.locator('[data-testid="timeline"] label.ant-radio-button-wrapper', { hasText: name }).click();
const row = (measureId: number) => page.locator(`[data-testid="timeline-row"][data-measure-id="${measureId}"]`);
/** The screen box of the scale's cell named `title` («Март 2024», «II кв. 2024»). */
const cellBox = (title: string) =>
  page.evaluate((t) => {
    const g = [...document.querySelectorAll('[data-testid="timeline-scale"] [data-testid="scale-cell"]')].find(
      (x) => x.querySelector('title')?.textContent === t,
    );
    const r = g?.querySelector('rect')?.getBoundingClientRect();
    return r ? { left: r.left, right: r.right } : null;
  }, title);
const marks = (measureId: number) =>
  row(measureId)
    .locator('[data-testid="timeline-mark"]')
    .evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return {
          shape: e.getAttribute('data-shape'),
          from: e.getAttribute('data-from'),
          to: e.getAttribute('data-to'),
          fill: e.getAttribute('fill'),
          left: r.left,
          right: r.right,
          mid: (r.left + r.right) / 2,
        };
      }),
    );

describe('the roadmap’s timeline', () => {
  it('places «Март – май 2024» as a bar under March to May', async () => {
    await open(ids.roadmap);
    await zoom('Месяцы');
    const bars = await marks(ids.spring);
    expect(bars.map((b) => b.shape)).toEqual(['bar', 'bar']);
    expect(bars[0]!.from).toBe('2024-03-01');
    expect(bars.at(-1)!.to).toBe('2024-05-31');
    const march = (await cellBox('Март 2024'))!;
    const may = (await cellBox('Май 2024'))!;
    expect(Math.abs(bars[0]!.left - march.left)).toBeLessThan(1.5);
    expect(Math.abs(bars.at(-1)!.right - may.right)).toBeLessThan(1.5);
    const deadline = await marks(ids.deadline);
    expect(deadline.map((d) => [d.shape, d.from])).toEqual([['diamond', '2024-01-20']]);
  });

  it('draws «ежеквартально» as four ticks in 2024, one in each quarter', async () => {
    const ticks = await marks(ids.quarterly);
    expect(ticks.map((t) => [t.shape, t.from])).toEqual([
      ['tick', '2024-03-31'],
      ['tick', '2024-06-30'],
      ['tick', '2024-09-30'],
      ['tick', '2024-12-31'],
    ]);
    for (const [i, q] of ['I кв. 2024', 'II кв. 2024', 'III кв. 2024', 'IV кв. 2024'].entries()) {
      const box = (await cellBox(q))!;
      expect(ticks[i]!.mid).toBeGreaterThan(box.left);
      expect(ticks[i]!.mid).toBeLessThan(box.right);
    }
  });

  it('fills each mark with the colour of its status, set through the API', async () => {
    const api = apiOf(db);
    api('execution.set', { measureId: ids.quarterly, quarter: '2024-Q1', status: 'done' });
    api('execution.set', { measureId: ids.quarterly, quarter: '2024-Q2', status: 'not_done' });
    api('execution.set', { measureId: ids.quarterly, quarter: '2024-Q3', status: 'in_progress' });
    api('execution.set', { measureId: ids.spring, quarter: '2024-Q1', status: 'postponed' });
    api('execution.set', { measureId: ids.spring, quarter: '2024-Q2', status: 'done_late' });
    await open(ids.roadmap);
    await zoom('Месяцы');
    expect((await marks(ids.quarterly)).map((t) => t.fill)).toEqual([
      statusHex('done'),
      statusHex('not_done'),
      statusHex('in_progress'),
      statusHex('none'),
    ]);
    expect((await marks(ids.spring)).map((t) => t.fill)).toEqual([statusHex('postponed'), statusHex('done_late')]);
    // The legend names the colours with the statuses' own words.
    await expect.poll(() => page.getByTestId('timeline-legend').textContent()).toContain('выполнено с нарушением срока');
  });

  it('lists the measures whose term was not read apart, below the scale', async () => {
    const list = page.getByTestId('timeline-unparsed');
    await expect.poll(() => list.textContent()).toContain('Консультации по запросу школ');
    expect(await list.textContent()).toContain('«по мере необходимости»');
    expect(await row(ids.unparsed).count()).toBe(0);
    expect(await page.getByTestId('timeline-name').filter({ hasText: 'Консультации' }).count()).toBe(0);
  });

  it('shows today as a line and saves the screenshot for the README', async () => {
    // 15 April 2024: the line stands inside April.
    const line = await page
      .locator('[data-testid="timeline-scale"] [data-testid="today-line"]')
      .evaluate((e) => e.getBoundingClientRect().left);
    const april = (await cellBox('Апрель 2024'))!;
    expect(line).toBeGreaterThan(april.left);
    expect(line).toBeLessThan(april.right);
    await page.mouse.move(0, 0);
    await screenshot(page, 'timeline-1366x768');
    const png = path.join(SCREENSHOTS, 'timeline-1366x768.png');
    expect(fs.statSync(png).size).toBeGreaterThan(20_000);
    if (process.env.UPDATE_SCREENSHOTS === '1')
      fs.copyFileSync(png, path.resolve(__dirname, '../../docs/screenshots/timeline-1366x768.png'));
  });

  it('zooms: quarters and years are narrower, and years leave the months unnamed', async () => {
    const width = () => page.getByTestId('timeline-scale').evaluate((e) => e.getBoundingClientRect().width);
    await zoom('Месяцы');
    const months = await width();
    await zoom('Кварталы');
    const quarters = await width();
    await zoom('Годы');
    const years = await width();
    expect(quarters).toBeLessThan(months);
    expect(years).toBeLessThan(quarters);
    expect(await cellBox('Март 2024')).toBeNull();
    expect(await cellBox('II кв. 2024')).not.toBeNull();
  });

  it('saves the whole picture as a PNG', async () => {
    await zoom('Месяцы');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Сохранить как PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('Шкала времени — Дорожная карта по повышению качества образования на 2024 год.png');
    const file = path.join(tempDir(), 'timeline.png');
    await download.saveAs(file);
    const png = PNG.sync.read(fs.readFileSync(file));
    // The names column (340) and 366 days at 4 pixels; the title, the three bands of the scale and 11 rows (two sections, nine measures).
    expect(png.width).toBe(340 + 366 * 4);
    expect(png.height).toBe(24 + 54 + 11 * 24);
    // Somewhere in it, the green of «выполнено».
    const green = [82, 196, 26];
    let found = false;
    for (let i = 0; i < png.data.length && !found; i += 4)
      found = png.data[i] === green[0] && png.data[i + 1] === green[1] && png.data[i + 2] === green[2];
    expect(found).toBe(true);
  });

  it('scrolls 2 000 measures drawing only the rows in view, the scale and the names staying put', async () => {
    await open(ids.big);
    const box = page.getByTestId('timeline-scroll');
    expect(await page.getByTestId('timeline-row').count()).toBeLessThan(80);
    // Scroll step by step to the end, a frame at a time, and time it.
    const idle = await box.evaluate(async () => {
      const t0 = performance.now();
      for (let i = 0; i < 60; i++) await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return (performance.now() - t0) / 60;
    });
    // Steps of three rows, as a mouse wheel scrolls; then jumps of a thirtieth of the plan, as a dragged scroll bar.
    const steps = (rows: number | null) =>
      box.evaluate(async (el, r) => {
        const t0 = performance.now();
        for (let i = 0; i < 30; i++) {
          el.scrollTop += r === null ? el.scrollHeight / 30 : r * 24;
          el.scrollLeft += 10;
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        }
        return (performance.now() - t0) / 30;
      }, rows);
    const wheel = await steps(3);
    const jump = await steps(null);
    console.log(
      `timeline, 2 000 measures: ${idle.toFixed(1)} ms for two frames at rest, ${wheel.toFixed(1)} ms per wheel step of three rows, ${jump.toFixed(1)} ms per jump of 1/30 of the plan`,
    );
    await row(ids.bigLast).waitFor();
    expect(await page.getByTestId('timeline-row').count()).toBeLessThan(80);
    const frame = await box.evaluate((el) => el.getBoundingClientRect());
    const scale = await page.getByTestId('timeline-scale').evaluate((el) => el.getBoundingClientRect());
    expect(Math.abs(scale.top - frame.top)).toBeLessThan(2);
    const name = await row(ids.bigLast)
      .getByTestId('timeline-name')
      .evaluate((el) => el.getBoundingClientRect());
    expect(Math.abs(name.left - frame.left)).toBeLessThan(2);
    expect(await row(ids.bigLast).textContent()).toContain('Мероприятие 20-100');
    await screenshot(page, 'timeline-2000');
  });

  it('prints landscape pages, the scale repeated on each', async () => {
    await open(ids.big);
    // The browser's print dialog would wait for a person: the page is printed to PDF instead.
    await page.evaluate(() => (window.print = () => {}));
    for (const [paper, size] of [
      ['A4', [841.92, 595.92]],
      ['A3', [1190.88, 841.92]],
    ] as const) {
      await page.getByRole('combobox', { name: 'Формат листа' }).click();
      await page.locator('.ant-select-item-option', { hasText: `${paper}, альбомный` }).click();
      await page.getByRole('button', { name: 'Печать / PDF' }).click();
      await page.getByTestId('timeline-print').waitFor({ state: 'attached' });
      const sheets = await page.locator('[data-testid="timeline-print"] .sheet svg').count();
      // Each sheet starts with the scale: its year and quarter cells.
      const headed = await page
        .locator('[data-testid="timeline-print"] .sheet svg')
        .evaluateAll((svgs) =>
          svgs.map((s) => [...s.querySelectorAll('[data-testid="scale-cell"] title')].map((t) => t.textContent).join('|')),
        );
      expect(headed).toHaveLength(sheets);
      for (const h of headed) expect(h).toContain('I кв. 2024|II кв. 2024');
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      // Every sheet of rows is a page, plus the page of unread terms if any (none here).
      expect(boxes.length).toBe(sheets);
      expect(sheets).toBeGreaterThan(paper === 'A4' ? 60 : 35);
      for (const [w, h] of boxes) {
        expect(Math.abs(w! - size[0])).toBeLessThan(2);
        expect(Math.abs(h! - size[1])).toBeLessThan(2);
      }
      // Printing ends with «afterprint» (page.pdf() sends it too): the sheets go.
      await page.getByTestId('timeline-print').waitFor({ state: 'detached' });
    }
  }, 240_000);

  it('logged no page error and no refused call', () => {
    expect(errors.join('\n')).toBe('');
  });
});
