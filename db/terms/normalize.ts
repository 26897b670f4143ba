/**
 * Terms as people type them, made regular: case, ё, every kind of dash and space, soft hyphens,
 * «5мая» → «5 мая», «2024г.» → «2024». What is printed stays the original text; this is only for reading it.
 */

export function normalizeTerm(text: string): string {
  return text
    .toLocaleLowerCase('ru-RU')
    .replace(/ё/g, 'е')
    .replace(/\u00ad/g, '')
    .replace(/[\u00a0\u2007\u2009\u202f\t\r\n]/g, ' ')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/(\d)([а-я])/g, '$1 $2')
    .replace(/([а-я])(\d)/g, '$1 $2')
    // «2024 г.», «2024 года», «2021- 2023 гг.», «на 2024 год» → the bare year
    .replace(/(\d{4})\s*(?:гг|г|годов|годы|года|году|год)(?![а-я])\.?/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const MONTH_PREFIXES: [string, number][] = [
  ['янв', 1],
  ['фев', 2],
  ['мар', 3],
  ['апр', 4],
  ['май', 5],
  ['мая', 5],
  ['мае', 5],
  ['июн', 6],
  ['июл', 7],
  ['авг', 8],
  ['сен', 9],
  ['окт', 10],
  ['ноя', 11],
  ['дек', 12],
];

/** «января», «январе», «янв.», «Янв» → 1; not a month → null. */
export function monthOf(word: string): number | null {
  const w = word.replace(/\.$/, '');
  if (w.length < 3) return null;
  for (const [p, m] of MONTH_PREFIXES) if (w.startsWith(p)) return m;
  return null;
}

export type Token =
  | { t: 'date'; d: number; m: number; y: number | null }
  | { t: 'year'; y: number }
  | { t: 'num'; n: number }
  | { t: 'month'; m: number }
  | { t: 'dash' }
  | { t: 'sep' }
  | { t: 'word'; w: string };

/** Splits a normalized term into dates, years, numbers, months, dashes, separators and other words. */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  const re = /(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)|(\d{1,2})\.(\d{1,2})(?![.\d])|(\d+)|([а-яa-z]+\.?)|(-)|([,;+/&]|\s)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[1]) {
      const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      out.push({ t: 'date', d: Number(m[1]), m: Number(m[2]), y });
    } else if (m[4]) out.push({ t: 'date', d: Number(m[4]), m: Number(m[5]), y: null });
    else if (m[6]) {
      const n = Number(m[6]);
      out.push(m[6].length === 4 ? { t: 'year', y: n } : { t: 'num', n });
    } else if (m[7]) {
      const month = monthOf(m[7]);
      if (month) out.push({ t: 'month', m: month });
      else if (m[7] === 'и' || m[7] === 'или') out.push({ t: 'sep' });
      else out.push({ t: 'word', w: m[7].replace(/\.$/, '') });
    } else if (m[8]) out.push({ t: 'dash' });
    else if (m[9] && m[9].trim()) out.push({ t: 'sep' });
  }
  return out;
}
