/**
 * Schools in the directory with their other spellings («Другие написания»), and «Связать исполнителей
 * со школами…»: what the app proposes for an imported plan, what «Связать» writes, what «Отменить»
 * takes back, what it refuses — and the school form of an imported plan, read back by openpyxl.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import type { Db } from '../../db/open';
import { schoolDirectory } from '../../db/organizations';
import { buildSchoolForm, FORM_HEADER_ROW } from '../../electron/reports/form';
import { apiOf, freshDb, snapshotAll, tempDir } from '../helpers';
import { readXlsx } from '../reports/xlsx';

let db: Db;
let api: ReturnType<typeof apiOf>;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
});

const school = (shortName: string, aliases = '') =>
  api('organizations.create', { kind: 'school', name: `Школа ${shortName}`, shortName, aliases });

/** A plan imported from a pasted table: executors are plain text, nothing linked. */
async function importPlan(rows: [string, string, string][]): Promise<number> {
  const text = [
    'План на 2024 год',
    '№\tМероприятие\tСрок\tИсполнители',
    ...rows.map(([n, name, executors], i) => `${i + 1}\t${name}\t${n}\t${executors}`),
  ].join('\n');
  const r = await callApi({ db }, 'import.commit', {
    fileName: 'таблица.txt',
    text,
    title: 'План на 2024 год',
    period: { start: '2024-01-01', end: '2024-12-31' },
  });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { roadmapId: number }).roadmapId;
}

const linksOf = (roadmapId: number) =>
  db.sqlite
    .prepare(
      'SELECT e.measure_id AS measureId, e.organization_id AS organizationId FROM measure_executors e JOIN measures m ON m.id = e.measure_id WHERE m.roadmap_id = ? ORDER BY e.measure_id, e.organization_id',
    )
    .all(roadmapId);

describe('aliases in the directory', () => {
  it('stores them one per line, tidied, and gives them to the matcher', () => {
    const o = school('МКОУ ООШ д. Ивановка', '  Ивановская школа \n\n Ивановская  ООШ\nивановская школа\n');
    expect(o.aliases).toBe('Ивановская школа\nИвановская ООШ');
    expect(schoolDirectory(db)).toEqual([
      { id: o.id, name: 'Школа МКОУ ООШ д. Ивановка', shortName: 'МКОУ ООШ д. Ивановка', aliases: ['Ивановская школа', 'Ивановская ООШ'] },
    ]);
    api('organizations.update', { id: o.id, values: { aliases: 'Школа в Ивановке' } });
    expect(schoolDirectory(db)[0]!.aliases).toEqual(['Школа в Ивановке']);
  });

  it('keeps them through the bin: deleted and restored, the school still has its aliases', () => {
    const o = school('МКОУ ООШ д. Ивановка', 'Ивановская школа');
    api('organizations.delete', { id: o.id });
    expect(schoolDirectory(db)).toEqual([]);
    api('trash.restore', { kind: 'organization', id: o.id });
    expect(api('organizations.list', { kind: 'school' })[0]).toMatchObject({ id: o.id, aliases: 'Ивановская школа' });
  });

  it('are refused past the limit with a Russian message', () => {
    expect(() => school('СОШ № 7', 'а'.repeat(2001))).toThrow(/[А-Яа-я]/);
    expect(api('organizations.list')).toEqual([]);
  });

  it('make «Сроки» by school find a school without a number', async () => {
    const ivanovka = school('МКОУ ООШ д. Ивановка');
    await importPlan([['до 15.02.2024', 'Семинар', 'Ивановская школа']]);
    const due = () => api('terms.due', { today: '2024-03-01', window: 'overdue', schoolId: ivanovka.id }).map((d) => d.name);
    expect(due()).toEqual([]);
    api('organizations.update', { id: ivanovka.id, values: { aliases: 'Ивановская школа' } });
    expect(due()).toEqual(['Семинар']);
  });
});

describe('«Связать исполнителей со школами…»', () => {
  it('proposes the schools named in executors, one row per measure, never «СОШ № 2» for «СОШ № 24»', async () => {
    const two = school('МАОУ СОШ № 2');
    const twentyFour = school('МАОУ СОШ № 24');
    const ivanovka = school('МКОУ ООШ д. Ивановка', 'Ивановская школа');
    api('organizations.create', { kind: 'rmk', name: 'РМК', shortName: 'РМК' });
    const r = await importPlan([
      ['март 2024', 'Для второй', 'МБОУ "СОШ №2"'],
      ['март 2024', 'Для двадцать четвёртой', 'СОШ № 24'],
      ['март 2024', 'Для обеих', 'школа № 2, СОШ-24'],
      ['март 2024', 'Для РМК', 'РМК'],
      ['март 2024', 'Для Ивановки', 'Ивановская школа'],
    ]);
    expect(api('plan.proposeSchoolLinks', { roadmapId: r }).map((p) => [p.number, p.name, p.schools.map((s) => s.label)])).toEqual([
      ['1', 'Для второй', ['МАОУ СОШ № 2']],
      ['2', 'Для двадцать четвёртой', ['МАОУ СОШ № 24']],
      ['3', 'Для обеих', ['МАОУ СОШ № 2', 'МАОУ СОШ № 24']],
      ['5', 'Для Ивановки', ['МКОУ ООШ д. Ивановка']],
    ]);
    expect(api('plan.proposeSchoolLinks', { roadmapId: r }).flatMap((p) => p.schools.map((s) => s.id))).toEqual([
      two.id,
      twentyFour.id,
      two.id,
      twentyFour.id,
      ivanovka.id,
    ]);
  });

  it('links the checked pairs in one step that «Отменить» takes back, and proposes only what is still unlinked', async () => {
    const two = school('МАОУ СОШ № 2');
    const twentyFour = school('МАОУ СОШ № 24');
    const r = await importPlan([
      ['март 2024', 'Для второй', 'МБОУ "СОШ №2"'],
      ['март 2024', 'Для обеих', 'СОШ № 2, 24'],
    ]);
    const proposals = api('plan.proposeSchoolLinks', { roadmapId: r });
    const [first, both] = proposals.map((p) => p.measureId) as [number, number];
    // The methodist unchecks the first row: only the second measure's two schools are linked.
    const before = api('plan.get', { roadmapId: r }).undo.steps;
    expect(
      api('plan.linkSchools', {
        roadmapId: r,
        links: [
          { measureId: both, organizationId: two.id },
          { measureId: both, organizationId: twentyFour.id },
        ],
      }),
    ).toEqual({ linked: 2 });
    expect(linksOf(r)).toEqual([
      { measureId: both, organizationId: two.id },
      { measureId: both, organizationId: twentyFour.id },
    ]);
    const plan = api('plan.get', { roadmapId: r });
    expect(plan.undo).toMatchObject({ steps: before + 1, last: 'Связь исполнителей со школами' });
    expect(plan.sections.flatMap((s) => s.measures).find((m) => m.id === both)!.links).toEqual([
      { personId: null, organizationId: two.id },
      { personId: null, organizationId: twentyFour.id },
    ]);
    // Linked pairs are not proposed again; linking them again adds nothing and no step.
    expect(api('plan.proposeSchoolLinks', { roadmapId: r }).map((p) => p.measureId)).toEqual([first]);
    expect(api('plan.linkSchools', { roadmapId: r, links: [{ measureId: both, organizationId: two.id }] })).toEqual({ linked: 0 });
    expect(api('plan.get', { roadmapId: r }).undo.steps).toBe(before + 1);

    expect(api('plan.undo', { roadmapId: r })).toEqual({ undone: 'Связь исполнителей со школами' });
    expect(linksOf(r)).toEqual([]);
    expect(api('plan.proposeSchoolLinks', { roadmapId: r })).toHaveLength(2);
    api('plan.redo', { roadmapId: r });
    expect(linksOf(r)).toHaveLength(2);
  });

  it('refuses a measure of another roadmap, an organisation that is not a school, unknown ids — in Russian, writing nothing', async () => {
    const two = school('МАОУ СОШ № 2');
    const rmk = api('organizations.create', { kind: 'rmk', name: 'РМК', shortName: 'РМК' });
    const r = await importPlan([['март 2024', 'Для второй', 'СОШ № 2']]);
    const other = await importPlan([['март 2024', 'Чужое', 'СОШ № 2']]);
    const mine = api('plan.proposeSchoolLinks', { roadmapId: r })[0]!.measureId;
    const foreign = api('plan.proposeSchoolLinks', { roadmapId: other })[0]!.measureId;
    const snapshot = snapshotAll(db);
    const refused = async (links: { measureId: number; organizationId: number }[], roadmapId = r) => {
      const res = await callApi({ db }, 'plan.linkSchools', { roadmapId, links });
      expect(res.ok).toBe(false);
      return res.ok ? '' : res.error.message;
    };
    // The good pair first: the bad one after it must not leave the good one written.
    expect(
      await refused([
        { measureId: mine, organizationId: two.id },
        { measureId: foreign, organizationId: two.id },
      ]),
    ).toMatch(/не из дорожной карты «План на 2024 год»/);
    expect(
      await refused([
        { measureId: mine, organizationId: two.id },
        { measureId: mine, organizationId: rmk.id },
      ]),
    ).toMatch(/не школа/);
    expect(await refused([{ measureId: 987654, organizationId: two.id }])).toMatch(/Мероприятие № 987654 не найдено/);
    expect(await refused([{ measureId: mine, organizationId: 987654 }])).toMatch(/Организация № 987654 не найдена/);
    expect(await refused([{ measureId: mine, organizationId: two.id }], 987654)).toMatch(/[А-Яа-я]/);
    expect(await refused([])).toMatch(/[А-Яа-я]/);
    expect(snapshotAll(db)).toEqual(snapshot);
  });
});

describe('the school form of an imported plan', () => {
  it('is empty before, and lists the measure once it is linked — read back by openpyxl', async () => {
    const ivanovka = school('МКОУ ООШ д. Ивановка');
    const r = await importPlan([
      ['до 15.02.2024', 'Семинар для Ивановки', 'Ивановская школа, РМК'],
      ['до 15.02.2024', 'Совещание', 'Отдел образования'],
    ]);
    // The text names the school in a way the directory does not know yet: no form.
    await expect(buildSchoolForm(db, { quarter: '2024-Q1', schoolId: ivanovka.id })).rejects.toThrow(/нет мероприятий/);
    expect(api('plan.proposeSchoolLinks', { roadmapId: r })).toEqual([]);

    api('organizations.update', { id: ivanovka.id, values: { aliases: 'Ивановская школа' } });
    const proposals = api('plan.proposeSchoolLinks', { roadmapId: r });
    expect(proposals.map((p) => [p.name, p.schools.map((s) => s.id)])).toEqual([['Семинар для Ивановки', [ivanovka.id]]]);
    api('plan.linkSchools', { roadmapId: r, links: [{ measureId: proposals[0]!.measureId, organizationId: ivanovka.id }] });
    // The link is what the form goes by now: even with the alias gone the measure stays in the school's form.
    api('organizations.update', { id: ivanovka.id, values: { aliases: '' } });

    const form = await buildSchoolForm(db, { quarter: '2024-Q1', schoolId: ivanovka.id });
    const file = path.join(tempDir(), form.fileName);
    fs.writeFileSync(file, form.data);
    const sheet = readXlsx(file).find((s) => s.name === 'Форма')!;
    const body = sheet.rows.slice(FORM_HEADER_ROW).filter((row) => row.some((c) => c !== null && c !== ''));
    expect(body.map((row) => row[3])).toEqual(['Семинар для Ивановки']);
    expect(form.measures).toBe(1);
  });
});
