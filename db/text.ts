/** Text helpers shared by search and matching: the same folding in SQL (via a registered function) and in JS. */

/**
 * Lower-case in Russian, ё → е, runs of whitespace (NBSP included) → one space.
 * toLowerCase, not toLocaleLowerCase('ru-RU'): Unicode has locale rules for Turkish, Azeri and
 * Lithuanian only, so both give the same string for every character, and the locale form costs
 * ~100× more per call (it runs four times for every measure written, through the search triggers).
 */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards so a user's «50%» is searched literally (used with ESCAPE '\'). */
export function likePattern(query: string): string {
  return `%${fold(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A number in the query is a whole number: «СОШ № 2» must not find «СОШ № 24», nor «2» find «12».
 * When the folded query begins or ends with a digit, a GLOB over ' ' || folded text || ' ' that wants a
 * non-digit beside it; null when the query needs no such check. GLOB's own wildcards are taken literally.
 */
export function wholeNumberGlob(query: string): string | null {
  const q = fold(query);
  const starts = /^\d/.test(q);
  const ends = /\d$/.test(q);
  if (!starts && !ends) return null;
  const literal = q.replace(/[*?[\]]/g, (c) => `[${c}]`);
  return `${starts ? '*[^0-9]' : '*'}${literal}${ends ? '[^0-9]*' : '*'}`;
}
