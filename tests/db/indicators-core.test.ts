/**
 * The indicators' core: values written through the one writer (refusals change nothing), achievement in
 * both directions, the district value computed from the schools' (weighted share, sum of counts), and the
 * passport's «Комплекс индикаторов» text turned into rows.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { createIndicator, indicatorBoard, indicatorsFromPassport, setIndicatorValue } from '../../db/indicators';
import { apiOf, freshDb, snapshotAll } from '../helpers';

let db: Db;
let api: ReturnType<typeof apiOf>;
let roadmapId: number;
beforeEach(() => {
  db = freshDb();
  api = apiOf(db);
  roadmapId = api('roadmaps.create', { title: 'Поддержка ШНОР 2024–2025', periodStart: '2024-01-01', periodEnd: '2025-12-31' }).id;
});
const school = (shortName: string) => api('organizations.create', { kind: 'school', name: `Школа ${shortName}`, shortName }).id;

describe('indicator values', () => {
  it('a weighted district share, a lower-is-better indicator and the achievement per school', () => {
    const a = school('СОШ № 1');
    const b = school('СОШ № 2');
    const share = createIndicator(db, roadmapId, { name: 'Доля выпускников, преодолевших порог ЕГЭ', unit: 'percent' });
    const failing = createIndicator(db, roadmapId, { name: 'Доля обучающихся с неудовлетворительными отметками', direction: 'lower' });
    setIndicatorValue(db, { indicatorId: share.id, schoolId: null, kind: 'target', year: 2024, value: 80 });
    setIndicatorValue(db, { indicatorId: share.id, schoolId: a, kind: 'target', year: 2024, value: 80 });
    setIndicatorValue(db, {
      indicatorId: share.id,
      schoolId: a,
      kind: 'actual',
      year: 2024,
      value: 90,
      weight: 30,
      measuredOn: '2024-07-01',
    });
    setIndicatorValue(db, { indicatorId: share.id, schoolId: b, kind: 'actual', year: 2024, value: 60, weight: 10 });
    setIndicatorValue(db, { indicatorId: failing.id, schoolId: a, kind: 'target', year: 2024, value: 10 });
    setIndicatorValue(db, { indicatorId: failing.id, schoolId: a, kind: 'actual', year: 2024, value: 8 });
    setIndicatorValue(db, { indicatorId: failing.id, schoolId: b, kind: 'target', year: 2024, value: 10 });
    setIndicatorValue(db, { indicatorId: failing.id, schoolId: b, kind: 'actual', year: 2024, value: 12 });

    const board = indicatorBoard(db, roadmapId);
    const [s, f] = board.indicators;
    // (90·30 + 60·10) / 40 = 82.5: the district's share of pupils, not the mean of shares (75).
    expect(s!.lines[0]).toMatchObject({
      school: 'Район',
      years: [
        { year: 2024, target: 80, actual: 82.5, computed: true, achievement: 'met' },
        { year: 2025, achievement: 'no_data' },
      ],
    });
    expect(s!.lines.find((l) => l.schoolId === a)!.years[0]).toMatchObject({ actual: 90, measuredOn: '2024-07-01', achievement: 'met' });
    expect(s!.lines.find((l) => l.schoolId === b)!.years[0]).toMatchObject({ actual: 60, achievement: 'no_data' });
    expect(f!.lines.find((l) => l.schoolId === a)!.years[0]!.achievement).toBe('met');
    expect(f!.lines.find((l) => l.schoolId === b)!.years[0]!.achievement).toBe('not_met');
  });

  it('refuses a share over 100 %, a year outside the period, a value for a non-school — and changes nothing', () => {
    const a = school('СОШ № 1');
    const dept = api('organizations.create', { kind: 'department', name: 'Управление образования' }).id;
    const share = createIndicator(db, roadmapId, { name: 'Доля', unit: 'percent' });
    const before = snapshotAll(db);
    expect(() => setIndicatorValue(db, { indicatorId: share.id, schoolId: a, kind: 'actual', year: 2024, value: 140 })).toThrow(
      /от 0 до 100/,
    );
    expect(() => setIndicatorValue(db, { indicatorId: share.id, schoolId: a, kind: 'target', year: 2031, value: 50 })).toThrow(
      /вне периода/,
    );
    expect(() => setIndicatorValue(db, { indicatorId: share.id, schoolId: dept, kind: 'target', year: 2024, value: 50 })).toThrow(
      /по школам/,
    );
    expect(snapshotAll(db)).toEqual(before);
  });

  it('one baseline per school: a new one replaces the old year', () => {
    const a = school('СОШ № 1');
    const share = createIndicator(db, roadmapId, { name: 'Доля', unit: 'percent' });
    setIndicatorValue(db, { indicatorId: share.id, schoolId: a, kind: 'baseline', year: 2022, value: 40 });
    setIndicatorValue(db, { indicatorId: share.id, schoolId: a, kind: 'baseline', year: 2023, value: 45 });
    expect(indicatorBoard(db, roadmapId).indicators[0]!.lines.find((l) => l.schoolId === a)!.baseline).toEqual({ year: 2023, value: 45 });
  });

  it('the passport text becomes rows, once', () => {
    api('roadmaps.update', {
      id: roadmapId,
      values: {
        indicators:
          'Доля выпускников, преодолевших минимальный порог на ЕГЭ\nпо двум обязательным предметам.\nКачественная успеваемость ОГЭ по русскому языку. Качественная успеваемость ОГЭ по математике.\nКоличество направлений профильного изучения;\nдоля педагогов пенсионного возраста',
      },
    });
    const rows = indicatorsFromPassport(db, roadmapId);
    expect(rows.map((r) => [r.name, r.unit, r.direction, r.source])).toEqual([
      ['Доля выпускников, преодолевших минимальный порог на ЕГЭ по двум обязательным предметам', 'percent', 'higher', 'ege'],
      ['Качественная успеваемость ОГЭ по русскому языку', 'percent', 'higher', 'oge'],
      ['Качественная успеваемость ОГЭ по математике', 'percent', 'higher', 'oge'],
      ['Количество направлений профильного изучения', 'units', 'higher', 'other'],
      ['Доля педагогов пенсионного возраста', 'percent', 'lower', 'other'],
    ]);
    expect(indicatorsFromPassport(db, roadmapId)).toHaveLength(5);
  });
});
