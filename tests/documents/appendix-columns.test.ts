/**
 * The appendix's columns are never narrower than their longest word: in a portrait page the № column
 * took its 6 % share (9.9 mm) and Word broke «12.15» in the middle. Widths read back by python-docx,
 * the words checked in LibreOffice's PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import { planColumnWidths } from '../../electron/documents/appendix';
import { apiOf, freshDb, tempDir } from '../helpers';
import { pdfText, readDocx, tables, toPdf } from './readers';

describe("the appendix plan table's column widths", () => {
  it('widens a column to its longest word and takes the difference from the others, the total unchanged', () => {
    const total = 9355; // A4 portrait between fields 30 and 15 mm
    const w = planColumnWidths(
      [['12.15'], ['Семинар'], ['Март'], ['РМК'], ['Приказ']],
      ['№ п/п', 'Мероприятие', 'Срок', 'Исполнители', 'Результат'],
      total,
    );
    expect(w[0]).toBeGreaterThan(Math.floor(total * 0.06));
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(total);
    expect(w.reduce((a, b) => a + b, 0)).toBeGreaterThan(total - 10);
    // Short texts: the shares as they were.
    expect(planColumnWidths([['1'], ['a'], ['b'], ['c'], ['d']], ['№', 'a', 'b', 'c', 'd'], total)).toEqual(
      [0.06, 0.36, 0.15, 0.18, 0.25].map((s) => Math.floor(total * s)),
    );
  });

  it('prints «12.15» and «общеобразовательных» whole in a portrait appendix', async () => {
    const db = freshDb();
    const api = apiOf(db);
    const r = api('roadmaps.create', { title: 'Карта', periodStart: '2024-01-01', periodEnd: '2024-12-31', autoNumber: false });
    api('plan.addMeasure', {
      roadmapId: r.id,
      sectionId: null,
      values: {
        name: 'Семинар',
        number: '12.15',
        term: 'Март 2024',
        executors: 'Руководители общеобразовательных организаций',
        result: 'Приказ',
      },
    });
    const doc = await callApi({ db }, 'documents.download', { request: { kind: 'appendix', roadmapId: r.id, orientation: 'portrait' } });
    if (!doc.ok) throw new Error(doc.error.message);
    const file = path.join(tempDir(), 'portrait.docx');
    fs.writeFileSync(file, Buffer.from((doc.value as { base64: string }).base64, 'base64'));
    const plan = tables(readDocx(file)).at(-1)!;
    // 5 characters at 12 pt (≈ 0.55 em each) plus Word's cell margins: more than 9.9 mm (561 twips).
    expect(plan.grid[0]).toBeGreaterThan(561);
    const text = pdfText(toPdf(file));
    expect(text).toMatch(/\b12\.15\b/);
    expect(text).toContain('общеобразовательных');
  });
});
