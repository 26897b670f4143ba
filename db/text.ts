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
