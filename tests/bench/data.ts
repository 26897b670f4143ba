/**
 * Realistic Russian plans for the benchmark: sections and measures worded like the district's real
 * roadmaps (../shared/samples), with varied terms, executors and results, generated
 * deterministically so every run times the same text.
 */
import type { Db } from '../../db/open';
import { insertPlan } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';

const SECTIONS = [
  'Организационно-управленческие мероприятия',
  'Повышение профессиональной компетентности педагогических работников',
  'Работа с обучающимися, испытывающими трудности в обучении',
  'Совершенствование внутришкольной системы оценки качества образования',
  'Работа с родителями (законными представителями) обучающихся',
  'Мониторинг и анализ результатов оценочных процедур',
  'Методическое сопровождение школ с низкими образовательными результатами',
  'Развитие образовательной среды и материально-технической базы',
];

const ACTIONS = [
  'Проведение анализа результатов ВПР, ОГЭ и ЕГЭ в разрезе образовательных организаций',
  'Организация участия педагогов в курсах повышения квалификации по программам ФГОС',
  'Разработка и утверждение программ антирисковых мер по направлениям рискового профиля',
  'Проведение методического семинара «Формирование функциональной грамотности обучающихся»',
  'Организация наставничества для молодых педагогов со стажем работы до трёх лет',
  'Посещение уроков кураторами с последующим анализом и рекомендациями',
  'Проведение родительских собраний по вопросам подготовки к государственной итоговой аттестации',
  'Мониторинг выполнения мероприятий дорожной карты и подготовка информации в министерство',
  'Организация сетевого взаимодействия школ-партнёров по обмену опытом',
  'Корректировка рабочих программ учебных предметов с учётом результатов диагностики',
  'Проведение заседания муниципальной рабочей группы по сопровождению ШНОР',
  'Организация индивидуальных консультаций для обучающихся группы риска',
];

const SCHOOLS = [
  'МБОУ СОШ № 1 с. Богородское',
  'МБОУ ООШ п. Циммермановка',
  'МБОУ СОШ с. Булава',
  'МБОУ СОШ п. Де-Кастри',
  'МБОУ ООШ с. Солонцы',
  'МБОУ СОШ п. Многовершинный',
];

const TERMS = [
  'До 10 февраля 2024',
  'Март –май 2024',
  'Ежемесячно',
  'Ежегодно в мае',
  '2 – 3 квартал 2024',
  'По итогам каждой четверти',
  'В течение всего срока действия программы',
  'С 01.03.2024',
  'Октябрь, ноябрь 2024',
  'до 5мая 2024',
  'Ежеквартально',
  'По мере поступления запросов',
  'Ноябрь 2024 – февраль 2025',
  '28 октября – 8 ноября 2024',
  '2024/2025 учебный год',
  'До 20 января 2025',
];

const EXECUTORS = [
  'Управление образования, РМК',
  'Руководители ОО, заместители директоров по УВР',
  'Муниципальный координатор, кураторы школ',
  'РМК, руководители районных методических объединений',
  'Педагоги-психологи, социальные педагоги',
];

const RESULTS = [
  'Аналитическая справка, адресные рекомендации образовательным организациям',
  'Повышение квалификации не менее 90 % педагогических работников',
  'Утверждённые программы антирисковых мер, размещённые на сайтах ОО',
  'Протокол заседания, план корректирующих мероприятий',
  'Рост доли обучающихся, преодолевших минимальный порог, на 5 %',
  'Информация в министерство образования и науки края',
];

/** The i-th measure of a plan: the same text for the same i in every run. */
export function measureText(i: number) {
  const school = SCHOOLS[(i * 7) % SCHOOLS.length]!;
  return {
    number: '',
    name: `${ACTIONS[i % ACTIONS.length]!} (${school}), этап ${1 + (i % 9)}`,
    term: TERMS[(i * 5) % TERMS.length]!,
    executors: `${EXECUTORS[(i * 3) % EXECUTORS.length]!}; ${school}`,
    result: RESULTS[(i * 11) % RESULTS.length]!,
  };
}

/** The plan of `measures` measures in sections of up to 50, as insertPlan takes it. */
export function planSections(measures: number, offset = 0) {
  const sections = [];
  for (let start = 0, s = 0; start < measures; start += 50, s++)
    sections.push({
      number: '',
      title: `${SECTIONS[s % SECTIONS.length]!}${s >= SECTIONS.length ? ` (часть ${1 + Math.floor(s / SECTIONS.length)})` : ''}`,
      measures: Array.from({ length: Math.min(50, measures - start) }, (_, i) => measureText(offset + start + i)),
    });
  return sections;
}

/**
 * Writes roadmaps holding `measures` measures in all, `perRoadmap` each (2024–2025), into `db` in
 * one transaction, and returns their ids.
 */
export function seedPlans(db: Db, measures: number, perRoadmap = Math.min(measures, 2000)): number[] {
  return db.sqlite.transaction(() => {
    const ids: number[] = [];
    for (let done = 0, r = 0; done < measures; done += perRoadmap, r++) {
      const rm = createRoadmap(db, {
        title: `Дорожная карта по повышению качества образования в ШНОР, часть ${r + 1}`,
        periodStart: '2024-01-01',
        periodEnd: '2025-12-31',
      });
      insertPlan(db, rm.id, planSections(Math.min(perRoadmap, measures - done), done));
      ids.push(rm.id);
    }
    return ids;
  })();
}
