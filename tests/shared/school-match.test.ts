/** The one rule for «this executors text names this school», on a table of names as districts write them. */
import { describe, expect, it } from 'vitest';
import { namesSchool, schoolsNamed, type SchoolNames } from '../../shared/school-match';
import { formLines } from '../../electron/reports/form';
import { apiOf, freshDb } from '../helpers';

const school = (id: number, shortName: string, name = '', aliases: string[] = []): SchoolNames => ({ id, shortName, name, aliases });
const sosh2 = school(2, 'МАОУ СОШ № 2', 'Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 2»');
const sosh24 = school(24, 'МАОУ СОШ № 24');
const gym2 = school(102, 'МБОУ Гимназия № 2');
const centre = school(7, 'МОАУ ЦО', 'Муниципальное общеобразовательное автономное учреждение «Центр образования»', [
  'Центр образования г. Зеи',
]);
const village = school(8, 'МКОУ СОШ с. Ивановка');
// A school without a number, known in the district by a name the directory holds only as an alias.
const ivanovka = school(
  9,
  'МКОУ ООШ д. Ивановка',
  'Муниципальное казённое общеобразовательное учреждение основная общеобразовательная школа д. Ивановка',
  ['Ивановская школа', 'Ивановская ООШ'],
);
const all = [sosh2, sosh24, gym2, centre, village, ivanovka];

describe('schools named in executors', () => {
  it.each([
    ['МАОУ СОШ № 2', [2]],
    ['МБОУ "СОШ №2"', [2]],
    ['школа № 2', [2]],
    ['СОШ-2', [2]],
    ['Директор СОШ № 2, методист РМК', [2]],
    ['МАОУ СОШ № 24', [24]],
    ['СОШ № 24, СОШ № 2', [2, 24]],
    ['СОШ № 2, 24', [2, 24]],
    ['ОО № 2 и № 24', [2, 24]],
    ['Гимназия № 2', [102]],
    ['МБОУ «Гимназия №2»', [102]],
    ['СОШ № 20', []],
    ['СОШ № 12', []],
    ['РМК, ОО', []],
    ['Администрации ОО (МОАУ ЦО)', [7]],
    ['Центр образования г. Зеи', [7]],
    ['СОШ с. Ивановка', []],
    ['МКОУ СОШ с. Ивановка, РМК', [8]],
    ['Руководитель ШМО, 2 раза в год', []],
    ['', []],
    ['Начальник отдела образования, 2 раза в год', []],
    ['Средняя общеобразовательная школа № 2', [2]],
    // The table: how the district writes «№ 2», and what must never be taken for it.
    ['СОШ №2', [2]],
    ['СОШ 2', [2]],
    ['МБОУ «СОШ № 2»', [2]],
    ['МОУ СОШ № 2 г. Карпинска', [2]],
    ['СОШ № 2.', [2]],
    ['средняя школа № 2', [2]],
    ['Школа №2', [2]],
    ['школы № 2 и № 24', [2, 24]],
    ['СОШ № 24', [24]],
    ['СОШ №24', [24]],
    ['СОШ-24', [24]],
    ['СОШ № 242', []],
    ['СОШ № 2024', []],
    ['2 раза в год, СОШ', []],
    ['В течение 2024 года: СОШ № 2', [2]],
    // Aliases: the only way to recognise a school without a number.
    ['Ивановская школа', [9]],
    ['МКОУ «Ивановская школа»', [9]],
    ['ивановская ООШ, РМК', [9]],
    ['Ивановская', []],
    ['Школа', []],
  ])('«%s» → %j', (executors, ids) =>
    expect(
      schoolsNamed(executors as string, all)
        .map((s) => s.id)
        .sort((a, b) => a - b),
    ).toEqual(ids),
  );

  it('never takes «СОШ № 2» for «СОШ № 24» or the other way round', () => {
    expect(namesSchool('МАОУ СОШ № 24', sosh2)).toBe(false);
    expect(namesSchool('МАОУ СОШ № 2', sosh24)).toBe(false);
    expect(namesSchool('МАОУ СОШ №24', sosh2)).toBe(false);
  });

  it('tells a gymnasium from a general school with the same number', () => {
    expect(namesSchool('СОШ № 2', gym2)).toBe(false);
    expect(namesSchool('Гимназия № 2', sosh2)).toBe(false);
  });
});

describe('one matcher for the school forms and «Сроки»', () => {
  it('gives СОШ № 2 its own measures, not those of СОШ № 24, in its form and in «Сроки»', () => {
    const db = freshDb();
    const api = apiOf(db);
    const two = api('organizations.create', { kind: 'school', name: 'Средняя общеобразовательная школа № 2', shortName: 'МАОУ СОШ № 2' });
    api('organizations.create', { kind: 'school', name: 'Средняя общеобразовательная школа № 24', shortName: 'МАОУ СОШ № 24' });
    const r = api('roadmaps.create', { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    const add = (name: string, executors: string) =>
      api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name, term: 'до 15.02.2024', executors } });
    add('Для двадцать четвёртой', 'МАОУ СОШ № 24');
    add('Для второй', 'МБОУ "СОШ №2", РМК');
    add('Для обеих', 'СОШ № 2, 24');
    const names = formLines(db, '2024-Q1', two.id).map((l) => l.row.measure!.name);
    expect(names).toEqual(['Для второй', 'Для обеих']);
    const due = api('terms.due', { today: '2024-03-01', window: 'overdue', schoolId: two.id }).map((d) => d.name);
    expect(due.sort()).toEqual(['Для второй', 'Для обеих']);
  });
});
