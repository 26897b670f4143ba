/**
 * People and their positions in the cases an order needs: «Назначить … методиста РМК Е.А. Русанову».
 * Surnames are declined by `petrovich` (rules for Russian surnames by gender), position head words by
 * `russian-nouns-js`; abbreviations (РМК, УВР, ОО, МАОУ) and everything after the head noun — already in
 * the genitive, «директора по УВР», «отдела образования» — are kept exactly as written.
 */
import petrovich from 'petrovich';
import { Case, createLemma, Engine, Gender } from 'russian-nouns-js';
import { initialsFirst } from './names';

const nouns = new Engine();

type Gcase = 'accusative' | 'genitive' | 'dative' | 'instrumental';
const NOUN_CASE: Record<Gcase, string> = {
  accusative: Case.ACCUSATIVE,
  genitive: Case.GENITIVE,
  dative: Case.DATIVE,
  instrumental: Case.INSTRUMENTAL,
};

/** Two or more capitals in a row (РМК, УВР, МАОУ, ГО) or a capital with digits: an abbreviation, never lowercased or declined. */
const isAbbreviation = (word: string) => /^[«"(]?[А-ЯЁA-Z]{2,}/.test(word) || /\d/.test(word);
const ADJECTIVE = /(ый|ий|ой|ая|яя)$/i;
const startsWithCapitalOnly = (w: string) => /^[А-ЯЁ][а-яё-]*$/.test(w);

function declineWord(word: string, gcase: Gcase): string {
  // «педагог-психолог» → «педагога-психолога»: each part is a noun of its own.
  return word
    .split('-')
    .map(
      (part) =>
        nouns.decline(
          createLemma({ text: part.toLocaleLowerCase('ru-RU'), gender: Gender.MASCULINE, animate: true }),
          NOUN_CASE[gcase],
        )[0] ?? part,
    )
    .join('-');
}

/**
 * «Заместитель директора по УВР» → «заместителя директора по УВР» (accusative): leading adjectives and
 * the head noun are declined and lowercased; the rest stays as written.
 */
export function declinePosition(position: string, gcase: Gcase): string {
  const words = position.trim().split(/\s+/).filter(Boolean);
  let i = 0;
  const out: string[] = [];
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (isAbbreviation(w) || !/^[А-ЯЁа-яё-]+$/.test(w)) break;
    const adjective = ADJECTIVE.test(w) && i + 1 < words.length;
    out.push(declineWord(w, gcase));
    if (!adjective) {
      i++;
      break;
    }
  }
  // Only a capital that starts a sentence goes: «Методист» → «методист»; «РМК» stays.
  if (out.length === 0 && words[0] && startsWithCapitalOnly(words[0])) words[0] = words[0].toLocaleLowerCase('ru-RU');
  return [...out, ...words.slice(i)].join(' ');
}

/** The gender of a person from the patronymic when there is one, else from the surname's ending. */
export function genderOf(surname: string, patronymic?: string): 'male' | 'female' {
  if (patronymic && /(вна|чна|кызы)$/i.test(patronymic)) return 'female';
  if (patronymic && /(вич|ич|оглы)$/i.test(patronymic)) return 'male';
  return /(ова|ева|ёва|ина|ына|ая|яя)$/i.test(surname) ? 'female' : 'male';
}

/**
 * «Русанова Е.А.», «Русанова Елена Александровна» or «Е.А. Русанова» → «Е.А. Русанову» (accusative):
 * initials first, as orders write names (see initialsFirst), the surname declined.
 */
export function declineName(fullName: string, gcase: Gcase): string {
  const written = initialsFirst(fullName);
  const m = written.match(/^((?:[А-ЯЁ]\.){1,2}) ([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)$/);
  if (!m) return written; // not a name we can read (an organisation, a note): as written
  const [, initials, surname] = m as unknown as [string, string, string];
  const patronymic = fullName.trim().split(/\s+/)[2];
  const declined = petrovich({ gender: genderOf(surname, patronymic), last: surname }, gcase).last ?? surname;
  return `${initials} ${declined}`;
}
