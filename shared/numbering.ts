/**
 * Numbering in a plan's own style. An imported plan keeps its numbers as printed («1.», «4. 8»,
 * «1.1.», «IV», «б)»), so a new or moved row cannot simply get «1.1»: its number is read as a
 * pattern (what stands before the counter, the counter's kind, what follows it) and the edit
 * continues it. Pure: the database (db/plan.ts) and any screen use the same rule.
 */

export type CounterKind = 'arabic' | 'roman' | 'romanLower' | 'cyrillic' | 'latin';

/** A number as printed, split around its last counter: «4. 8» → prefix «4. », 8, suffix «». */
export interface NumberParts {
  prefix: string;
  kind: CounterKind;
  value: number;
  suffix: string;
}

// Russian lists skip ё, й, ъ, ы, ь (and some skip з/о too, which a reader cannot tell from a gap).
const CYRILLIC = 'абвгдежзиклмнопрстуфхцчшщэюя';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function fromRoman(s: string): number | null {
  const u = s.toUpperCase();
  let value = 0;
  let rest = u;
  for (const [n, r] of ROMAN)
    while (rest.startsWith(r)) {
      value += n;
      rest = rest.slice(r.length);
    }
  // Only the canonical spelling counts: «IIII» or «VX» are not numbers a plan prints.
  return rest === '' && value > 0 && toRoman(value) === u ? value : null;
}

function toRoman(n: number): string {
  let out = '';
  for (const [v, r] of ROMAN)
    while (n >= v) {
      out += r;
      n -= v;
    }
  return out;
}

function lettersOf(n: number, alphabet: string): string {
  // After «я» comes «аа», «аб»…: rare, but an order never runs out of numbers.
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / alphabet.length)) out = alphabet[(k - 1) % alphabet.length]! + out;
  return out;
}

function fromLetters(s: string, alphabet: string): number | null {
  let value = 0;
  for (const ch of s) {
    const i = alphabet.indexOf(ch);
    if (i < 0) return null;
    value = value * alphabet.length + i + 1;
  }
  return value;
}

const COUNTER = /^(.*?)(\d{1,6}|[IVXLCDM]{1,8}|[ivxlcdm]{2,8}|[а-яё]{1,2}|[a-z])([\s.)\]:-]*)$/i;

/** Reads the last counter of a printed number; null for an empty or unreadable one («*», «1а»). */
export function readNumber(text: string): NumberParts | null {
  const m = COUNTER.exec(text);
  if (!m) return null;
  const [, prefix = '', counter = '', suffix = ''] = m;
  // «1а» or «2б» is a hand-made sub-number: the letter belongs to the digits before it.
  if (/\d$/.test(prefix) || /[a-zа-яё]$/i.test(prefix)) return null;
  let kind: CounterKind;
  let value: number | null;
  if (/^\d+$/.test(counter)) [kind, value] = ['arabic', Number(counter)];
  else if (/^[IVXLCDM]+$/.test(counter)) [kind, value] = ['roman', fromRoman(counter)];
  else if (/^[ivxlcdm]+$/.test(counter)) [kind, value] = ['romanLower', fromRoman(counter)];
  else if (/^[а-яё]+$/.test(counter)) [kind, value] = ['cyrillic', fromLetters(counter, CYRILLIC)];
  else if (/^[a-z]$/.test(counter)) [kind, value] = ['latin', fromLetters(counter, LATIN)];
  else return null;
  return value === null || value < 1 ? null : { prefix, kind, value, suffix };
}

/** The same number written with another counter value, keeping its prefix, spaces and trailing dot. */
export function formatNumber(like: NumberParts, value: number): string {
  const counter =
    like.kind === 'arabic'
      ? String(value)
      : like.kind === 'roman'
        ? toRoman(value)
        : like.kind === 'romanLower'
          ? toRoman(value).toLowerCase()
          : like.kind === 'cyrillic'
            ? lettersOf(value, CYRILLIC)
            : lettersOf(value, LATIN);
  return `${like.prefix}${counter}${like.suffix}`;
}

/**
 * Which numbers belong to one sequence: the counter's kind and the shape of the prefix with its
 * numbers blanked and spaces and trailing dots ignored («2.1», «2. 3» and «3.1.» are one shape;
 * «5.1.» among «1.», «2.» … is another and is left as it is).
 */
export function shapeOf(p: NumberParts): string {
  return `${p.kind}|${p.prefix.replace(/\d+|[IVXLCDM]+/g, 'N').replace(/\s+/g, '')}`;
}

/** The shape most numbers of a list share, or null when none is readable. */
export function dominantShape(numbers: string[]): string | null {
  const count = new Map<string, number>();
  for (const n of numbers) {
    const p = readNumber(n);
    if (p) count.set(shapeOf(p), (count.get(shapeOf(p)) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [shape, c] of count) if (best === null || c > count.get(best)!) best = shape;
  return best;
}

export interface Numbered<K> {
  key: K;
  number: string;
}

/**
 * The numbers of one group (a section's measures, or a plan's sections) after an edit, in the
 * group's own pattern: `before` is the group as it was, `after` as it is now (numbers as they stand
 * now). A row that continued the sequence before («3.» after «2.») continues it after, so an insert
 * shifts the ones that follow and a delete closes the gap; rows that did not («1.10» after «1.4»,
 * «5.1.» among «5.», an empty number) keep their numbers; a new or moved row takes the next number;
 * a new row with a number typed by hand keeps it. `startBefore`/`startAfter` are the counter value
 * just before the group (0 for a section's own list; the end of the previous section where
 * measures are numbered through the plan). `template` styles a new row of an empty group; `movedIn`
 * are rows that came from another group (they take the next number, whatever they had).
 * Returns the rows whose number changes, and the last counter value of the group.
 */
export function continueNumbering<K>(
  before: Numbered<K>[],
  after: Numbered<K>[],
  options: { startBefore?: number; startAfter?: number; template?: NumberParts | null; movedIn?: Set<K> } = {},
): { changes: Map<K, string>; last: number } {
  const startBefore = options.startBefore ?? 0;
  const shape = dominantShape(before.map((r) => r.number)) ?? dominantShape(after.map((r) => r.number));
  const inShape = (n: string): NumberParts | null => {
    const p = readNumber(n);
    return p && shapeOf(p) === shape ? p : null;
  };
  // Which old rows continued the sequence, and each old row's number.
  const chained = new Set<K>();
  // Rows already out of order as printed («4. 8» after «1.10.»): nothing to shift, they stay.
  const disorderly = new Set<K>();
  const oldNumber = new Map<K, string>();
  let prev = startBefore;
  for (const r of before) {
    oldNumber.set(r.key, r.number);
    const p = inShape(r.number);
    if (!p) continue;
    if (p.value === prev + 1) chained.add(r.key);
    if (p.value <= prev) disorderly.add(r.key);
    prev = p.value;
  }
  const moved = movedKeys(
    before.map((r) => r.key),
    after.map((r) => r.key),
  );
  for (const k of options.movedIn ?? []) moved.add(k);
  const stays = (r: Numbered<K>) => oldNumber.has(r.key) && !moved.has(r.key);
  // A new or moved row takes the style of the row before it, or of the group's first row that stayed.
  const firstStyle =
    after
      .filter(stays)
      .map((r) => inShape(r.number))
      .find((p) => p !== null) ??
    options.template ??
    null;
  const changes = new Map<K, string>();
  let value = options.startAfter ?? startBefore;
  let style: NumberParts | null = null;
  for (const r of after) {
    const isNew = !oldNumber.has(r.key) && !moved.has(r.key);
    const p = inShape(r.number);
    if (isNew && r.number.trim() !== '') {
      // Typed by hand in the form: honoured as it is; a number in the pattern moves the count on.
      if (p) [value, style] = [p.value, p];
      continue;
    }
    // A new or moved row, a row that followed the one before it, or one the sequence ran into.
    // Anything else — a hand-made gap («1.4» after «1.1»), «5.1.» among «5.», an empty number — stays.
    // A row brought from another group takes this group's next number even if its own had another shape.
    const broughtIn = options.movedIn?.has(r.key) === true && readNumber(r.number) !== null;
    const renumbered =
      isNew || broughtIn || (p !== null && (moved.has(r.key) || chained.has(r.key) || (p.value <= value && !disorderly.has(r.key))));
    if (!renumbered) {
      if (p) [value, style] = [p.value, p];
      continue;
    }
    const like = isNew || moved.has(r.key) ? (style ?? firstStyle ?? p) : p;
    if (like === null) continue; // no pattern to follow: the new row stays unnumbered
    value += 1;
    const next = formatNumber(like, value);
    if (next !== r.number) changes.set(r.key, next);
    style = readNumber(next);
  }
  return { changes, last: value };
}

/**
 * The rows whose place among the others changed: everything outside the longest run kept in the
 * old order (a drag of one row moves that row, not the hundred it jumped over).
 */
export function movedKeys<K>(before: K[], after: K[]): Set<K> {
  const oldIndex = new Map(before.map((k, i) => [k, i]));
  const kept = after.filter((k) => oldIndex.has(k));
  // Longest increasing subsequence of old indices, O(n log n).
  const tails: number[] = [];
  const tailAt: number[] = [];
  const parent: number[] = new Array<number>(kept.length).fill(-1);
  kept.forEach((k, i) => {
    const x = oldIndex.get(k)!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
    tailAt[lo] = i;
    parent[i] = lo > 0 ? tailAt[lo - 1]! : -1;
  });
  const stay = new Set<K>();
  for (let i = tails.length > 0 ? tailAt[tails.length - 1]! : -1; i >= 0; i = parent[i]!) stay.add(kept[i]!);
  return new Set(kept.filter((k) => !stay.has(k)));
}

/** The counter value a list ends with in the given shape (for numbering that runs through the plan). */
export function lastValue(numbers: string[], shape: string | null): number | null {
  for (let i = numbers.length - 1; i >= 0; i--) {
    const p = readNumber(numbers[i]!);
    if (p && (shape === null || shapeOf(p) === shape)) return p.value;
  }
  return null;
}

/** The section number's own core, «2» of «2.» or «II» of «II.», that measure numbers start with. */
export const numberCore = (n: string): string => n.trim().replace(/[\s.)]+$/, '');

/**
 * A measure number whose prefix is its section's number («2.1», «2. 3») follows the section when the
 * section is renumbered: «2.1» in a section that became «3» is «3.1». Other numbers stay as they are.
 */
export function withSectionNumber(measure: string, oldSection: string, newSection: string): string {
  const from = numberCore(oldSection);
  const to = numberCore(newSection);
  if (from === '' || to === '' || from === to || !measure.startsWith(from)) return measure;
  const rest = measure.slice(from.length);
  return /^[\s]*[.)]/.test(rest) && readNumber(measure)?.prefix.startsWith(from) ? to + rest : measure;
}
