/** Calendar arithmetic on 'YYYY-MM-DD' strings: no time zones, no Date objects leaking into the data. */

export const pad = (n: number): string => String(n).padStart(2, '0');
export const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
export const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
export const monthStart = (y: number, m: number): string => iso(y, m, 1);
export const monthEnd = (y: number, m: number): string => iso(y, m, lastDay(y, m));
export const yearOf = (date: string): number => Number(date.slice(0, 4));

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m) && y >= 1900 && y <= 2200;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Day of week, 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  const w = new Date(`${date}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}

export const inRange = (date: string, start: string, end: string): boolean => date >= start && date <= end;

export const quarterStart = (y: number, q: number): string => monthStart(y, q * 3 - 2);
export const quarterEnd = (y: number, q: number): string => monthEnd(y, q * 3);

/** 'ДД.ММ.ГГГГ', as printed. */
export const ruDate = (date: string): string => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
