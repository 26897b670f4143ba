/**
 * Numbers of a roadmap that keeps its own (autoNumber off: an imported plan, numbers as printed):
 * after an insert, delete or move the touched groups continue their own pattern (shared/numbering.ts).
 * The rows as they were come from the change's undo capture, so only the touched groups are read —
 * plus, where measures are numbered through the plan («1.» … «31.» across sections), the following
 * sections as long as their numbers actually shift.
 */
import { touchedSoFar } from './history-capture';
import type { Db } from './open';
import { continueNumbering, dominantShape, lastValue, type Numbered, readNumber, withSectionNumber } from '../shared/numbering';

interface Row {
  id: number;
  position: number;
  number: string;
}

type Group = number | null;

const byPlace = (a: Row, b: Row) => a.position - b.position || a.id - b.id;
const numbered = (rows: Row[]): Numbered<number>[] => rows.map((r) => ({ key: r.id, number: r.number }));
const sameOrder = (a: Numbered<number>[], b: Numbered<number>[]) => a.length === b.length && a.every((r, i) => r.key === b[i]!.key);

export function continuePlanNumbers(db: Db, roadmapId: number, touchedGroups: Set<Group>): void {
  const touched = touchedSoFar(db);
  const setSection = db.sqlite.prepare('UPDATE sections SET number = ? WHERE id = ?');
  const setMeasure = db.sqlite.prepare('UPDATE measures SET number = ? WHERE id = ?');
  const sectionRows = db.sqlite.prepare('SELECT id, position, number FROM sections WHERE roadmap_id = ? ORDER BY position, id');
  const groupRows = (g: Group) =>
    (g === null
      ? db.sqlite
          .prepare('SELECT id, position, number FROM measures WHERE roadmap_id = ? AND section_id IS NULL ORDER BY position, id')
          .all(roadmapId)
      : db.sqlite.prepare('SELECT id, position, number FROM measures WHERE section_id = ? ORDER BY position, id').all(g)) as Row[];

  /** The rows of a table's group as they were before the change: untouched rows now, touched ones as captured. */
  const before = (table: 'sections' | 'measures', now: Row[], belongs: (image: Record<string, unknown>) => boolean): Row[] => {
    const images = new Map<number, Record<string, unknown> | null>();
    for (const t of touched) if (t.table === table) images.set(t.id, t.before);
    const rows = now.filter((r) => !images.has(r.id));
    for (const [id, image] of images)
      if (image && belongs(image)) rows.push({ id, position: image.position as number, number: image.number as string });
    return rows.sort(byPlace);
  };

  // Sections first: a measure number that starts with its section's («2.1») follows the section.
  const secsNow = sectionRows.all(roadmapId) as Row[];
  if (touched.some((t) => t.table === 'sections')) {
    const was = numbered(before('sections', secsNow, (i) => i.roadmap_id === roadmapId));
    const is = numbered(secsNow);
    if (!sameOrder(was, is)) {
      const { changes } = continueNumbering(was, is);
      for (const [id, number] of changes) {
        const old = secsNow.find((s) => s.id === id)!.number;
        setSection.run(number, id);
        for (const m of groupRows(id)) {
          const next = withSectionNumber(m.number, old, number);
          if (next !== m.number) setMeasure.run(next, m.id);
        }
        secsNow.find((s) => s.id === id)!.number = number;
      }
    }
  }

  // Then the measures of each touched group, in the order of the plan.
  const order: Group[] = [null, ...secsNow.map((s) => s.id)];
  const sectionNumber = new Map<Group, string>(secsNow.map((s) => [s.id, s.number]));
  const measureTouched = touched.filter((t) => t.table === 'measures');
  let carry: { before: number; after: number } | null = null; // where numbering runs through the plan
  let prevNumbers: string[] = [];
  for (let gi = 0; gi < order.length; gi++) {
    const g = order[gi]!;
    if (!touchedGroups.has(g) && carry === null) {
      prevNumbers = [];
      continue;
    }
    const now = groupRows(g);
    const was = before('measures', now, (i) => i.roadmap_id === roadmapId && (i.section_id ?? null) === g);
    const wasN = numbered(was);
    const isN = numbered(now);
    if (carry === null && sameOrder(wasN, isN)) {
      prevNumbers = now.map((r) => r.number);
      continue; // edited in place: a number typed by hand is not «corrected»
    }
    if (prevNumbers.length === 0 && carry === null && gi > 0) prevNumbers = previousNumbers(order, gi, groupRows);
    const shape = dominantShape(wasN.map((r) => r.number)) ?? dominantShape(prevNumbers);
    const prevLast = lastValue(prevNumbers, shape);
    const own = wasN.length > 0 ? wasN : isN;
    const through: boolean =
      carry !== null ||
      (prevLast !== null &&
        throughPlan(
          own.map((r) => r.number),
          prevLast,
          prevNumbers,
        )) ||
      throughPlan(
        nextNumbers(order, gi, groupRows),
        lastValue(
          own.map((r) => r.number),
          shape,
        ) ?? -1,
        own.map((r) => r.number),
      );
    const start: { before: number; after: number } =
      carry ?? (through && prevLast !== null ? { before: prevLast, after: prevLast } : { before: 0, after: 0 });
    const template = templateFor(prevNumbers, order[gi - 1], g, sectionNumber);
    const movedIn = new Set(measureTouched.filter((t) => t.before && (t.before.section_id ?? null) !== g).map((t) => t.id));
    const { changes, last }: { changes: Map<number, string>; last: number } = continueNumbering(wasN, isN, {
      startBefore: start.before,
      startAfter: start.after,
      template,
      movedIn,
    });
    for (const [id, number] of changes) setMeasure.run(number, id);
    const lastBefore =
      lastValue(
        wasN.map((r) => r.number),
        shape,
      ) ?? start.before;
    // Numbers through the plan: the next section shifts only if this one now ends elsewhere.
    carry = through && last !== lastBefore ? { before: lastBefore, after: last } : null;
    prevNumbers = isN.map((r) => changes.get(r.key) ?? r.number);
  }
}

/** The numbers of the nearest group before `gi` that has measures. */
function previousNumbers(order: Group[], gi: number, groupRows: (g: Group) => Row[]): string[] {
  for (let i = gi - 1; i >= 0; i--) {
    const rows = groupRows(order[i]!);
    if (rows.length > 0) return rows.map((r) => r.number);
  }
  return [];
}

/** The numbers of the nearest group after `gi` that has measures. */
function nextNumbers(order: Group[], gi: number, groupRows: (g: Group) => Row[]): string[] {
  for (let i = gi + 1; i < order.length; i++) {
    const rows = groupRows(order[i]!);
    if (rows.length > 0) return rows.map((r) => r.number);
  }
  return [];
}

/** Measures numbered through the plan: a group starts where the one before it ended («9.» after «8.»). */
function throughPlan(numbers: string[], prevLast: number, prevNumbers: string[]): boolean {
  const first = numbers.map(readNumber).find((p) => p !== null);
  const prevFirst = prevNumbers.map(readNumber).find((p) => p !== null);
  if (first) return first.prefix.trim() === '' && first.value === prevLast + 1 && prevLast > 0;
  // An empty section: through if the one before it did not start from 1.
  return prevFirst !== undefined && prevFirst.prefix.trim() === '' && prevFirst.value > 1;
}

/** The style of a first measure in an empty section: the previous section's, with this section's number. */
function templateFor(prevNumbers: string[], prevGroup: Group | undefined, g: Group, sectionNumber: Map<Group, string>) {
  const last = prevNumbers.at(-1);
  if (last === undefined) return null;
  const moved =
    prevGroup !== undefined && g !== null ? withSectionNumber(last, sectionNumber.get(prevGroup) ?? '', sectionNumber.get(g) ?? '') : last;
  return readNumber(moved);
}
