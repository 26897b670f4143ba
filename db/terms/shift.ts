/**
 * Moving a term as written into another year, for a roadmap copied into the next period:
 * «Октябрь 2024» → «Октябрь 2025», «2024/2025 учебный год» → «2025/2026 учебный год»,
 * «до 15.03.2024» → «до 15.03.2025», «2024–2026 гг.» → «2025–2027 гг.». Terms without a year («Ежеквартально»,
 * «Октябрь») need nothing: they are read against the new period.
 */
import { isValidDate } from './dates';

export interface ShiftedText {
  text: string;
  /** How many years or dates were moved. */
  changed: number;
  /** Why the result may not mean what the original meant (a 29 February moved into a common year). */
  problem: string | null;
}

// A year of four digits standing alone: not part of a longer number (a phone, «№ 120024»).
const FULL_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])/g;
const YEAR = /(?<![\d.,])(19\d{2}|20\d{2})(?![\d])/g;

export function shiftYears(text: string, years: number): ShiftedText {
  if (years === 0 || !text) return { text, changed: 0, problem: null };
  let changed = 0;
  let problem: string | null = null;
  const placeholders: string[] = [];
  // Dates first (so their years are not moved twice), kept aside as placeholders.
  let out = text.replace(FULL_DATE, (whole, d: string, m: string, y: string) => {
    const short = y.length === 2;
    const year = (short ? 2000 + Number(y) : Number(y)) + years;
    let day = Number(d);
    const month = Number(m);
    if (!isValidDate(year - years, month, day)) return whole; // not a date at all: leave it
    if (!isValidDate(year, month, day)) {
      day = 28; // 29.02 into a common year
      problem = `дата ${whole} перенесена на ${String(day)}.${m}.${short ? String(year).slice(2) : year}: такой даты нет в новом году`;
    }
    changed++;
    placeholders.push(`${d.length === 2 ? String(day).padStart(2, '0') : String(day)}.${m}.${short ? String(year).slice(2) : year}`);
    return `\u0000${placeholders.length - 1}\u0000`;
  });
  out = out.replace(YEAR, (y: string) => {
    changed++;
    return String(Number(y) + years);
  });
  out = out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => placeholders[Number(i)]!);
  return { text: out, changed, problem };
}
