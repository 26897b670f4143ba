/**
 * What a column without a caption holds, told from its cells: executors (people, offices, schools) or
 * terms (months, dates, «ежеквартально»). A 4-column appendix often leaves the last header cell empty
 * or merges «Сроки, ответственные» over two columns; its cells still say plainly what they are.
 */
import { fold } from '../../db/text';

// Words written before or after a Russian letter must not be parts of a longer word («май» in «Майорова»).
const word = (re: string) => new RegExp(`(?<![а-яa-z])(?:${re})`, 'u');

const TERM = [
  /\d{1,2}\.\d{1,2}\.\d{2,4}/,
  /(?<!\d)(?:19|20)\d{2}(?!\d)/,
  word('январ|феврал|март|апрел|ма[йя](?![а-я])|мае(?![а-я])|июн|июл|август|сентябр|октябр|ноябр|декабр'),
  word(
    'ежедневн|еженедел|ежемесячн|ежекварт|ежегодн|в течение|постоянно|по мере|квартал|четверт|полугод|регулярно|систематическ|по графику|по плану|учебного года|до \\d|с \\d',
  ),
];

const EXECUTOR = [
  word('рмк|оо|уо|оу|моу|мбоу|маоу|мкоу|мау|мбу|гбу|цои|имц|ммц|ппк|ммо|рмо|шмо|увр|вр'),
  word(
    'руководител|директор|заместител|методист|специалист|педагог|учител|куратор|координатор|начальник|завуч|психолог|логопед|член|секретар|председател|эксперт',
  ),
  word('отдел|управлени|комитет|администраци|рабоч[а-я]* групп|школ|учреждени|организаци|центр|служб|совет'),
];
/** «Иванова И.И.», «И.И. Иванова», «Иванова И. И.» */
const NAME = /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.|[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+/u;

export type ContentKind = 'executors' | 'term';

export function cellKind(text: string): ContentKind | null {
  const t = fold(text);
  if (!t) return null;
  const term = TERM.some((re) => re.test(t));
  const executor = NAME.test(text) || EXECUTOR.some((re) => re.test(t));
  if (term === executor) return null;
  return term ? 'term' : 'executors';
}

/**
 * The kind most of a column's filled cells have, when they clearly agree: at least half of them of
 * that kind and at most a quarter of the other. Anything less leaves the column unmapped.
 */
export function columnKind(cells: string[]): ContentKind | null {
  const filled = cells.filter((c) => c.trim() !== '');
  if (!filled.length) return null;
  const counts = { executors: 0, term: 0 };
  for (const c of filled) {
    const k = cellKind(c);
    if (k) counts[k]++;
  }
  for (const [k, other] of [
    ['executors', 'term'],
    ['term', 'executors'],
  ] as const)
    if (counts[k] * 2 >= filled.length && counts[other] * 4 <= filled.length) return k;
  return null;
}
