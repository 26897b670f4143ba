/**
 * The quarterly report's indicators, read back by openpyxl: the printed «Индикаторы» (captions, a district
 * line and a school line, a lower-is-better indicator met and not met, the school year holding the
 * quarter), the flat «Данные — индикаторы», and the region's consolidation taking them into its own
 * «Индикаторы»; a report without indicators has neither sheet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createIndicator, setIndicatorValue } from '../../db/indicators';
import { consolidateModel, renderConsolidation } from '../../electron/reports/consolidate';
import { INDICATOR_DATA_HEADERS } from '../../electron/reports/indicator-data-sheet';
import { INDICATOR_HEADER_ROW } from '../../electron/reports/indicator-sheet';
import { buildQuarterlyReport } from '../../electron/reports/quarterly';
import { apiOf, freshDb, tempDir } from '../helpers';
import { readXlsx } from './xlsx';

const dir = tempDir('rmk-indicators-sheet-');
let db: Db;
let api: ReturnType<typeof apiOf>;
let roadmapId: number;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
  roadmapId = api('roadmaps.create', { title: 'Поддержка ШНОР', periodStart: '2024-01-01', periodEnd: '2025-12-31' }).id;
  api('plan.addMeasure', { roadmapId, sectionId: null, values: { name: 'Семинар', term: 'Май 2024' } });
});
const school = (shortName: string) => api('organizations.create', { kind: 'school', name: `Школа ${shortName}`, shortName }).id;

async function report(quarter: string) {
  const r = await buildQuarterlyReport(db, { quarter, date: '2024-06-20' });
  const file = path.join(dir, `${quarter}-${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(file, r.data);
  return { file, data: r.data, sheets: readXlsx(file) };
}

describe('the indicators in the quarterly report', () => {
  it('prints the district line then the schools, with the achievement in the indicator’s direction', async () => {
    const a = school('СОШ № 1');
    const b = school('СОШ № 2');
    const ege = createIndicator(db, roadmapId, { name: 'Доля выпускников, преодолевших порог ЕГЭ', unit: 'percent', source: 'ege' });
    const old = createIndicator(db, roadmapId, { name: 'Доля педагогов пенсионного возраста', unit: 'percent', direction: 'lower' });
    const oge = createIndicator(db, roadmapId, { name: 'Качественная успеваемость ОГЭ', unit: 'percent', yearKind: 'school' });
    setIndicatorValue(db, { indicatorId: ege.id, schoolId: null, kind: 'baseline', year: 2023, value: 45.5 });
    setIndicatorValue(db, { indicatorId: ege.id, schoolId: null, kind: 'target', year: 2024, value: 50 });
    setIndicatorValue(db, { indicatorId: ege.id, schoolId: a, kind: 'target', year: 2024, value: 55 });
    setIndicatorValue(db, { indicatorId: ege.id, schoolId: a, kind: 'actual', year: 2024, value: 57.5, weight: 20 });
    setIndicatorValue(db, { indicatorId: ege.id, schoolId: b, kind: 'actual', year: 2024, value: 40, weight: 20 });
    setIndicatorValue(db, { indicatorId: old.id, schoolId: a, kind: 'target', year: 2024, value: 30 });
    setIndicatorValue(db, { indicatorId: old.id, schoolId: a, kind: 'actual', year: 2024, value: 28 });
    setIndicatorValue(db, { indicatorId: old.id, schoolId: b, kind: 'target', year: 2024, value: 30 });
    setIndicatorValue(db, { indicatorId: old.id, schoolId: b, kind: 'actual', year: 2024, value: 35 });
    // 2024-Q2 closes the school year 2023/2024.
    setIndicatorValue(db, { indicatorId: oge.id, schoolId: null, kind: 'target', year: 2023, value: 40 });
    setIndicatorValue(db, { indicatorId: oge.id, schoolId: null, kind: 'actual', year: 2023, value: 41 });

    const { file, data, sheets } = await report('2024-Q2');
    expect(sheets.map((s) => s.name)).toEqual([
      'Сводка',
      'Ход выполнения',
      'Поддержка ШНОР',
      'Индикаторы',
      'Данные',
      'Данные — индикаторы',
      'rmk-report',
    ]);
    const ws = sheets.find((s) => s.name === 'Индикаторы')!;
    expect(ws.rows[INDICATOR_HEADER_ROW - 1]).toEqual([
      'Индикатор',
      'Ед. изм.',
      'Школа',
      'Год',
      'Базовое значение',
      'Целевое значение',
      'Фактическое значение',
      'Достигнуто',
    ]);
    const body = ws.rows.slice(INDICATOR_HEADER_ROW);
    // The district's share computed from the schools' (weighted: (57,5·20 + 40·20) / 40 = 48,75, shown to a tenth: 48,8) — under 50.
    expect(body[0]).toEqual(['Доля выпускников, преодолевших порог ЕГЭ', '%', 'Район', '2024', '45,5 (2023)', 50, 48.8, 'Не достигнуто']);
    expect(body[1]).toEqual(['Доля выпускников, преодолевших порог ЕГЭ', '%', 'СОШ № 1', '2024', null, 55, 57.5, 'Достигнуто']);
    expect(body[2]).toEqual(['Доля выпускников, преодолевших порог ЕГЭ', '%', 'СОШ № 2', '2024', null, null, 40, 'Нет данных']);
    // Lower is better: 28 against 30 is met, 35 is not.
    expect(body[4]).toEqual(['Доля педагогов пенсионного возраста', '%', 'СОШ № 1', '2024', null, 30, 28, 'Достигнуто']);
    expect(body[5]).toEqual(['Доля педагогов пенсионного возраста', '%', 'СОШ № 2', '2024', null, 30, 35, 'Не достигнуто']);
    expect(body[6]).toEqual(['Качественная успеваемость ОГЭ', '%', 'Район', '2023/2024', null, 40, 41, 'Достигнуто']);
    expect(ws.bold).toContain(`C${INDICATOR_HEADER_ROW + 1}`);
    expect(ws.bold).not.toContain(`C${INDICATOR_HEADER_ROW + 2}`);
    expect(ws.freeze).toBe(`B${INDICATOR_HEADER_ROW + 1}`);

    const flat = sheets.find((s) => s.name === 'Данные — индикаторы')!;
    expect(flat.rows[0]).toEqual(INDICATOR_DATA_HEADERS);
    const col = (name: string) => INDICATOR_DATA_HEADERS.indexOf(name);
    const district = flat.rows[1]!;
    expect([
      district[col('Школа')],
      district[col('ID школы')],
      district[col('Базовое значение')],
      district[col('Год базового значения')],
    ]).toEqual(['Район', null, 45.5, 2023]);
    expect([district[col('Фактическое значение')], district[col('Рассчитано по школам')], district[col('Код достижения')]]).toEqual([
      48.8,
      'да',
      'not_met',
    ]);
    const lowerMissed = flat.rows.find(
      (r) => r[col('Школа')] === 'СОШ № 2' && r[col('Индикатор')] === 'Доля педагогов пенсионного возраста',
    )!;
    expect([lowerMissed[col('Код направления')], lowerMissed[col('ID школы')], lowerMissed[col('Достигнуто')]]).toEqual([
      'lower',
      b,
      'Не достигнуто',
    ]);

    // The region reads them back and lays them side by side.
    const model = consolidateModel([{ name: path.basename(file), data }]);
    expect(model.refused).toEqual([]);
    expect(model.indicators).toHaveLength(7);
    expect(model.indicators[0]).toMatchObject({ school: 'Район', target: 50, actual: 48.8, computed: true, achievementCode: 'not_met' });
    expect(model.indicators[5]).toMatchObject({ schoolId: b, directionCode: 'lower', actual: 35, achievement: 'Не достигнуто' });
    const book = await renderConsolidation(model, new Date('2024-07-01T00:00:00Z'));
    const regionFile = path.join(dir, 'region.xlsx');
    fs.writeFileSync(regionFile, book.data);
    const region = readXlsx(regionFile).find((s) => s.name === 'Индикаторы')!;
    expect(region.rows[0]).toEqual(INDICATOR_DATA_HEADERS);
    expect(region.rows.slice(1).map((r) => r[col('Достигнуто')])).toEqual(flat.rows.slice(1).map((r) => r[col('Достигнуто')]));
    expect(region.rows[6]![col('Фактическое значение')]).toBe(35);
  });

  it('adds neither sheet when no roadmap of the report has indicators; the consolidation reads the report as before', async () => {
    const { file, data, sheets } = await report('2024-Q2');
    expect(sheets.map((s) => s.name)).toEqual(['Сводка', 'Ход выполнения', 'Поддержка ШНОР', 'Данные', 'rmk-report']);
    const model = consolidateModel([{ name: path.basename(file), data }]);
    expect(model.rows).toHaveLength(1);
    expect(model.indicators).toEqual([]);
  });
});
