/** Dates as a methodist writes them: ДД.ММ.ГГГГ on screen, YYYY-MM-DD in the database. */
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'DD.MM.YYYY';

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format(DATE_FORMAT) : iso;
}

export function formatPeriod(start: string, end: string): string {
  return `${formatDate(start)} — ${formatDate(end)}`;
}

export const toDayjs = (iso: string | null | undefined): Dayjs | null => (iso ? dayjs(iso) : null);
export const fromDayjs = (d: Dayjs | null | undefined): string => (d ? d.format('YYYY-MM-DD') : '');

const plural = new Intl.PluralRules('ru-RU');
/** «1 мероприятие», «2 мероприятия», «5 мероприятий»: forms for one, few and many (Intl's Russian rules). */
export function countOf(n: number, [one, few, many]: [string, string, string]): string {
  const form = plural.select(n);
  return `${n} ${form === 'one' ? one : form === 'few' ? few : many}`;
}
