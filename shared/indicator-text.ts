/**
 * The passport's «Комплекс индикаторов» text turned into indicator rows in one step: one indicator per
 * item, whether the items are lines, «;»-separated, numbered, bulleted or sentences run together
 * («… по русскому языку. Качественная успеваемость ОГЭ по математике.»), with a guess of the unit and
 * the direction the methodist then checks. Pure: the renderer previews the same rows the API writes.
 */
import type { IndicatorDirection, IndicatorSource, IndicatorUnit } from './labels';

export interface IndicatorDraft {
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  source: IndicatorSource;
}

/** More than this is not a passport's list but a pasted document. */
export const MAX_INDICATORS_FROM_TEXT = 200;

const BULLET = /^\s*(?:[-–—•·*]|\d{1,3}[.)]\s*(?:\d{1,3}[.)])?|[а-яa-z]\))\s*/i;

/** Words that make a lower value the better one: failures, dropouts, shortages. */
const LOWER_IS_BETTER = [
  /не\s*(?:преодолевш|прошедш|сдавш|получивш|аттестован)/i,
  /неудовлетвор/i,
  /неуспева/i,
  /отч[иі]сл|отток|выбыв/i,
  /пропуск/i,
  /правонарушен/i,
  /пенсионного\s+возраста/i,
  /дефицит|ваканси/i,
  /снижени/i,
];

function guessUnit(name: string): IndicatorUnit {
  if (/^(?:доля|процент|удельный\s+вес|качественная\s+успеваемость|успеваемость|охват)/i.test(name) || /%/.test(name)) return 'percent';
  if (/средн\S*\s+балл|балл/i.test(name)) return 'points';
  if (/^(?:количество|число|численность)\s+(?:обучающихся|учащихся|выпускников|педагог|учител|родител|детей|человек|участник)/i.test(name))
    return 'people';
  return 'units';
}

function guessSource(name: string): IndicatorSource {
  // \b is an ASCII word boundary: Cyrillic abbreviations need their own.
  const word = (w: string) => new RegExp(`(?<![А-ЯЁа-яё])${w}(?![А-ЯЁа-яё])`).test(name);
  if (word('ЕГЭ')) return 'ege';
  if (word('ОГЭ') || word('ГИА-9')) return 'oge';
  if (word('ВПР')) return 'vpr';
  // «удовлетворённость» is a survey; «неудовлетворительные отметки» are not.
  if (/анкетир|опрос|(?<!не)удовлетвор/i.test(name)) return 'survey';
  if (/мониторинг/i.test(name)) return 'regional';
  return 'other';
}

/** Lines of the text with words broken across lines rejoined: the passports wrap inside table cells. */
function items(text: string): string[] {
  const lines = text
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const line of lines) {
    const starts = BULLET.test(line) || /^[А-ЯЁA-Z]/.test(line);
    const prev = out[out.length - 1];
    // A line in lower case continues the item above (a wrapped cell), unless that item had ended with «;» or «.».
    if (prev !== undefined && !starts && !/[.;]$/.test(prev)) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out.flatMap((item) =>
    item
      .split(/;\s*|(?<=[а-яёa-z0-9»)])\.\s+(?=[А-ЯЁ])/)
      .map((s) =>
        s
          .replace(BULLET, '')
          .replace(/[.;,\s]+$/, '')
          .trim(),
      )
      .filter((s) => s.length > 2),
  );
}

export function indicatorsFromText(text: string): IndicatorDraft[] {
  const seen = new Set<string>();
  const out: IndicatorDraft[] = [];
  for (const raw of items(text)) {
    const name = raw.charAt(0).toUpperCase() + raw.slice(1);
    const key = name.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      name,
      unit: guessUnit(name),
      direction: LOWER_IS_BETTER.some((re) => re.test(name)) ? 'lower' : 'higher',
      source: guessSource(name),
    });
    if (out.length >= MAX_INDICATORS_FROM_TEXT) break;
  }
  return out;
}
