/**
 * The first half of the term reader: text made regular, then cut into tokens. The rules in parse.ts
 * see only tokens, never the raw text, so every spelling of a month, an ordinal or a dash is decided
 * here once.
 *
 * Normalizing: case, ё, every kind of dash and space, soft hyphens, «5мая» → «5 мая», «2024г.» → «2024».
 * What is printed stays the original text; this is only for reading it.
 */

export function normalizeTerm(text: string): string {
  return (
    text
      // toLowerCase folds Cyrillic as well; the locale form costs ten times more and only matters for Turkish.
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/\u00ad/g, '')
      .replace(/[\u00a0\u2007\u2009\u202f\t\r\n]/g, ' ')
      .replace(/[‐‑‒–—―−]/g, '-')
      .replace(/[«»"“”„]/g, ' ')
      .replace(/(\d)([а-я])/g, '$1 $2')
      .replace(/([а-я])(\d)/g, '$1 $2')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Month names as whole words: every case of the full name and the usual abbreviations, with or
 * without the dot. Whole words only, so «декада» is not December and «апробация» is not April.
 */
const MONTH_STEMS: [string, number][] = [
  ['январ', 1],
  ['феврал', 2],
  ['март', 3],
  ['апрел', 4],
  ['ма', 5],
  ['июн', 6],
  ['июл', 7],
  ['август', 8],
  ['сентябр', 9],
  ['октябр', 10],
  ['ноябр', 11],
  ['декабр', 12],
];
const MONTH_ENDINGS: Record<number, string[]> = {
  3: ['', 'а', 'е', 'у', 'ом'],
  5: ['й', 'я', 'е', 'ю', 'ем'],
  8: ['', 'а', 'е', 'у', 'ом'],
};
const SOFT_ENDINGS = ['ь', 'я', 'е', 'ю', 'ем'];
const MONTH_ABBREVIATIONS: Record<string, number> = {
  янв: 1,
  фев: 2,
  февр: 2,
  мар: 3,
  апр: 4,
  июн: 6,
  июл: 7,
  авг: 8,
  сен: 9,
  сент: 9,
  окт: 10,
  ноя: 11,
  нояб: 11,
  дек: 12,
};
const MONTH_WORDS = new Map<string, number>();
for (const [stem, m] of MONTH_STEMS) for (const ending of MONTH_ENDINGS[m] ?? SOFT_ENDINGS) MONTH_WORDS.set(stem + ending, m);

/** «января», «январе», «янв.», «Янв» → 1; not a month (also «декада», «апробация») → null. */
export function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  if (w.endsWith('.')) return MONTH_ABBREVIATIONS[w.slice(0, -1)] ?? MONTH_WORDS.get(w.slice(0, -1)) ?? null;
  return MONTH_WORDS.get(w) ?? MONTH_ABBREVIATIONS[w] ?? null;
}

/** Roman numerals as methodists write quarters and half-years: I–XII, in Latin letters (or the Cyrillic «І» look-alike). */
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12 };

/** Ordinal words («первая декада», «во втором полугодии»), any gender and case, by their stems. */
const ORDINAL_STEMS: [string, number][] = [
  ['перв', 1],
  ['втор', 2],
  ['трет', 3],
  ['четверт', 4],
];
/** An ordinal word, but not «четверть» (a school quarter) itself. */
export function ordinalWordOf(word: string): number | null {
  if (/^четверт(ь|и|ью|ям|ями|ях)$/.test(word)) return null;
  for (const [stem, n] of ORDINAL_STEMS) if (word.startsWith(stem) && word.length <= stem.length + 3) return n;
  return null;
}

/** Numbers written as words in counts («два раза в год», «не реже одного раза в квартал»). */
const NUMBER_WORDS: Record<string, number> = {
  один: 1,
  одного: 1,
  одному: 1,
  однажды: 1,
  раз: 1,
  два: 2,
  двух: 2,
  дважды: 2,
  три: 3,
  трех: 3,
  трижды: 3,
  четыре: 4,
  четырех: 4,
  четырежды: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
};
export const numberWordOf = (word: string): number | null => NUMBER_WORDS[word] ?? null;

export type Token =
  /** «15.03.2024», «15.03» (no year). */
  | { t: 'date'; d: number; m: number; y: number | null }
  /** A four-digit year 1900–2199; «2024 г.», «2024 года» become one year token. */
  | { t: 'year'; y: number }
  /** A number; `ord` when written as an ordinal («25-го», «1-й», «2-е»). */
  | { t: 'num'; n: number; ord: boolean }
  | { t: 'roman'; n: number }
  | { t: 'month'; m: number }
  | { t: 'dash' }
  /** A list separator: comma, semicolon, plus, «и», «или». */
  | { t: 'sep' }
  | { t: 'slash' }
  | { t: 'word'; w: string };

const ORDINAL_SUFFIX = /^(?:го|й|е|ое|ого|ом|ый|ой|я|ая|ую|м|му|х)$/;
const SPACED_ORDINAL = /^(?:го|ого|й|ый|ой|ое|ая)$/;
const YEAR_WORDS = /^(?:г|гг|год|года|году|годом|годы|годов|годах)$/;

/** Splits a normalized term into tokens. Parentheses are taken out before (parse.ts keeps them as a note). */
export function tokenize(s: string, options: { anyYear?: boolean } = {}): Token[] {
  const out: Token[] = [];
  const re =
    /(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)|(\d{1,2})\.(\d{1,2})(?![.\d])|(\d+)(?:\s?-\s?([а-я]{1,3})(?![а-я]))?|([а-яa-zі]+\.?)|(-)|(\/)|([,;+&]|\s)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[1]) {
      const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      out.push({ t: 'date', d: Number(m[1]), m: Number(m[2]), y });
    } else if (m[4]) out.push({ t: 'date', d: Number(m[4]), m: Number(m[5]), y: null });
    else if (m[6]) {
      const n = Number(m[6]);
      const suffix = m[7];
      // «2024 - май», «5-ти»: not an ordinal ending; the dash and the word are read as they are.
      if (suffix && !ORDINAL_SUFFIX.test(suffix)) re.lastIndex = m.index + m[6].length;
      const ord = !!suffix && ORDINAL_SUFFIX.test(suffix);
      // Any four digits are a year when reading a document's period: «на 9999 год» must be seen to be refused.
      if (m[6].length === 4 && ((n >= 1900 && n < 2200) || options.anyYear)) out.push({ t: 'year', y: n });
      else out.push({ t: 'num', n, ord });
    } else if (m[8]) {
      const raw = m[8];
      const word = raw.replace(/\.$/, '');
      const month = monthOf(raw);
      const last = out.at(-1);
      if (month) out.push({ t: 'month', m: month });
      else if (word.replace(/і/g, 'i') in ROMAN) out.push({ t: 'roman', n: ROMAN[word.replace(/і/g, 'i')]! });
      else if (word === 'и' || word === 'или') out.push({ t: 'sep' });
      else if (last?.t === 'year' && YEAR_WORDS.test(word))
        continue; // «2024 г.», «2024 года»
      else if (last?.t === 'num' && SPACED_ORDINAL.test(word))
        last.ord = true; // «25го» was split into «25 го»
      else if (word) out.push({ t: 'word', w: word });
    } else if (m[9]) out.push({ t: 'dash' });
    else if (m[10]) out.push({ t: 'slash' });
    else if (m[11] && m[11].trim()) out.push({ t: 'sep' });
  }
  return out;
}
