/**
 * The appendix passport's table of indicators, read back by python-docx: the captions, a column per year
 * headed by the year (school years as «2024/2025»), the district's targets with a decimal comma, the
 * baseline with its year; the passport's «Комплекс индикаторов» text row gives way to it; the option off
 * prints the text instead; a roadmap without indicators prints as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import type { Db } from '../../db/open';
import { createIndicator, setIndicatorValue } from '../../db/indicators';
import { apiOf, freshDb, tempDir } from '../helpers';
import { readDocx, tables } from './readers';

let db: Db;
let api: ReturnType<typeof apiOf>;
let roadmapId: number;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
  roadmapId = api('roadmaps.create', { title: 'Поддержка ШНОР', periodStart: '2024-01-01', periodEnd: '2026-12-31' }).id;
  api('roadmaps.update', { id: roadmapId, values: { indicators: 'Доля выпускников, преодолевших порог ЕГЭ (текст паспорта)' } });
  api('plan.addMeasure', { roadmapId, sectionId: null, values: { name: 'Семинар', term: 'Март 2024' } });
});

async function appendix(request: Record<string, unknown> = {}) {
  const r = await callApi({ db }, 'documents.download', { request: { kind: 'appendix', roadmapId, ...request } });
  if (!r.ok) throw new Error(r.error.message);
  const file = path.join(tempDir(), 'appendix.docx');
  fs.writeFileSync(file, Buffer.from((r.value as { base64: string }).base64, 'base64'));
  return tables(readDocx(file)).map((t) => t.rows.map((row) => row.cells.map((c) => c.text)));
}

const preview = async (request: Record<string, unknown> = {}) => {
  const r = await callApi({ db }, 'documents.preview', { request: { kind: 'appendix', roadmapId, ...request } });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { lines: { label: string; value: string }[] }).lines;
};

describe('the indicators table in the appendix passport', () => {
  it('prints the captions, the years and the district targets; the text row gives way', async () => {
    const ege = createIndicator(db, roadmapId, { name: 'Доля выпускников, преодолевших порог ЕГЭ', unit: 'percent' });
    const old = createIndicator(db, roadmapId, { name: 'Доля педагогов пенсионного возраста', unit: 'percent', direction: 'lower' });
    const oge = createIndicator(db, roadmapId, { name: 'Качественная успеваемость ОГЭ', unit: 'percent', yearKind: 'school' });
    setIndicatorValue(db, { indicatorId: ege.id, schoolId: null, kind: 'baseline', year: 2023, value: 45.5 });
    setIndicatorValue(db, { indicatorId: ege.id, schoolId: null, kind: 'target', year: 2024, value: 50 });
    setIndicatorValue(db, { indicatorId: ege.id, schoolId: null, kind: 'target', year: 2026, value: 62.25 });
    setIndicatorValue(db, { indicatorId: old.id, schoolId: null, kind: 'target', year: 2025, value: 30 });
    setIndicatorValue(db, { indicatorId: oge.id, schoolId: null, kind: 'target', year: 2024, value: 40 });

    expect(await preview()).toContainEqual({ label: 'Таблица индикаторов', value: 'печатается (3)' });
    const all = await appendix();
    const passport = all[0]!;
    expect(passport.map((r) => r[0])).not.toContain('Комплекс индикаторов');
    // Calendar and school years do not share columns: a table for each kind.
    const [calendar, school] = all.slice(1, 3);
    expect(calendar![0]).toEqual(['Индикатор', 'Ед. изм.', 'Базовое значение', '2024', '2025', '2026']);
    expect(calendar![1]).toEqual(['Доля выпускников, преодолевших порог ЕГЭ', '%', '45,5 (2023)', '50', '', '62,25']);
    expect(calendar![2]).toEqual(['Доля педагогов пенсионного возраста', '%', '', '', '30', '']);
    expect(school![0]).toEqual(['Индикатор', 'Ед. изм.', 'Базовое значение', '2023/2024', '2024/2025', '2025/2026', '2026/2027']);
    expect(school![1]).toEqual(['Качественная успеваемость ОГЭ', '%', '', '', '40', '', '']);
    // The plan is still the last table.
    expect(all.at(-1)![1]).toEqual(['1', 'Семинар', 'Март 2024', '', '']);
  });

  it('with the option off prints the passport text instead; without indicators nothing changes', async () => {
    expect((await preview()).map((l) => l.label)).not.toContain('Таблица индикаторов');
    const before = await appendix();
    expect(before).toHaveLength(2);
    expect(before[0]!.find((r) => r[0] === 'Комплекс индикаторов')![1]).toContain('текст паспорта');

    createIndicator(db, roadmapId, { name: 'Доля родителей, удовлетворённых качеством', unit: 'percent' });
    expect(await preview({ includeIndicators: false })).toContainEqual({ label: 'Таблица индикаторов', value: 'не печатается' });
    const off = await appendix({ includeIndicators: false });
    expect(off).toHaveLength(2);
    expect(off[0]!.find((r) => r[0] === 'Комплекс индикаторов')![1]).toContain('текст паспорта');
    // The passport off takes the table with it.
    expect(await appendix({ includePassport: false })).toHaveLength(1);
  });
});
