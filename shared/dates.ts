/**
 * The one rule for a date that is not in the calendar (31.02.2024): the API's validation and the
 * forms' date fields give the same message, naming the date as the methodist typed it.
 */

const pad = (n: string) => n.padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const noSuchDateMessage = (dd: string, mm: string, yyyy: string): string => `Такой даты нет: ${pad(dd)}.${pad(mm)}.${yyyy}`;

/**
 * «Такой даты нет: 31.02.2024» when the text is a whole date ('YYYY-MM-DD' as stored, or
 * 'ДД.ММ.ГГГГ' as typed) whose day or month does not exist; null for a real date and for anything
 * that is not a whole date yet (the format is checked elsewhere).
 */
export function missingDateProblem(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) ?? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (!m) return null;
  const [dd, mm, yyyy] = t.includes('-') ? [m[3]!, m[2]!, m[1]!] : [m[1]!, m[2]!, m[3]!];
  const [d, mo, y] = [Number(dd), Number(mm), Number(yyyy)];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) ? null : noSuchDateMessage(dd, mm, yyyy);
}
