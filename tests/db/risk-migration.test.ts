/**
 * The risk migration (0008_risk_profiles) on a real database of the previous release: the eleven
 * published «500+» factors are there in the project's order (its hand-written seed), no profile and
 * no link yet, and the old plan is edited and undone with the new table in the history.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/open';
import { apiOf, tempDir } from '../helpers';

const FIXTURE = path.resolve(__dirname, '../fixtures/upgrade/v0.1.0.sqlite');

describe('the risk migration on a 0.1.0 database', () => {
  it('seeds the eleven published factors once and leaves the old plans as they were', () => {
    const file = path.join(tempDir(), 'rmk.sqlite');
    fs.copyFileSync(FIXTURE, file);
    let db = openDatabase(file);
    try {
      const api = apiOf(db);
      expect(api('risks.factors').map((f) => [f.name, f.position, f.archived])).toEqual(
        [
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
        ].map((name, i) => [name, i, false]),
      );
      expect(db.sqlite.prepare('SELECT count(*) FROM school_risks').pluck().get()).toBe(0);
      const roadmapId = db.sqlite.prepare('SELECT min(id) FROM roadmaps').pluck().get() as number;
      const measures = api('plan.get', { roadmapId }).sections.flatMap((s) => s.measures);
      expect(measures.length).toBeGreaterThan(0);
      expect(measures.every((m) => m.risks.length === 0)).toBe(true);
      const factor = api('risks.factors')[6]!.id;
      api('plan.updateMeasure', { id: measures[0]!.id, values: { risks: [factor] } });
      api('plan.undo', { roadmapId });
      expect(db.sqlite.prepare('SELECT count(*) FROM measure_risks').pluck().get()).toBe(0);
    } finally {
      closeDatabase(db);
    }
    // Opening again runs nothing twice: still eleven.
    db = openDatabase(file);
    try {
      expect(db.sqlite.prepare('SELECT count(*) FROM risk_factors').pluck().get()).toBe(11);
    } finally {
      closeDatabase(db);
    }
  });
});
