/**
 * The quarterly report's «Риски» sheet, read back by openpyxl: the demo district's «500+» schools ×
 * the factors verified in their profiles, each cell in the page's words, «Риски без мероприятий»
 * under the matrix; and no such sheet while no school has a profile.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatherRiskMatrix } from '../../db/risk-matrix';
import { fillDemo } from '../../electron/demo';
import { buildQuarterlyReport } from '../../electron/reports/quarterly';
import { RISK_HEADER_ROW } from '../../electron/reports/risk-sheet';
import { riskCellText } from '../../shared/risk-cell';
import { apiOf, closeDatabase, freshDb, tempDir } from '../helpers';
import { readXlsx } from './xlsx';

const dir = tempDir('rmk-risk-sheet-');

async function reportSheets(db: ReturnType<typeof freshDb>, quarter: string) {
  const r = await buildQuarterlyReport(db, { quarter, date: '2022-04-05' });
  const file = path.join(dir, `${quarter}-${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(file, r.data);
  return readXlsx(file);
}

describe('the «Риски» sheet of the quarterly report', () => {
  it('holds the demo schools × verified factors with the page’s cell text, then the risks without measures', async () => {
    const db = freshDb();
    try {
      fillDemo(db);
      // «Обновление антирисковых программ» (linked to the three schools) done in the first quarter.
      const updated = db.sqlite
        .prepare("SELECT m.id FROM measures m JOIN roadmaps r ON r.id = m.roadmap_id WHERE r.title LIKE '%Карпинск%' AND m.number = '1.3'")
        .pluck()
        .get() as number;
      apiOf(db)('execution.set', { measureId: updated, quarter: '2022-Q1', status: 'done' });
      const sheets = await reportSheets(db, '2022-Q1');
      // After the roadmaps' sheets, before the flat «Данные» the region's consolidation reads.
      // (The demo's indicators add «Индикаторы» before it and «Данные — индикаторы» after «Данные».)
      expect(sheets.map((s) => s.name).slice(-5)).toEqual(['Индикаторы', 'Риски', 'Данные', 'Данные — индикаторы', 'rmk-report']);
      const ws = sheets.find((s) => s.name === 'Риски')!;
      const text = (r: number, c: number) => String(ws.rows[r - 1]?.[c - 1] ?? '');
      const header = ws.rows[RISK_HEADER_ROW - 1]!.filter((v) => v !== null);
      expect(header).toEqual([
        'Школа',
        'Низкий уровень оснащения школы',
        'Дефицит педагогических кадров',
        'Недостаточная предметная и методическая компетентность педагогических работников',
        'Высокая доля обучающихся с рисками учебной неуспешности',
        'Низкая учебная мотивация обучающихся',
        'Пониженный уровень качества школьной образовательной и воспитательной среды',
        'Низкий уровень вовлечённости родителей',
      ]);
      const schools = [1, 2, 3].map((i) => text(RISK_HEADER_ROW + i, 1));
      expect(schools).toEqual(['МАОУ СОШ № 2 (профиль 2022 г.)', 'МАОУ СОШ № 24 (профиль 2022 г.)', 'МАОУ СОШ № 33 (профиль 2022 г.)']);
      const sosh2 = RISK_HEADER_ROW + 1;
      // Not verified at СОШ № 2: empty. Verified, no measure: the gap. Addressed by «Обновление антирисковых программ», done in I quarter.
      expect(text(sosh2, 2)).toBe('');
      expect(text(sosh2, 3)).toBe('высокий\nнет мероприятий');
      expect(text(sosh2, 4)).toBe('средний\nмероприятий: 1, выполнено в квартале: 1');
      expect(text(sosh2, 5)).toBe('высокий\nмероприятий: 1, выполнено в квартале: 1');
      // Every cell is the same words the page shows (shared/risk-cell.ts), from the same gathered model.
      const matrix = gatherRiskMatrix(db, { quarter: '2022-Q1' });
      matrix.rows.forEach((row, i) =>
        matrix.factors.forEach((f, j) => {
          const cell = row.cells.find((c) => c.factorId === f.id);
          expect(text(RISK_HEADER_ROW + 1 + i, j + 2)).toBe(cell ? riskCellText(cell) : '');
        }),
      );
      const after = ws.rows
        .slice(RISK_HEADER_ROW + 3)
        .map((r) => String(r[0] ?? ''))
        .filter(Boolean);
      expect(after[0]).toBe('Риски без мероприятий');
      expect(after.slice(1)).toEqual(
        matrix.gaps.map(
          (g) => `${g.school} — ${g.factor} (${g.level === 'high' ? 'высокий' : g.level === 'medium' ? 'средний' : 'низкий'})`,
        ),
      );
      expect(after[1]).toBe('МАОУ СОШ № 2 — Дефицит педагогических кадров (высокий)');
      expect(ws.freeze).toBe(`B${RISK_HEADER_ROW + 1}`);
      expect(ws.print).toMatchObject({ orientation: 'landscape', paperSize: 9 });

      // In the next quarter nothing of «Обновление антирисковых программ» is marked done.
      const q2 = (await reportSheets(db, '2022-Q2')).find((s) => s.name === 'Риски')!;
      expect(String(q2.rows[sosh2 - 1]![3])).toBe('средний\nмероприятий: 1, выполнено в квартале: 0');
    } finally {
      closeDatabase(db);
    }
  });

  it('is left out while no school has a risk profile', async () => {
    const db = freshDb();
    try {
      const api = apiOf(db);
      const r = api('roadmaps.create', { title: 'План на 2024 год', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
      api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name: 'Совещание', term: 'Март 2024' } });
      const names = (await reportSheets(db, '2024-Q1')).map((s) => s.name);
      expect(names).toEqual(['Сводка', 'Ход выполнения', 'План на 2024 год', 'Данные', 'rmk-report']);
    } finally {
      closeDatabase(db);
    }
  });
});
