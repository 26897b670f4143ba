/**
 * «500+» risks: the factor list as published, a school's risk profile per year, measures linked to the
 * factors they address (through the plan's undo history and the recycle bin), the gaps matrix with its
 * counts — measures of the school, done in the quarter — and a factor in use archived, not deleted.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { apiOf, freshDb } from '../helpers';

let db: Db;
let api: ReturnType<typeof apiOf>;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
});

const PUBLISHED = [
  'Низкий уровень оснащения школы',
  'Дефицит педагогических кадров',
  'Недостаточная предметная и методическая компетентность педагогических работников',
  'Риски низкой адаптивности учебного и воспитательного процесса',
  'Низкое качество преодоления языковых и культурных барьеров',
  'Несформированность внутришкольной системы повышения квалификации',
  'Высокая доля обучающихся с рисками учебной неуспешности',
  'Низкая учебная мотивация обучающихся',
  'Пониженный уровень качества школьной образовательной и воспитательной среды',
  'Высокая доля обучающихся с ОВЗ',
  'Низкий уровень вовлечённости родителей',
];

const factor = (name: string) => api('risks.factors').find((f) => f.name === name)!.id;
const school = (shortName: string, is500 = true) =>
  api('organizations.create', { kind: 'school', name: `Школа ${shortName}`, shortName, is500 }).id;

/** A roadmap of 2024 with measures; `executors` decides which school a measure belongs to. */
function plan(measures: { name: string; executors?: string; links?: number[]; risks?: number[] }[]) {
  const roadmap = api('roadmaps.create', {
    title: 'Дорожная карта «500+» на 2024 год',
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
  });
  const ids = measures.map((m) =>
    api('plan.addMeasure', {
      roadmapId: roadmap.id,
      sectionId: null,
      values: {
        name: m.name,
        term: 'Март 2024',
        executors: m.executors ?? 'Отдел образования',
        links: (m.links ?? []).map((organizationId) => ({ personId: null, organizationId })),
        risks: m.risks ?? [],
      },
    }),
  );
  return { roadmapId: roadmap.id, ids };
}

const measureRisks = (roadmapId: number, measureId: number) =>
  api('plan.get', { roadmapId })
    .sections.flatMap((s) => s.measures)
    .find((m) => m.id === measureId)?.risks;

describe('the risk factors', () => {
  it('start as the eleven published factors, in the project order, none archived', () => {
    const list = api('risks.factors');
    expect(list.map((f) => f.name)).toEqual(PUBLISHED);
    expect(list.every((f) => !f.archived && f.profiles === 0 && f.measures === 0)).toBe(true);
  });

  it('can be added, renamed and reordered; a name already in the list is refused', () => {
    const added = api('risks.saveFactor', { id: null, name: 'Низкая доступность дополнительного образования' });
    expect(api('risks.factors').at(-1)).toMatchObject({ id: added.id, name: 'Низкая доступность дополнительного образования' });
    api('risks.saveFactor', { id: added.id, name: 'Низкая доступность кружков' });
    api('risks.moveFactor', { id: added.id, index: 0 });
    expect(
      api('risks.factors')
        .map((f) => f.name)
        .slice(0, 2),
    ).toEqual(['Низкая доступность кружков', PUBLISHED[0]]);
    expect(() => api('risks.saveFactor', { id: null, name: 'дефицит педагогических кадров' })).toThrow(
      'Фактор риска «Дефицит педагогических кадров» уже есть в списке.',
    );
  });

  it('in use is archived, not deleted, and keeps its profiles and links; an unused one goes to the bin and comes back', () => {
    const s = school('СОШ № 7');
    const used = factor('Дефицит педагогических кадров');
    api('risks.setProfile', { schoolId: s, year: 2024, entries: [{ factorId: used, level: 'high' }] });
    const r = api('risks.deleteFactor', { id: used });
    expect(r.outcome).toBe('archived');
    expect(api('risks.factors').find((f) => f.id === used)).toMatchObject({ archived: true, profiles: 1 });
    expect(api('risks.profile', { schoolId: s }).entries).toEqual([{ factorId: used, level: 'high', year: 2024 }]);
    // The database itself refuses to drop a factor under a profile (ON DELETE RESTRICT).
    expect(() => db.sqlite.prepare('DELETE FROM risk_factors WHERE id = ?').run(used)).toThrow(/FOREIGN KEY/);

    const unused = factor('Высокая доля обучающихся с ОВЗ');
    expect(api('risks.deleteFactor', { id: unused }).outcome).toBe('trashed');
    expect(api('risks.factors').some((f) => f.id === unused)).toBe(false);
    expect(api('trash.list')).toContainEqual(expect.objectContaining({ kind: 'risk_factor', id: unused }));
    api('trash.restore', { kind: 'risk_factor', id: unused });
    expect(api('risks.factors').find((f) => f.id === unused)?.name).toBe('Высокая доля обучающихся с ОВЗ');
  });
});

describe('a school risk profile', () => {
  it('is written per year, replaced as a whole, and refused for an organisation that is not a school', () => {
    const s = school('СОШ № 2');
    const [a, b] = [factor(PUBLISHED[1]!), factor(PUBLISHED[6]!)];
    api('risks.setProfile', { schoolId: s, year: 2023, entries: [{ factorId: a, level: 'medium' }] });
    api('risks.setProfile', {
      schoolId: s,
      year: 2024,
      entries: [
        { factorId: a, level: 'high' },
        { factorId: b, level: 'low' },
      ],
    });
    api('risks.setProfile', { schoolId: s, year: 2024, entries: [{ factorId: b, level: 'medium' }] });
    const p = api('risks.profile', { schoolId: s });
    expect(p.years).toEqual([2024, 2023]);
    expect(p.entries).toEqual([
      { factorId: b, level: 'medium', year: 2024 },
      { factorId: a, level: 'medium', year: 2023 },
    ]);
    expect(() =>
      api('risks.setProfile', {
        schoolId: s,
        year: 2024,
        entries: [
          { factorId: a, level: 'high' },
          { factorId: a, level: 'low' },
        ],
      }),
    ).toThrow('указан дважды');
    const dept = api('organizations.create', { kind: 'department', name: 'Отдел образования' }).id;
    expect(() => api('risks.setProfile', { schoolId: dept, year: 2024, entries: [] })).toThrow('не школа');
  });

  it('goes to the bin with its school and comes back with it', () => {
    const s = school('СОШ № 9');
    api('risks.setProfile', { schoolId: s, year: 2024, entries: [{ factorId: factor(PUBLISHED[0]!), level: 'low' }] });
    api('organizations.delete', { id: s });
    expect(db.sqlite.prepare('SELECT count(*) FROM school_risks').pluck().get()).toBe(0);
    api('trash.restore', { kind: 'organization', id: s });
    expect(api('risks.profile', { schoolId: s }).entries).toHaveLength(1);
  });
});

describe('measures linked to risk factors', () => {
  it('are saved with the measure, shown in the plan, and survive undo and redo like the other fields', () => {
    const [a, b] = [factor(PUBLISHED[2]!), factor(PUBLISHED[7]!)];
    const { roadmapId, ids } = plan([{ name: 'Курсы для учителей математики', risks: [a] }]);
    const id = ids[0]!;
    expect(measureRisks(roadmapId, id)).toEqual([a]);
    api('plan.updateMeasure', { id, values: { risks: [b, a] } });
    // In the list's order, whatever order they were picked in.
    expect(measureRisks(roadmapId, id)).toEqual([a, b]);
    expect(api('plan.undo', { roadmapId }).undone).toBe('Изменение мероприятия');
    expect(measureRisks(roadmapId, id)).toEqual([a]);
    api('plan.redo', { roadmapId });
    expect(measureRisks(roadmapId, id)).toEqual([a, b]);
    // A deleted measure comes back with its links on undo.
    api('plan.deleteMeasures', { ids: [id] });
    expect(db.sqlite.prepare('SELECT count(*) FROM measure_risks').pluck().get()).toBe(0);
    api('plan.undo', { roadmapId });
    expect(measureRisks(roadmapId, id)).toEqual([a, b]);
    // An update that leaves the risks out keeps them.
    api('plan.updateMeasure', { id, values: { name: 'Курсы для учителей математики и физики' } });
    expect(measureRisks(roadmapId, id)).toEqual([a, b]);
    expect(() => api('plan.updateMeasure', { id, values: { risks: [987654] } })).toThrow('Не найдено: фактор риска № 987654');
  });

  it('go to the bin with their roadmap and come back with it; a linked factor is archived, not deleted', () => {
    const a = factor(PUBLISHED[3]!);
    const { roadmapId, ids } = plan([{ name: 'Адаптированные программы', risks: [a] }]);
    expect(api('risks.deleteFactor', { id: a }).outcome).toBe('archived');
    api('roadmaps.delete', { id: roadmapId });
    expect(db.sqlite.prepare('SELECT count(*) FROM measure_risks').pluck().get()).toBe(0);
    api('trash.restore', { kind: 'roadmap', id: roadmapId });
    expect(measureRisks(roadmapId, ids[0]!)).toEqual([a]);
  });

  it('undo does not bring back a link to a factor deleted since (into the bin): the rest of the step comes back', () => {
    const a = factor(PUBLISHED[4]!);
    const { roadmapId, ids } = plan([{ name: 'Языковая адаптация', risks: [a] }]);
    const id = ids[0]!;
    api('plan.updateMeasure', { id, values: { name: 'Языковая адаптация детей-мигрантов', risks: [] } });
    expect(api('risks.deleteFactor', { id: a }).outcome).toBe('trashed');
    api('plan.undo', { roadmapId });
    const m = api('plan.get', { roadmapId }).sections.flatMap((s) => s.measures)[0]!;
    expect([m.name, m.risks]).toEqual(['Языковая адаптация', []]);
  });

  it('are copied with the roadmap to the next year', () => {
    const a = factor(PUBLISHED[5]!);
    const { roadmapId } = plan([{ name: 'Школьная система повышения квалификации', risks: [a] }]);
    const copy = api('roadmaps.copy', { id: roadmapId, periodStart: '2025-01-01', periodEnd: '2025-12-31' });
    const copied = api('plan.get', { roadmapId: copy.roadmap.id }).sections.flatMap((s) => s.measures);
    expect(copied.map((m) => m.risks)).toEqual([[a]]);
  });
});

describe('the gaps matrix', () => {
  it('counts per verified factor the measures of the school and those done in the quarter; gaps first, high first', () => {
    const s2 = school('СОШ № 2');
    const s24 = school('СОШ № 24');
    const noProfile = school('СОШ № 5', false);
    const [staff, skills, failing, parents] = [PUBLISHED[1]!, PUBLISHED[2]!, PUBLISHED[6]!, PUBLISHED[10]!].map(factor) as [
      number,
      number,
      number,
      number,
    ];
    api('risks.setProfile', {
      schoolId: s2,
      year: 2024,
      entries: [
        { factorId: skills, level: 'medium' },
        { factorId: failing, level: 'high' },
        { factorId: parents, level: 'low' },
      ],
    });
    api('risks.setProfile', {
      schoolId: s24,
      year: 2023,
      entries: [
        { factorId: staff, level: 'high' },
        { factorId: skills, level: 'high' },
      ],
    });
    const { roadmapId, ids } = plan([
      // Named in the executors text: belongs to СОШ № 2 (and not to СОШ № 24).
      { name: 'Курсы для учителей', executors: 'МАОУ «СОШ №2»', risks: [skills, failing] },
      // Linked to both schools in the directory.
      { name: 'Консультации кураторов', links: [s2, s24], risks: [skills] },
      // Addresses a factor СОШ № 2 does not have verified: no cell gets it.
      { name: 'Ремонт кабинетов', executors: 'СОШ № 2', risks: [staff] },
      // A school's measure that is not linked to any risk.
      { name: 'Родительское собрание', executors: 'СОШ № 2' },
      // Addresses a factor, but belongs to no school of the profiles.
      { name: 'Семинар для СОШ № 5', executors: 'СОШ № 5', risks: [parents] },
    ]);
    api('execution.set', { measureId: ids[0]!, quarter: '2024-Q1', status: 'done_late' });
    api('execution.set', { measureId: ids[1]!, quarter: '2024-Q1', status: 'in_progress' });
    // Done in another quarter: not done in this one.
    api('execution.set', { measureId: ids[1]!, quarter: '2024-Q2', status: 'done' });

    const m = api('risks.matrix', { quarter: '2024-Q1' });
    expect(m.rows.map((r) => [r.school, r.year])).toEqual([
      ['СОШ № 2', 2024],
      ['СОШ № 24', 2023],
    ]);
    expect(m.rows.some((r) => r.schoolId === noProfile)).toBe(false);
    expect(m.factors.map((f) => f.id)).toEqual([staff, skills, failing, parents]);
    const cells = (i: number) => Object.fromEntries(m.rows[i]!.cells.map((c) => [c.factorId, [c.level, c.measures, c.done]]));
    expect(cells(0)).toEqual({ [skills]: ['medium', 2, 1], [failing]: ['high', 1, 1], [parents]: ['low', 0, 0] });
    expect(cells(1)).toEqual({ [staff]: ['high', 0, 0], [skills]: ['high', 1, 0] });
    expect(m.gaps.map((g) => [g.school, g.factor, g.level])).toEqual([
      ['СОШ № 24', PUBLISHED[1], 'high'],
      ['СОШ № 2', PUBLISHED[10], 'low'],
    ]);
    expect(api('risks.matrix', { quarter: '2024-Q2' }).rows[0]!.cells.find((c) => c.factorId === skills)).toMatchObject({
      measures: 2,
      done: 1,
    });
    // One school's row.
    expect(api('risks.matrix', { quarter: '2024-Q1', schoolId: s24 }).rows.map((r) => r.schoolId)).toEqual([s24]);
    // A quarter outside the plan's period: the profiles hold, no measure counts.
    const next = api('risks.matrix', { quarter: '2025-Q1' });
    expect(next.rows.flatMap((r) => r.cells.map((c) => c.measures))).toEqual([0, 0, 0, 0, 0]);
    // Before the profiles were verified there is nothing to show.
    expect(api('risks.matrix', { quarter: '2022-Q4' }).rows).toEqual([]);
    void roadmapId;
  });
});
