/**
 * `npm run bench`: times what the plan editor does on a 500-measure roadmap, each as a ratio
 * against a baseline measured in the same run (reading the same rows with one bare SELECT),
 * so the figures compare across machines. Prints one JSON line per case; the undo history's
 * growth and its edit time at 500 vs 10 000 measures come last (tests/bench/history.ts).
 */
import { performance } from 'node:perf_hooks';
import { callApiSync as callApi } from '../../electron/api/call';
import { addMeasure, addSection } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { parseTerm } from '../../db/terms/parse';
import { buildQuarterlyReport } from '../../electron/reports/quarterly';
import { closeDatabase, freshDb } from '../helpers';
import { benchHistory } from './history';

const db = freshDb();
const roadmapId = db.sqlite.transaction(() => {
  const r = createRoadmap(db, { title: 'Бенчмарк', periodStart: '2024-01-01', periodEnd: '2026-12-31' });
  for (let s = 0; s < 10; s++) {
    const sectionId = addSection(db, r.id, `Раздел ${s + 1}`);
    for (let i = 0; i < 50; i++)
      addMeasure(db, r.id, sectionId, {
        name: `Мероприятие ${s}.${i} ${'текст '.repeat(30)}`,
        term: 'Ежеквартально',
        executors: 'Рабочая группа',
        result: 'Результат '.repeat(10),
      });
  }
  return r.id;
})();
const ids = db.sqlite.prepare('SELECT id FROM measures ORDER BY id').pluck().all() as number[];
const firstSection = db.sqlite.prepare('SELECT min(id) FROM sections').pluck().get() as number;

function time(fn: () => unknown, runs = 30): number {
  for (let i = 0; i < 3; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const call = (m: string, input: unknown) => {
  const r = callApi({ db }, m, input);
  if (!r.ok) throw new Error(r.error.message);
};
const baseline = time(() => db.sqlite.prepare('SELECT * FROM measures WHERE roadmap_id = ?').all(roadmapId));
const cases: [string, () => unknown][] = [
  ['plan.get (500 measures)', () => call('plan.get', { roadmapId })],
  [
    'plan.moveMeasure (history step + renumber of its section)',
    () => call('plan.moveMeasure', { id: ids[0], sectionId: firstSection, index: 25 }),
  ],
  ['plan.updateMeasure', () => call('plan.updateMeasure', { id: ids[10], values: { term: 'Май 2024' } })],
  ['execution.grid (500 × 12 quarters)', () => call('execution.grid', { roadmapId })],
  ['search.measures', () => call('search.measures', { query: 'мероприятие 7.4' })],
];
console.log(JSON.stringify({ case: 'baseline: bare SELECT of 500 measures', medianMs: +baseline.toFixed(3), ratio: 1 }));
for (const [name, fn] of cases) {
  const ms = time(fn);
  console.log(JSON.stringify({ case: name, medianMs: +ms.toFixed(3), ratio: +(ms / baseline).toFixed(1) }));
}

// Terms: 10 000 real-looking phrases parsed against a period, against the same baseline.
const PHRASES = [
  'До 10 февраля 2024',
  'Март –май 2024',
  'Ежемесячно',
  'Ежегодно в мае',
  '2 – 3 квартал 2024',
  'По итогам каждой четверти',
  'В течение всего срока действия программы',
  'С 01.03.2024',
  'Октябрь, ноябрь 2024',
  'до 5мая 2024',
  'октябрь2024',
  'По мере поступления запросов',
  'Ноябрь 2024 – февраль 2025',
  '28 октября – 8 ноября 2024',
  'ежеквартально',
  '2024/2025 учебный год',
];
const terms = Array.from({ length: 10_000 }, (_, i) => PHRASES[i % PHRASES.length]!);
const ctx = { period: { start: '2024-01-01', end: '2025-12-31' }, calendar: {} };
const parseAll = time(() => terms.forEach((t) => parseTerm(t, ctx)), 5);
console.log(JSON.stringify({ case: 'parse 10 000 terms', medianMs: +parseAll.toFixed(1), ratio: +(parseAll / baseline).toFixed(1) }));

// The quarterly report for 20 roadmaps × 100 measures, against the same baseline.
const big = freshDb();
const roadmapIds = big.sqlite.transaction(() =>
  Array.from({ length: 20 }, (_, r) => {
    const rm = createRoadmap(big, { title: `Дорожная карта ${r + 1}`, periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    for (let s = 0; s < 4; s++) {
      const sectionId = addSection(big, rm.id, `Раздел ${s + 1}`);
      for (let i = 0; i < 25; i++)
        addMeasure(big, rm.id, sectionId, {
          name: `Мероприятие ${r}.${s}.${i} ${'текст '.repeat(20)}`,
          term: i % 2 ? 'ежеквартально' : 'Апрель – июнь 2024',
          executors: 'Рабочая группа',
          result: 'Результат '.repeat(8),
        });
    }
    return rm.id;
  }),
)();
void (async () => {
  const reportRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await buildQuarterlyReport(big, { quarter: '2024-Q2', roadmapIds, date: '2024-07-01' });
    reportRuns.push(performance.now() - t0);
  }
  const reportMs = reportRuns.sort((a, b) => a - b)[1]!;
  console.log(
    JSON.stringify({
      case: 'quarterly report, 20 roadmaps × 100 measures',
      medianMs: +reportMs.toFixed(0),
      ratio: +(reportMs / baseline).toFixed(0),
    }),
  );
  closeDatabase(big);
  closeDatabase(db);
  benchHistory();
})();
