/**
 * The start screen's figures (`home.summary`) are the figures of «Сроки» and of the quarterly
 * report, read from both for the same dates — the demo district (2022, with protocol decisions and
 * marks) and 600 generated measures of 2024–2025 with marks and schools named in their executors —
 * and the imports of schools' answers are recorded with the answers, in the same transaction.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { homeSummary } from '../../db/home';
import type { Db } from '../../db/open';
import { schoolDirectory } from '../../db/organizations';
import { dueItems, type DueWindow } from '../../db/terms/due';
import { fillDemo } from '../../electron/demo';
import { applyAnswers } from '../../electron/reports/answers';
import { reportSelections, summarize } from '../../electron/reports/quarterly';
import { quarterOf } from '../../shared/quarters';
import { seedPlans } from '../bench/data';
import { apiOf, freshDb } from '../helpers';

const STATUSES = ['done', 'done_late', 'in_progress', 'not_done', 'postponed', 'not_started'] as const;
let db: Db;

beforeAll(() => {
  db = freshDb();
  fillDemo(db);
  const school = db.sqlite.prepare("INSERT INTO organizations (kind, name, short_name) VALUES ('school', ?, ?)");
  // The generated executors name these schools in text; one is linked as an executor instead.
  for (const name of ['МБОУ СОШ с. Булава', 'МБОУ ООШ с. Солонцы', 'МБОУ СОШ п. Де-Кастри']) school.run(name, name.replace('МБОУ ', ''));
  seedPlans(db, 600, 200);
  const ids = db.sqlite.prepare("SELECT id FROM measures WHERE name LIKE '%этап%' ORDER BY id").pluck().all() as number[];
  const mark = db.sqlite.prepare('INSERT INTO executions (measure_id, quarter, status) VALUES (?, ?, ?)');
  const link = db.sqlite.prepare('INSERT INTO measure_executors (measure_id, organization_id) VALUES (?, ?)');
  const linked = db.sqlite.prepare("SELECT id FROM organizations WHERE short_name = 'СОШ с. Булава'").pluck().get() as number;
  ids.forEach((id, i) => {
    for (let q = 1; q <= i % 5; q++) mark.run(id, `2024-Q${q}`, STATUSES[(i + q) % STATUSES.length]);
    if (i % 7 === 0) link.run(id, linked);
  });
});

const DATES = ['2022-05-18', '2022-11-15', '2024-02-29', '2024-11-15', '2025-06-02'];
const lineKey = (x: { source: string; id: number }) => `${x.source}${x.id}`;
const list = (today: string, window: DueWindow, schoolId?: number) => dueItems(db, { today, window, showDone: false, schoolId });

describe('the start screen counts as «Сроки» lists', () => {
  for (const today of DATES)
    it(`on ${today}: overdue, this week and this month, with the same first lines`, () => {
      const s = homeSummary(db, today);
      for (const w of ['overdue', 'week', 'month'] as const) {
        const lines = list(today, w);
        expect(s[w].count, w).toBe(lines.length);
        expect(s[w].first.map(lineKey), w).toEqual(lines.slice(0, 5).map(lineKey));
      }
    });

  it('has something in each list on a busy day, so the comparison is not of empty lists', () => {
    const s = homeSummary(db, '2024-11-15');
    expect(s.overdue.count).toBeGreaterThan(100);
    expect(s.month.count).toBeGreaterThan(10);
    expect(s.overdue.first).toHaveLength(5);
    // Protocol decisions are lines too: some date of the comparison has them overdue and due in its month.
    expect(DATES.some((d) => list(d, 'overdue').some((x) => x.source === 'decision'))).toBe(true);
  });

  for (const today of ['2022-11-15', '2024-11-15'])
    it(`on ${today}: the schools by overdue count are «Сроки» filtered by each school`, () => {
      const s = homeSummary(db, today);
      const counts = schoolDirectory(db)
        .map((sc) => ({ schoolId: sc.id, overdue: list(today, 'overdue', sc.id).length }))
        .filter((x) => x.overdue > 0);
      expect(s.schools.length).toBe(Math.min(10, counts.length));
      for (const x of s.schools) expect(x.overdue, x.name).toBe(counts.find((c) => c.schoolId === x.schoolId)?.overdue);
      // Sorted by count, and no school left out has more than the last one shown.
      expect(s.schools.map((x) => x.overdue)).toEqual([...s.schools.map((x) => x.overdue)].sort((a, b) => b - a));
      const shown = new Set(s.schools.map((x) => x.schoolId));
      for (const c of counts) if (!shown.has(c.schoolId)) expect(c.overdue).toBeLessThanOrEqual(s.schools.at(-1)!.overdue);
      if (today === '2024-11-15') expect(s.schools.length).toBeGreaterThanOrEqual(3);
    });
});

describe("the start screen's quarter is the quarterly report's summary", () => {
  for (const today of DATES)
    it(`on ${today}`, () => {
      const s = homeSummary(db, today);
      expect(s.quarter).toBe(quarterOf(today));
      const report = reportSelections(db, { quarter: s.quarter }).map(summarize);
      expect(s.progress.map((p) => ({ roadmapId: p.roadmapId, total: p.total, counts: p.counts }))).toEqual(
        report.map((l) => ({ roadmapId: l.roadmapId, total: l.total, counts: l.counts })),
      );
      expect(s.progress.reduce((n, p) => n + p.total, 0)).toBeGreaterThan(0);
    });
});

describe('the imports of schools’ answers', () => {
  it('are recorded with the answers, newest first, with the schools, quarters and files', () => {
    const [m1, m2] = db.sqlite.prepare("SELECT id FROM measures WHERE name LIKE '%этап%' ORDER BY id LIMIT 2").pluck().all() as number[];
    const school = db.sqlite.prepare("SELECT id FROM organizations WHERE short_name = 'ООШ с. Солонцы'").pluck().get() as number;
    expect(homeSummary(db, '2024-11-15').imports).toEqual([]);
    applyAnswers(db, [
      { measureId: m1!, quarter: '2024-Q3', values: { status: 'done' }, schoolId: school, file: 'Солонцы.xlsx' },
      { measureId: m2!, quarter: '2024-Q4', values: { status: 'in_progress' }, schoolId: school, file: 'Солонцы.xlsx' },
    ]);
    const [last] = homeSummary(db, '2024-11-15').imports;
    expect(last).toMatchObject({ quarters: '2024-Q3, 2024-Q4', schools: 'ООШ с. Солонцы', files: 'Солонцы.xlsx', answers: 2 });
  });

  it('are not recorded when the answers are refused, nor answers written without their record', () => {
    const before = db.sqlite.prepare('SELECT count(*) FROM answer_imports').pluck().get();
    const marks = db.sqlite.prepare('SELECT count(*) FROM executions').pluck().get();
    const m = db.sqlite.prepare("SELECT id FROM measures WHERE name LIKE '%этап%' ORDER BY id DESC LIMIT 1").pluck().get() as number;
    expect(() => applyAnswers(db, [{ measureId: m, quarter: '2024-Q3', values: { status: 'done' }, schoolId: 987654 }])).toThrow(
      /не найден/i,
    );
    expect(db.sqlite.prepare('SELECT count(*) FROM answer_imports').pluck().get()).toBe(before);
    expect(db.sqlite.prepare('SELECT count(*) FROM executions').pluck().get()).toBe(marks);
  });

  it('reach the API: home.summary with a date answers the same figures', () => {
    const s = apiOf(db)('home.summary', { today: '2024-11-15' });
    expect(s.overdue.count).toBe(list('2024-11-15', 'overdue').length);
    expect(s.imports.length).toBe(1);
  });
});
