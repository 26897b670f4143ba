/** «Сохранить план в Excel»: the table as it stands, read back by openpyxl — captions, numbers as printed, merged section rows, print setup. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import { fillDemo } from '../../electron/demo';
import { apiOf, freshDb, tempDir } from '../helpers';
import { readXlsx } from './xlsx';

async function download(roadmapId: number, db = freshDb()) {
  const r = await callApi({ db }, 'plan.downloadXlsx', { roadmapId });
  if (!r.ok) throw new Error(r.error.message);
  const v = r.value as { fileName: string; base64: string };
  const file = path.join(tempDir(), v.fileName);
  fs.writeFileSync(file, Buffer.from(v.base64, 'base64'));
  return { file, fileName: v.fileName, sheet: readXlsx(file)[0]! };
}

describe('the plan table in Excel', () => {
  it("writes the Karpinsk plan with its sections merged and bold, numbers as text, the roadmap's captions, ready to print", async () => {
    const db = freshDb();
    fillDemo(db);
    const api = apiOf(db);
    const karpinsk = api('roadmaps.list').find((r) => r.title.includes('Карпинск'))!;
    const plan = api('plan.get', { roadmapId: karpinsk.id });
    const { fileName, sheet: ws } = await download(karpinsk.id, db);
    expect(fileName).toMatch(/^План — «Дорожная карта» по реализации .*\.xlsx$/);
    expect(ws.name).toBe('План мероприятий');
    expect(ws.rows[0]![0]).toBe(karpinsk.title);
    expect(ws.rows[1]![0]).toBe('Период: 2022 год');
    const c = plan.roadmap.captions;
    expect(ws.rows[2]).toEqual([c.number, c.name, c.term, c.executors, c.result]);
    // Every section as one merged bold row, then its measures cell by cell.
    const expected: unknown[][] = [];
    for (const s of plan.sections) {
      if (s.title !== null) expected.push([`${s.number}. ${s.title}`, null, null, null, null]);
      for (const m of s.measures) expected.push([m.number, m.name, m.term, m.executors || null, m.result || null]);
    }
    expect(ws.rows.slice(3)).toEqual(expected);
    const sectionRows = expected.map((row, i) => (row[1] === null ? i + 4 : 0)).filter(Boolean);
    expect(sectionRows.length).toBe(plan.sections.filter((s) => s.title !== null).length);
    for (const r of sectionRows) {
      expect(ws.merged).toContain(`A${r}:E${r}`);
      expect(ws.bold).toContain(`A${r}`);
    }
    expect(ws.formats.A5).toBe('@');
    expect(ws.freeze).toBe('A4');
    expect(ws.print).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      fitToPage: true,
      titleRows: '$3:$3',
    });
  });

  it('keeps printed numbers such as «1.», «4. 8» and «2.10» as they are, and a plan without sections', async () => {
    const db = freshDb();
    const api = apiOf(db);
    const r = api('roadmaps.create', {
      title: 'Импортированный план',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      autoNumber: false,
    });
    for (const number of ['1.', '4. 8', '2.10'])
      api('plan.addMeasure', { roadmapId: r.id, sectionId: null, values: { name: `Мероприятие ${number}`, number } });
    const { sheet } = await download(r.id, db);
    expect(sheet.rows.slice(3).map((row) => row[0])).toEqual(['1.', '4. 8', '2.10']);
  });

  it('refuses an unknown roadmap with a Russian message', async () => {
    const r = await callApi({ db: freshDb() }, 'plan.downloadXlsx', { roadmapId: 999 });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Не найдено/) } });
  });
});
