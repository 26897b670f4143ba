/**
 * The quarterly report's «Ход выполнения» sheet read back by openpyxl (the shares by quarter as numbers
 * under «Доля выполненных, %», a column per roadmap and the total), its picture found in the sheet's
 * drawing, and the picture itself checked pixel by pixel (pngjs): lines where the shares are, gaps
 * where there is none.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import type { ProgressSeries } from '../../db/progress';
import { callApi } from '../../electron/api/call';
import { plotBox, progressChartPng, xOf, yOf } from '../../electron/reports/progress-chart';
import { DISTRICT_COLOR, LINE_COLORS } from '../../shared/progress-colors';
import { apiOf, closeDatabase, freshDb, tempDir } from '../helpers';
import { readXlsx, type Sheet } from './xlsx';

let db: Db;
let sheets: Sheet[];
let pictures: Record<string, string[]>;
const dir = tempDir('rmk-progress-report-');
const file = path.join(dir, 'report.xlsx');

beforeAll(async () => {
  db = freshDb();
  const api = apiOf(db);
  const year = api('roadmaps.create', { title: 'Карта 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
  const school = api('roadmaps.create', { title: 'Карта 2024/2025', periodStart: '2024-07-01', periodEnd: '2025-06-30' });
  const add = (roadmapId: number, name: string, term: string) =>
    api('plan.addMeasure', { roadmapId, sectionId: null, values: { name, term } });
  const mark = (measureId: number, quarter: string, status: 'done' | 'done_late' | 'not_done') =>
    api('execution.set', { measureId, quarter, status });
  const quarterly = add(year.id, 'Отчёт', 'ежеквартально');
  const late = add(year.id, 'Семинар', 'Март 2024');
  add(year.id, 'Совещание', 'до 15 мая 2024');
  add(year.id, 'Курсы', 'Октябрь 2024');
  mark(quarterly, '2024-Q1', 'done');
  mark(quarterly, '2024-Q2', 'done');
  mark(late, '2024-Q2', 'done_late'); // March's seminar, done late: counts for I кв.
  const september = add(school.id, 'Собрание', 'до 15 сентября');
  add(school.id, 'Педсовет', 'до 30 мая');
  mark(september, '2024-Q3', 'done');

  const report = await callApi({ db }, 'reports.download', { quarter: '2024-Q3', date: '2024-10-03' });
  if (!report.ok) throw new Error(report.error.message);
  fs.writeFileSync(file, Buffer.from((report.value as { base64: string }).base64, 'base64'));
  sheets = readXlsx(file);
  const r = spawnSync('/usr/bin/python3', [path.join(__dirname, 'read_images.py'), file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  pictures = JSON.parse(r.stdout) as Record<string, string[]>;
});
afterAll(() => closeDatabase(db));

describe("the report's «Ход выполнения» sheet", () => {
  it('stands after the summary and holds the shares by quarter per roadmap and in total', () => {
    expect(sheets.map((s) => s.name).slice(0, 2)).toEqual(['Сводка', 'Ход выполнения']);
    const ws = sheets[1]!;
    expect(ws.rows[1]![0]).toBe('Ход выполнения по кварталам');
    expect(ws.rows[4]!.slice(0, 2)).toEqual(['Квартал', 'Доля выполненных, %']);
    expect(ws.merged).toEqual(expect.arrayContaining(['A5:A6', 'B5:D5']));
    // The summary's order (newest period first), then the total.
    expect(ws.rows[5]!.slice(1, 4)).toEqual(['Карта 2024/2025', 'Карта 2024', 'Итого']);
    const table = ws.rows.slice(6, 12).map((r) => r.slice(0, 4));
    expect(table).toEqual([
      // Due in I кв.: the report and the seminar (done late) — both done.
      ['I кв. 2024', null, 100, 100],
      // Due in II кв.: the report (done) and the meeting (no mark).
      ['II кв. 2024', null, 50, 50],
      // The report's quarter: the September meeting done; the calendar year's report not marked.
      ['III кв. 2024', 100, 0, 50],
      // After the report's quarter: nothing yet.
      ['IV кв. 2024', null, null, null],
      ['I кв. 2025', null, null, null],
      ['II кв. 2025', null, null, null],
    ]);
    expect(ws.formats.C7).toBe('0.0');
    // The report's own quarter stands out.
    expect(ws.bold).toEqual(expect.arrayContaining(['A9', 'B9', 'C9', 'D9']));
    expect(ws.bold).not.toContain('A8');
  });

  it("shows the chart as a picture in that sheet, besides the summary's bar chart", () => {
    expect(pictures['Ход выполнения']).toHaveLength(1);
    expect(pictures['Сводка']).toHaveLength(1);
    expect(pictures['Ход выполнения']![0]).not.toBe(pictures['Сводка']![0]);
  });
});

describe('the progress picture', () => {
  const point = (quarter: string, share: number | null) => ({ quarter, label: quarter, due: 1, done: 0, share });
  const series: ProgressSeries[] = [
    { roadmapId: 1, title: 'А', points: [point('2024-Q1', 1), point('2024-Q2', 0.5), point('2024-Q3', null), point('2024-Q4', 0)] },
    { roadmapId: 2, title: 'Б', points: [point('2024-Q3', 0), point('2024-Q4', 0.25)] },
    {
      roadmapId: null,
      title: 'Итого',
      points: [point('2024-Q1', 0.4), point('2024-Q2', 0.4), point('2024-Q3', 0.4), point('2024-Q4', 0.4)],
    },
  ];
  const png = PNG.sync.read(progressChartPng(series, 720, 300));
  const box = plotBox(720, 300);
  const at = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)];
  const x = (i: number) => xOf(box, i, 4);
  const mid = (a: number, b: number) => Math.round((a + b) / 2);

  it('draws each roadmap in its colour through its points, the total thick on top', () => {
    expect([png.width, png.height]).toEqual([720, 300]);
    expect(at(x(0), yOf(box, 1))).toEqual(LINE_COLORS[0]);
    // Halfway between I кв. (100 %) and II кв. (50 %): on the line.
    expect(at(mid(x(0), x(1)), yOf(box, 0.75))).toEqual(LINE_COLORS[0]);
    expect(at(mid(x(0), x(1)), mid(yOf(box, 1), yOf(box, 0.5)) + 8)).not.toEqual(LINE_COLORS[0]);
    expect(at(x(3), yOf(box, 0.25))).toEqual(LINE_COLORS[1]);
    // The total is 5 px thick: 2 px above its centre is still its colour.
    expect(at(mid(x(1), x(2)), yOf(box, 0.4) - 2)).toEqual(DISTRICT_COLOR);
    expect(at(mid(x(1), x(2)), yOf(box, 0.4) - 4)).toEqual([255, 255, 255]);
  });

  it('leaves a gap where a quarter has no share, and draws the 25 % gridlines', () => {
    // Roadmap А has no III кв.: nothing of its colour between II кв. and IV кв.
    const column = (px: number) => Array.from({ length: box.bottom - box.top + 1 }, (_, i) => at(px, box.top + i));
    const own = (c: number[]) => c.join() === LINE_COLORS[0]!.join();
    expect(column(mid(x(1), x(2))).some(own)).toBe(false);
    expect(column(mid(x(2), x(3))).some(own)).toBe(false);
    expect(column(mid(x(0), x(1))).some(own)).toBe(true);
    for (const share of [0.25, 0.5, 1]) expect(at(box.left + 5, yOf(box, share))).toEqual([217, 217, 217]);
  });
});
