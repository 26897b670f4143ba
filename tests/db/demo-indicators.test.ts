/**
 * The demo district has indicators, so the «Показатели» pages, the appendix's table and the report's
 * sheet are filled for a new user: the eight of the regional passport list on the Karpinsk roadmap, with
 * the district's baseline and targets, each school's values for the report year, the district's value
 * computed from the schools' by their bases, and targets both met and missed — lower-is-better ones too.
 */
import { describe, expect, it } from 'vitest';
import { indicatorBoard } from '../../db/indicators';
import { fillDemo } from '../../electron/demo';
import { closeDatabase, freshDb } from '../helpers';

describe('the demo district’s indicators', () => {
  it('fills the Karpinsk roadmap’s indicators with baselines, targets and the schools’ actual values', () => {
    const db = freshDb();
    try {
      fillDemo(db);
      const karpinsk = db.sqlite.prepare("SELECT id FROM roadmaps WHERE title LIKE '%Карпинск%'").pluck().get() as number;
      const board = indicatorBoard(db, karpinsk);
      expect(board.indicators.map((i) => i.name)).toEqual([
        'Доля выпускников 11 классов, преодолевших минимальный порог на ЕГЭ по двум обязательным предметам (русский язык и математика)',
        'Качественная успеваемость по результатам ОГЭ по русскому языку',
        'Качественная успеваемость по результатам ОГЭ по математике',
        'Доля родителей (законных представителей), удовлетворённых качеством образовательных услуг',
        'Доля педагогических работников, имеющих высшую квалификационную категорию',
        'Доля педагогических работников в возрасте до 35 лет',
        'Доля педагогических работников пенсионного возраста',
        'Доля педагогических работников, не прошедших курсы повышения квалификации в установленный срок',
      ]);
      expect(board.indicators.filter((i) => i.direction === 'lower')).toHaveLength(2);
      for (const i of board.indicators) {
        // The district and the five schools of the district, each with a baseline.
        expect(i.lines).toHaveLength(6);
        expect(i.lines.every((l) => l.baseline !== null)).toBe(true);
        expect(i.lines[0]!.years.every((y) => y.target !== null)).toBe(true);
      }
      const ege = board.indicators[0]!;
      expect(ege.yearKind).toBe('school');
      const district2021 = ege.lines[0]!.years.find((y) => y.year === 2021)!;
      expect(district2021).toMatchObject({ target: 93, computed: true, achievement: 'met' });
      // Weighted by the graduates: (88,9·18 + 93,1·29 + 96·25 + 97,4·38 + 92,9·42) / 152.
      expect(district2021.actual).toBeCloseTo((88.9 * 18 + 93.1 * 29 + 96 * 25 + 97.4 * 38 + 92.9 * 42) / 152, 2);
      const achievements = board.indicators.flatMap((i) => i.lines.slice(1).flatMap((l) => l.years.map((y) => y.achievement)));
      expect(achievements).toContain('met');
      expect(achievements).toContain('not_met');
      // Lower is better: pension-age teachers at СОШ № 24 stayed at 25,6 against a target of 24 — missed.
      const pension = board.indicators[6]!.lines.find((l) => l.school === 'МАОУ СОШ № 24')!.years.find((y) => y.year === 2022)!;
      expect(pension).toMatchObject({ target: 24, actual: 25.6, achievement: 'not_met' });
      const pension33 = board.indicators[6]!.lines.find((l) => l.school === 'МАОУ СОШ № 33')!.years.find((y) => y.year === 2022)!;
      expect(pension33).toMatchObject({ target: 22, actual: 20.5, achievement: 'met' });
    } finally {
      closeDatabase(db);
    }
  });
});
