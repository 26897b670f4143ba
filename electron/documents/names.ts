/** Words for documents: the body's name in the genitive, signatures as «И.О. Фамилия», file names, periods. */
import { ruDate } from '../../db/terms/dates';

/** «Отдел образования администрации …» → «отдела образования администрации …» (the rest is already genitive). */
export function genitiveOfBody(name: string): string {
  const forms: [RegExp, string][] = [
    [/^отдел(?![а-я])/i, 'отдела'],
    [/^управление(?![а-я])/i, 'управления'],
    [/^комитет(?![а-я])/i, 'комитета'],
    [/^департамент(?![а-я])/i, 'департамента'],
    [/^министерство(?![а-я])/i, 'министерства'],
    [/^администрация(?![а-я])/i, 'администрации'],
  ];
  const trimmed = name.trim();
  for (const [re, gen] of forms) if (re.test(trimmed)) return trimmed.replace(re, gen);
  return trimmed;
}

/**
 * The participle of an approval stamp agrees with the approved document's name:
 * «дорожная карта» → УТВЕРЖДЕНА, «план мероприятий» → УТВЕРЖДЁН, «положение» → УТВЕРЖДЕНО.
 */
export function approvedParticiple(title: string): string {
  const first = title.replace(/^[\s«"'(]+/, '').toLocaleLowerCase('ru-RU');
  if (/^(план|паспорт|порядок|перечень|график|регламент|состав)(?![а-я])/.test(first)) return 'УТВЕРЖДЁН';
  if (/^(положение|расписание)(?![а-я])/.test(first)) return 'УТВЕРЖДЕНО';
  if (/^(изменения|мероприятия)(?![а-я])/.test(first)) return 'УТВЕРЖДЕНЫ';
  return 'УТВЕРЖДЕНА'; // дорожная карта, программа, модель …
}

/** «Грек В.В.» or «Грек Виктор Васильевич» → «В.В. Грек», as signatures are written. */
export function initialsFirst(fullName: string): string {
  const s = fullName.trim().replace(/\s+/g, ' ');
  const short = s.match(/^([А-ЯЁA-Z][^\s.]+)\s+([А-ЯЁA-Z]\.\s?(?:[А-ЯЁA-Z]\.)?)$/);
  if (short) return `${short[2]!.replace(/\s/g, '')} ${short[1]}`;
  const full = s.match(/^([А-ЯЁA-Z][^\s.]+)\s+([А-ЯЁA-Z])[^\s.]+(?:\s+([А-ЯЁA-Z])[^\s.]+)?$/);
  if (full) return `${full[2]}.${full[3] ? `${full[3]}.` : ''} ${full[1]}`;
  return s;
}

/** Characters Windows forbids in file names (and control characters) become «_»; no trailing dots or spaces. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const base = cleaned || 'документ';
  return /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(base) ? `_${base}` : base.slice(0, 180);
}

/** «2022 год», «2021–2023 годы», «2023/2024 учебный год», else «с 01.02.2024 по 30.11.2024». */
export function periodText(start: string, end: string): string {
  const y1 = Number(start.slice(0, 4));
  const y2 = Number(end.slice(0, 4));
  if (start.slice(5) === '01-01' && end.slice(5) === '12-31') return y1 === y2 ? `${y1} год` : `${y1}–${y2} годы`;
  if (start.slice(5) === '09-01' && y2 === y1 + 1 && ['05-31', '06-30', '08-31'].includes(end.slice(5))) return `${y1}/${y2} учебный год`;
  return `с ${ruDate(start)} по ${ruDate(end)}`;
}

const lowerFirst = (s: string) => s.replace(/^([«"]?)([А-ЯЁ])/, (_, q: string, ch: string) => q + ch.toLocaleLowerCase('ru-RU'));

/** The head noun of a roadmap's title in another case: «Дорожная карта …» → «дорожную карту …» / «дорожной карты …». */
function inflectTitle(title: string, forms: [RegExp, string][]): string {
  const t = lowerFirst(title.trim());
  for (const [re, to] of forms) if (re.test(t)) return t.replace(re, to);
  return t;
}

export const accusativeOfTitle = (title: string) =>
  inflectTitle(title, [
    [/^«дорожная карта»/, '«дорожную карту»'],
    [/^дорожная карта/, 'дорожную карту'],
    [/^программа/, 'программу'],
    [/^муниципальная «дорожная карта»/, 'муниципальную «дорожную карту»'],
    [/^муниципальная/, 'муниципальную'],
  ]);

export const genitiveOfTitle = (title: string) =>
  inflectTitle(title, [
    [/^«дорожная карта»/, '«дорожной карты»'],
    [/^дорожная карта/, 'дорожной карты'],
    [/^план(?![а-я])/, 'плана'],
    [/^программа/, 'программы'],
    [/^муниципальная «дорожная карта»/, 'муниципальной «дорожной карты»'],
    [/^муниципальная/, 'муниципальной'],
  ]);

/** A long title cut for a file name at a word boundary, with «…»: «План — План мероприятий … школы…», never «…со с». */
export function clipAtWord(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:«(—–-]+$/, '')}…`;
}
