/**
 * An imported roadmap holds no field longer than the program's forms allow (db/limits.ts): a longer
 * one is cut, and the cut is listed in the preview's warnings — the excess is reported, not stored.
 */
import { LIMITS, formatLimit } from '../../shared/limits';
import type { Captions, Passport } from '../../db/roadmaps';
import type { ImportedSection } from './recognize';

const PASSPORT_LABELS: Record<keyof Passport, string> = {
  coordinator: 'Координатор',
  goal: 'Цель',
  tasks: 'Задачи',
  directions: 'Направления',
  indicators: 'Показатели',
  expectedResults: 'Ожидаемые результаты',
  basisDocuments: 'Основания',
};

export function fitToLimits(sections: ImportedSection[], passport: Partial<Passport>, captions: Captions, warnings: string[]): void {
  const cut = (text: string, limit: number, where: string): string => {
    if (text.length <= limit) return text;
    warnings.push(
      `${where}: ${formatLimit(text.length)} знаков при пределе ${formatLimit(limit)} — взяты первые ${formatLimit(limit)}, остальное не импортируется.`,
    );
    return text.slice(0, limit);
  };
  for (const s of sections) {
    if (s.title !== null) s.title = cut(s.title, LIMITS.medium, `Раздел ${s.number}`);
    s.number = cut(s.number, LIMITS.short, `Номер раздела «${s.number.slice(0, 20)}…»`);
    for (const m of s.measures) {
      const where = `Мероприятие ${m.number.slice(0, 40)}`;
      m.number = cut(m.number, LIMITS.short, `${where}, номер`);
      m.name = cut(m.name, LIMITS.long, `${where}, наименование`);
      m.term = cut(m.term, LIMITS.medium, `${where}, срок`);
      m.executors = cut(m.executors, LIMITS.medium, `${where}, исполнители`);
      m.result = cut(m.result, LIMITS.long, `${where}, результат`);
    }
  }
  for (const f of Object.keys(passport) as (keyof Passport)[])
    passport[f] = cut(passport[f]!, LIMITS.long, `Паспорт, «${PASSPORT_LABELS[f]}»`);
  for (const f of Object.keys(captions) as (keyof Captions)[]) captions[f] = cut(captions[f], LIMITS.short, 'Заголовок столбца');
}
