/** How the app understood a term, in words for the editor: «до 25.03.2024», «ежеквартально: 31.03, 30.06, …». */
import { ruDate } from './dates';
import type { ParsedTerm } from './parse';

const MAX_SHOWN = 8;

export function describeTerm(t: Pick<ParsedTerm, 'kind' | 'start' | 'end' | 'due' | 'label'>): string {
  switch (t.kind) {
    case 'unparsed':
      return 'срок не распознан';
    case 'deadline':
      return `до ${ruDate(t.end!)}`;
    case 'range':
      return t.start === t.end ? ruDate(t.end!) : `${ruDate(t.start!)} — ${ruDate(t.end!)}`;
    case 'continuous':
      return `постоянно: ${ruDate(t.start!)} — ${ruDate(t.end!)}`;
    case 'recurring': {
      if (t.due.length === 0) return `${t.label}: в периоде дорожной карты сроков нет`;
      const oneYear = new Set(t.due.map((d) => d.slice(0, 4))).size === 1;
      const fmt = (d: string) => (oneYear ? ruDate(d).slice(0, 5) : ruDate(d));
      const shown = t.due.slice(0, MAX_SHOWN).map(fmt).join(', ');
      const more = t.due.length > MAX_SHOWN ? ` … (всего ${t.due.length})` : '';
      return `${t.label}: ${shown}${more}`;
    }
  }
}

/** How sure the reading is, in words beside it: «год взят из периода», «примерно», and the note. '' when exact and bare. */
export function describeCaveat(t: Pick<ParsedTerm, 'kind' | 'certainty' | 'note'>): string {
  if (t.kind === 'unparsed') return '';
  const sure = t.certainty === 'assumed-year' ? 'год взят из периода' : t.certainty === 'approximate' ? 'примерно' : '';
  return [sure, t.note].filter(Boolean).join(' · ');
}

/** The one message after opening a database whose readings an older parser made. */
export function termUpgradeMessage(u: { rows: number; changed: number }): string {
  if (u.changed === 0) return `Сроки мероприятий и решений перечитаны новой версией программы (${u.rows}): сроки не изменились.`;
  return `Сроки мероприятий и решений перечитаны новой версией программы: у ${u.changed} из ${u.rows} изменились даты — проверьте их в разделе «Сроки».`;
}
