/**
 * The one rule for «выполнено» and «просрочено» (shared/execution-rules.ts), and the guard that keeps
 * it the only one: no other module under db/, electron/, renderer/ or shared/ lists the done statuses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DONE_STATUSES, isDoneStatus, isDueDone, isOverdue, quarterOfDue, type QuarterMark } from '../../shared/execution-rules';
import { dueSummary, sortDue, timesRu } from '../../shared/due-view';

const mark = (quarter: string, status: QuarterMark['status']): QuarterMark => ({ quarter, status });

describe('done and overdue', () => {
  it('counts «выполнено» and «выполнено с нарушением срока» as done, nothing else', () => {
    expect([...DONE_STATUSES]).toEqual(['done', 'done_late']);
    expect(
      ['not_started', 'in_progress', 'done', 'done_late', 'not_done', 'postponed', null].map((s) =>
        isDoneStatus(s as QuarterMark['status'] | null),
      ),
    ).toEqual([false, false, true, true, false, false, false]);
  });

  it('a due date is answered by the mark of its calendar quarter', () => {
    expect(quarterOfDue('2024-03-31')).toBe('2024-Q1');
    expect(quarterOfDue('2024-04-01')).toBe('2024-Q2');
    expect(isDueDone('2024-03-25', ['2024-03-25'], [mark('2024-Q1', 'done')])).toBe(true);
    expect(isDueDone('2024-03-25', ['2024-03-25'], [mark('2024-Q1', 'in_progress')])).toBe(false);
    expect(isDueDone('2024-03-25', ['2024-03-25'], [])).toBe(false);
  });

  it('a single date done late (next quarter) or early (previous quarter) is done', () => {
    expect(isDueDone('2024-04-05', ['2024-04-05'], [mark('2024-Q2', 'not_done'), mark('2024-Q3', 'done_late')])).toBe(true);
    expect(isDueDone('2024-04-05', ['2024-04-05'], [mark('2024-Q1', 'done')])).toBe(true);
  });

  it("a recurring measure: the second quarter's «выполнено» says nothing about the first", () => {
    const weekly = ['2024-03-04', '2024-03-11', '2024-04-01', '2024-04-08'];
    const marks = [mark('2024-Q2', 'done')];
    expect(weekly.map((d) => isDueDone(d, weekly, marks))).toEqual([false, false, true, true]);
    // Due in Q1 and Q3: a mark in Q2 (with nothing due) is Q1 done late, not Q3 done early.
    expect(['2024-03-01', '2024-09-01'].map((d) => isDueDone(d, ['2024-03-01', '2024-09-01'], [mark('2024-Q2', 'done')]))).toEqual([
      true,
      false,
    ]);
    // Before the first due quarter a mark is an early completion of that first one only.
    expect(['2024-06-01', '2024-09-01'].map((d) => isDueDone(d, ['2024-06-01', '2024-09-01'], [mark('2024-Q1', 'done')]))).toEqual([
      true,
      false,
    ]);
  });

  it('overdue: the date has passed (before today) and it is not done', () => {
    expect(isOverdue('2024-04-07', '2024-04-08', false)).toBe(true);
    expect(isOverdue('2024-04-08', '2024-04-08', false)).toBe(false);
    expect(isOverdue('2024-04-07', '2024-04-08', true)).toBe(false);
  });
});

describe('a line of «Сроки»', () => {
  const line = (due: string, origin: string, executors: string, status: QuarterMark['status'] | null, number = '1') => ({
    due,
    origin,
    executors,
    status,
    number,
    overdueCount: 0,
    nextDue: null,
    dates: [due],
    term: '',
  });

  it('reads «еженедельно — просрочено 14 раз, следующий срок 07.12.2025»', () => {
    expect(
      dueSummary({ ...line('2025-09-01', 'К', '', null), term: 'еженедельно', overdueCount: 14, nextDue: '2025-12-07', dates: Array(14) }),
    ).toBe('еженедельно — просрочено 14 раз, следующий срок 07.12.2025');
    expect(dueSummary({ ...line('2025-09-01', 'К', '', null), term: 'ежемесячно', overdueCount: 0, nextDue: null, dates: Array(3) })).toBe(
      'ежемесячно — сроков: 3',
    );
    expect(dueSummary(line('2025-09-01', 'К', '', null))).toBe('');
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 112].map(timesRu)).toEqual([
      '1 раз',
      '2 раза',
      '4 раза',
      '5 раз',
      '11 раз',
      '12 раз',
      '14 раз',
      '21 раз',
      '22 раза',
      '25 раз',
      '101 раз',
      '112 раз',
    ]);
  });

  it('sorts by date, roadmap, executor and status, both ways', () => {
    const xs = [
      line('2024-05-01', 'Б', 'Гокова', 'done'),
      line('2024-03-01', 'В', 'Агеева', null),
      line('2024-04-01', 'А', 'Борисов', 'in_progress'),
    ];
    const dues = (ys: typeof xs) => ys.map((y) => y.due);
    expect(dues(sortDue(xs))).toEqual(['2024-03-01', '2024-04-01', '2024-05-01']);
    expect(dues(sortDue(xs, 'due', 'descend'))).toEqual(['2024-05-01', '2024-04-01', '2024-03-01']);
    expect(dues(sortDue(xs, 'origin'))).toEqual(['2024-04-01', '2024-05-01', '2024-03-01']);
    expect(dues(sortDue(xs, 'executors'))).toEqual(['2024-03-01', '2024-04-01', '2024-05-01']);
    expect(dues(sortDue(xs, 'status'))).toEqual(['2024-03-01', '2024-04-01', '2024-05-01']);
    expect(dues(sortDue(xs, 'status', 'descend'))).toEqual(['2024-05-01', '2024-04-01', '2024-03-01']);
  });
});

describe('one place for the done statuses', () => {
  const ROOT = path.resolve(__dirname, '../..');
  const files = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'migrations' ? [] : files(rel);
      return /\.tsx?$/.test(e.name) ? [rel] : [];
    });
  // shared/labels.ts holds every status code in order; shared/execution-rules.ts is the rule itself.
  const ALLOWED = new Set([path.join('shared', 'labels.ts'), path.join('shared', 'execution-rules.ts')]);
  const SECOND_RULE = [
    /['"]done['"]\s*,\s*['"]done_late['"]/, // a list of the done statuses
    /['"]done_late['"]\s*,\s*['"]done['"]/,
    /[!=]==?\s*['"]done(_late)?['"]/, // status === 'done'
    /['"]done(_late)?['"]\s*[!=]==?/,
    /\.done\s*\+\s*[\w.]*\.done_late/, // counts.done + counts.done_late
    /\bDONE\s*[:=]/, // a local DONE list
  ];

  it('finds a second list in a module written that way (the guard can fail)', () => {
    const sample = "const DONE: ExecutionStatus[] = ['done', 'done_late'];\nif (status === 'done') share = (c.done + c.done_late) / n;";
    expect(SECOND_RULE.filter((re) => re.test(sample)).length).toBeGreaterThanOrEqual(4);
  });

  it('no module but shared/execution-rules.ts decides which statuses are done', () => {
    const offenders = ['db', 'electron', 'renderer/src', 'shared']
      .flatMap(files)
      .filter((f) => !ALLOWED.has(f))
      .flatMap((f) => {
        const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
        return text.split('\n').flatMap((l, i) => (SECOND_RULE.some((re) => re.test(l)) ? [`${f}:${i + 1}: ${l.trim()}`] : []));
      });
    expect(offenders).toEqual([]);
  });

  it("«Сроки», the quarter's report selection and the protocol decisions use it", () => {
    for (const f of ['db/terms/due.ts', 'db/quarter-selection.ts', 'db/decision-execution.ts', 'electron/reports/quarterly.ts'])
      expect(fs.readFileSync(path.join(ROOT, f), 'utf8'), f).toMatch(/from '(\.\.\/)+shared\/execution-rules'/);
  });
});
