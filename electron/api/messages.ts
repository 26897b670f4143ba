/** Turning zod's validation issues into one Russian sentence that names the field as the form does. */
import { z } from 'zod';
import { tooLongMessage } from '../../shared/limits';

const FIELD_LABELS: Record<string, string> = {
  title: 'Название',
  name: 'Наименование',
  fullName: 'ФИО',
  shortName: 'Краткое название',
  position: 'Должность',
  phone: 'Телефон',
  email: 'Эл. почта',
  periodStart: 'Начало периода',
  periodEnd: 'Окончание периода',
  term: 'Срок',
  executors: 'Исполнители',
  result: 'Результат',
  evidence: 'Подтверждающие документы',
  date: 'Дата',
  number: 'Номер',
  place: 'Место',
  quarter: 'Квартал',
  status: 'Статус',
  text: 'Текст',
  id: 'Идентификатор',
  roadmapId: 'Дорожная карта',
  sectionId: 'Раздел',
  measureId: 'Мероприятие',
  personId: 'Человек',
  organizationId: 'Организация',
  query: 'Строка поиска',
  expectedVersion: 'Версия записи',
  kind: 'Вид записи',
  indicatorId: 'Индикатор',
  schoolId: 'Школа',
  unit: 'Единица измерения',
  direction: 'Направление',
  source: 'Источник данных',
  yearKind: 'Годы',
  year: 'Год',
  value: 'Значение',
  weight: 'База доли',
  measuredOn: 'Дата измерения',
};

let configured = false;

/** Russian messages everywhere; a few made plainer than the stock locale's. */
export function configureZod(): void {
  if (configured) return;
  configured = true;
  z.config(z.locales.ru());
  z.config({
    customError: (issue) => {
      if (issue.code === 'too_big' && issue.origin === 'string')
        return tooLongMessage(Number(issue.maximum), typeof issue.input === 'string' ? issue.input.length : Number(issue.maximum) + 1);
      if (issue.code === 'invalid_type' && issue.input === undefined) return 'Поле обязательно для заполнения';
      if (issue.code === 'unrecognized_keys') return `Лишние поля: ${issue.keys.join(', ')}`;
      return undefined;
    },
  });
}

export function describeIssues(error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((issue) => {
    const key = [...issue.path].reverse().find((p) => typeof p === 'string');
    const label = key ? (FIELD_LABELS[key] ?? key) : null;
    return label ? `«${label}»: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 3 ? ` (и ещё ${error.issues.length - 3})` : '';
  return `Неверные данные — ${first.join('; ')}${more}.`;
}
