/** Calendar quarters ('2022-Q2') of a roadmap's period: execution is recorded per quarter. */

export const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

export function quarterOf(date: string): string {
  // The usual 'YYYY-MM-DD' without splitting: «Сроки» asks this for every date of every line it judges.
  if (date.length === 10 && date[4] === '-' && date[7] === '-') {
    const month = Number(date.slice(5, 7));
    if (month >= 1 && month <= 12 && /^\d{4}$/.test(date.slice(0, 4))) return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
  }
  const [y, m] = date.split('-').map(Number) as [number, number];
  // Padded: a year written as 0001 must still read back as a quarter (QUARTER_RE wants four digits).
  return `${String(y).padStart(4, '0')}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** Every quarter touched by the period, in order. */
export function quartersOfPeriod(start: string, end: string): string[] {
  const out: string[] = [];
  let [y, q] = quarterOf(start).match(QUARTER_RE)!.slice(1).map(Number) as [number, number];
  const last = quarterOf(end);
  for (let guard = 0; guard < 400; guard++) {
    const cur = `${String(y).padStart(4, '0')}-Q${q}`;
    out.push(cur);
    if (cur === last) break;
    if (q === 4) {
      q = 1;
      y++;
    } else q++;
  }
  return out;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/** «II кв. 2022» for column captions. */
export function quarterLabel(quarter: string): string {
  const [, y, q] = quarter.match(QUARTER_RE)!;
  return `${ROMAN[Number(q) - 1]} кв. ${y}`;
}
