/**
 * Which schools an executors text names: the one rule behind school forms, «Сроки» filters and reports.
 *
 * Executors are written by hand («МБОУ "СОШ №2"», «школа № 2», «СОШ-2», «ОО № 2, 5, 16»), so a plain
 * substring match is wrong both ways: «СОШ № 2» is inside «СОШ № 24», and «МАОУ СОШ № 2» is not inside
 * «МБОУ "СОШ №2"». Here a school is recognised by
 *  - its number together with its kind (СОШ, ООШ, НОШ, гимназия, лицей, школа…), the number standing
 *    alone («2», not the start of «24»), lists of numbers after one kind word included; or
 *  - any of its names and aliases as whole words (for schools without a number: «МОАУ ЦО»,
 *    «СОШ с. Ивановка»), quotes, «№» spacing and case ignored.
 * Pure: no database, no Node — the renderer can use it too.
 */

export interface SchoolNames {
  id: number;
  name: string;
  shortName: string;
  /** Other ways the district writes the school, one per entry. */
  aliases?: readonly string[];
}

/** The directory's aliases text, one alias a line, as a list: trimmed, blank lines and repeats dropped. */
export function aliasLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const alias = line.trim().replace(/\s+/g, ' ');
    const key = alias.toLocaleLowerCase('ru-RU');
    if (!alias || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

/** Kinds of school as written; «школа» alone means any general school (СОШ, ООШ, НОШ). */
const KINDS: [RegExp, string][] = [
  [/^(сош|средн(яя|ей|юю))$/u, 'сош'],
  [/^(оош|основн(ая|ой|ую))$/u, 'оош'],
  // «начальная школа», never «начальник»
  [/^(нош|начальн(ая|ой|ую))$/u, 'нош'],
  [/^(гимнази\p{L}*)$/u, 'гимназия'],
  [/^(лице[йяюеи]\p{L}*)$/u, 'лицей'],
  [/^(цо|центр\p{L}*)$/u, 'цо'],
  [/^(школ\p{L}*|оо|моу|мбоу|маоу|моау|мкоу|гбоу|гоу|оу)$/u, 'школа'],
];
const GENERAL = new Set(['сош', 'оош', 'нош', 'школа']);

/** Lower case, ё → е, quotes and punctuation to spaces, «№2» / «СОШ-2» split into words. */
function words(text: string): string[] {
  return text
    .toLocaleLowerCase('ru-RU')
    .replace(/ё/g, 'е')
    .replace(/№/g, ' № ')
    .replace(/[«»"'“”„`()[\],;:.!?/\\]+/g, ' ')
    .replace(/(\p{L})-(\d)/gu, '$1 $2')
    .replace(/(\d)-(\p{L})/gu, '$1 $2')
    .split(/[\s\u00a0]+/)
    .filter(Boolean);
}

function kindOf(word: string): string | null {
  for (const [re, kind] of KINDS) if (re.test(word)) return kind;
  return null;
}

/** Pairs of (kind, number) named in a text: «СОШ № 2 и № 5» → сош 2, сош 5; «ОО № 2, 16» → школа 2, школа 16. */
function numbered(text: string): { kind: string; number: string }[] {
  const ws = words(text.replace(/,/g, ' , ').replace(/\s+и\s+/g, ' , '));
  const out: { kind: string; number: string }[] = [];
  let kind: string | null = null;
  let afterKind = false;
  let gap = 0;
  for (const w of ws) {
    const k = kindOf(w);
    if (k) {
      // «МАОУ СОШ»: of two kind words in a row the specific one wins over the legal form.
      kind = afterKind && kind !== null && k === 'школа' ? kind : k;
      afterKind = true;
      gap = 0;
      continue;
    }
    afterKind = false;
    if (kind === null) continue;
    if (/^\d{1,4}$/.test(w)) {
      out.push({ kind, number: String(Number(w)) });
      gap = 0;
      continue;
    }
    if (w === '№' || w === '№№' || w === ',') continue;
    // A word or two may stand between the kind and its number («СОШ имени Героя № 3»); further away, no link.
    if (++gap > 2) kind = null;
  }
  return out;
}

function compatible(written: string, school: string): boolean {
  if (written === school) return true;
  return written === 'школа' ? GENERAL.has(school) : school === 'школа' && GENERAL.has(written);
}

/** A name as whole words inside a text (quotes, «№» spacing and case ignored). */
function containsWords(text: string[], name: string[]): boolean {
  if (name.length === 0 || name.length > text.length) return false;
  outer: for (let i = 0; i + name.length <= text.length; i++) {
    for (let j = 0; j < name.length; j++) if (text[i + j] !== name[j]) continue outer;
    return true;
  }
  return false;
}

/** Does this executors text name this school? */
export function namesSchool(executors: string, school: SchoolNames): boolean {
  if (!executors.trim()) return false;
  const names = [school.shortName, school.name, ...(school.aliases ?? [])].filter((n) => n.trim());
  const own = names.flatMap(numbered);
  if (own.length > 0) {
    const mentioned = numbered(executors);
    if (own.some((o) => mentioned.some((m) => m.number === o.number && compatible(m.kind, o.kind)))) return true;
  }
  // Whole words only: «МАОУ СОШ № 2» is not found in «МАОУ СОШ № 24».
  const text = words(executors);
  return names.some((n) => containsWords(text, words(n)));
}

/** The schools an executors text names, in the order given. */
export function schoolsNamed<S extends SchoolNames>(executors: string, schools: readonly S[]): S[] {
  return schools.filter((s) => namesSchool(executors, s));
}
