/**
 * What the plan editor shows: the plan's rows, or — with a filter or a sort — the matching measures.
 * Pure (no DOM, no API): the screen passes in what it loaded (schools, this quarter's statuses, the
 * overdue measures as the database's rule in db/terms/due.ts found them), so there is one rule each.
 * Rows keep their place in the real plan (`index` inside their section), so Insert after a measure
 * shown in a filtered or sorted view still lands after it in the plan.
 */
import type { ExecutionStatus } from '../../../../shared/labels';
import { namesSchool, type SchoolNames } from '../../../../shared/school-match';

export interface ViewMeasure {
  id: number;
  number: string;
  name: string;
  term: string;
  executors: string;
  links: { personId: number | null; organizationId: number | null }[];
  parsed: { kind: string; start: string | null; end: string | null; due: string[] };
}

export interface ViewSection<M extends ViewMeasure> {
  id: number | null;
  number: string;
  title: string | null;
  measures: M[];
}

export type ViewRow<S, M> =
  | { key: string; kind: 'section'; section: S; index: number }
  | { key: string; kind: 'measure'; measure: M; sectionId: number | null; index: number };

export type PlanSort = 'number' | 'term' | 'executor';

export interface PlanFilter {
  /** Free text in the executors as written or in the names of linked people (case and ё ignored). */
  executor: string;
  schoolId: number | null;
  /** A section's id, 'none' for measures outside any section, null for all. */
  section: number | 'none' | null;
  /** A term window (ISO dates, either end open): the measure's reading (start–end or a due date) meets it. */
  from: string | null;
  to: string | null;
  /** The status marked for the current quarter; 'none' — nothing marked yet. */
  status: ExecutionStatus | 'none' | null;
  overdue: boolean;
  unparsed: boolean;
}

export const NO_FILTER: PlanFilter = {
  executor: '',
  schoolId: null,
  section: null,
  from: null,
  to: null,
  status: null,
  overdue: false,
  unparsed: false,
};

export function filterCount(f: PlanFilter): number {
  return [
    f.executor.trim() !== '',
    f.schoolId !== null,
    f.section !== null,
    f.from !== null || f.to !== null,
    f.status !== null,
    f.overdue,
    f.unparsed,
  ].filter(Boolean).length;
}

export interface ViewContext {
  schools: readonly SchoolNames[];
  personName: (id: number | null) => string;
  /** Status of each measure in the current quarter (absent: not marked). */
  statuses: ReadonlyMap<number, ExecutionStatus>;
  /** Measures with a due date passed and not done (from the API), or null while not loaded. */
  overdue: ReadonlySet<number> | null;
}

export const fold = (s: string) => s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');

/** The dates a term was read as: its span and its due dates. */
function datesOf(m: ViewMeasure): string[] {
  return [m.parsed.start, m.parsed.end, ...m.parsed.due].filter((d): d is string => Boolean(d));
}

/** The earliest date of a term, for sorting by term; unread terms sort last. */
export function earliest(m: ViewMeasure): string | null {
  const ds = datesOf(m);
  return ds.length ? ds.reduce((a, b) => (b < a ? b : a)) : null;
}

function meetsWindow(m: ViewMeasure, from: string, to: string): boolean {
  const { start, end, due } = m.parsed;
  if (start && end && start <= to && end >= from) return true;
  return due.some((d) => d >= from && d <= to);
}

export function matches(m: ViewMeasure, sectionId: number | null, f: PlanFilter, ctx: ViewContext): boolean {
  if (f.section !== null && (f.section === 'none' ? sectionId !== null : sectionId !== f.section)) return false;
  if (f.unparsed && m.parsed.kind !== 'unparsed') return false;
  if (f.overdue && !(ctx.overdue?.has(m.id) ?? false)) return false;
  if (f.status !== null && (ctx.statuses.get(m.id) ?? 'none') !== f.status) return false;
  if (f.from !== null || f.to !== null) {
    if (m.parsed.kind === 'unparsed' || !meetsWindow(m, f.from ?? '0000-01-01', f.to ?? '9999-12-31')) return false;
  }
  const text = fold(f.executor.trim());
  if (text) {
    const names = [m.executors, ...m.links.map((l) => ctx.personName(l.personId))].map(fold);
    if (!names.some((n) => n.includes(text))) return false;
  }
  if (f.schoolId !== null) {
    // A link to the school counts as well as the school named in the text («СОШ № 2», never «СОШ № 24»).
    const school = ctx.schools.find((s) => s.id === f.schoolId);
    if (!m.links.some((l) => l.organizationId === f.schoolId) && !(school && namesSchool(m.executors, school))) return false;
  }
  return true;
}

/** The plan as rows: sections as full-width rows with their measures, `index` the place in the section. */
export function planRows<S extends ViewSection<M>, M extends ViewMeasure>(sections: readonly S[]): ViewRow<S, M>[] {
  const rows: ViewRow<S, M>[] = [];
  let sectionIndex = 0;
  for (const s of sections) {
    if (s.id !== null) rows.push({ key: `s${s.id}`, kind: 'section', section: s, index: sectionIndex++ });
    s.measures.forEach((m, i) => rows.push({ key: `m${m.id}`, kind: 'measure', measure: m, sectionId: s.id, index: i }));
  }
  return rows;
}

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

/**
 * The rows to show. In the plan's order, a filter keeps the sections that still have matching
 * measures (as headings); a sort by term or executor shows the measures alone, since sections
 * would be torn apart. Ties keep the plan's order.
 */
export function viewRows<S extends ViewSection<M>, M extends ViewMeasure>(
  sections: readonly S[],
  f: PlanFilter,
  sort: PlanSort,
  ctx: ViewContext,
): ViewRow<S, M>[] {
  const all = planRows<S, M>(sections);
  if (sort === 'number' && filterCount(f) === 0) return all;
  const kept = all.filter((r) => r.kind === 'measure' && matches(r.measure, r.sectionId, f, ctx)) as Extract<
    ViewRow<S, M>,
    { kind: 'measure' }
  >[];
  if (sort === 'number') {
    const withMeasures = new Set(kept.map((r) => r.sectionId));
    return all.filter((r) => (r.kind === 'section' ? withMeasures.has(r.section.id) : kept.includes(r)));
  }
  const order = new Map(kept.map((r, i) => [r.key, i]));
  const byPlan = (a: ViewRow<S, M>, b: ViewRow<S, M>) => order.get(a.key)! - order.get(b.key)!;
  const key = (r: (typeof kept)[number]) => (sort === 'term' ? earliest(r.measure) : fold(r.measure.executors.trim()) || null);
  return [...kept].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) return byPlan(a, b);
    if (ka === null) return 1;
    if (kb === null) return -1;
    return (sort === 'term' ? (ka < kb ? -1 : 1) : collator.compare(ka, kb)) || byPlan(a, b);
  });
}

/** Shown rows in the plan's own order: moving a row by keyboard or dragging makes sense only then. */
export const isPlanOrder = (f: PlanFilter, sort: PlanSort) => sort === 'number' && filterCount(f) === 0;
