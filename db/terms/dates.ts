/** Calendar arithmetic on 'YYYY-MM-DD' strings: no time zones, no Date objects leaking into the data. */

export const pad = (n: number): string => String(n).padStart(2, '0');
export const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// Arithmetic, not Date objects: a database opened after a parser upgrade re-reads tens of thousands of terms.
export const lastDay = (y: number, m: number): number => (m === 2 && leap(y) ? 29 : MONTH_DAYS[m - 1]!);
export const monthStart = (y: number, m: number): string => iso(y, m, 1);
export const monthEnd = (y: number, m: number): string => iso(y, m, lastDay(y, m));
export const yearOf = (date: string): number => Number(date.slice(0, 4));

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m) && y >= 1900 && y <= 2200;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' (the proleptic Gregorian calendar, as Date counts). */
export function dayNumber(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The 'YYYY-MM-DD' of a day number. */
export function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return iso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Day of week, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekday(date: string): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export const inRange = (date: string, start: string, end: string): boolean => date >= start && date <= end;

export const quarterStart = (y: number, q: number): string => monthStart(y, q * 3 - 2);
export const quarterEnd = (y: number, q: number): string => monthEnd(y, q * 3);

/** 'ДД.ММ.ГГГГ', as printed. */
export const ruDate = (date: string): string => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
