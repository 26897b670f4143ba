/** Big inputs: a 500-measure roadmap, 2 000-character cells that must wrap, a protocol with 20 attendees. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveMeeting } from '../../db/meetings';
import { createPerson } from '../../db/people';
import { addMeasure, addSection } from '../../db/plan';
import { createRoadmap } from '../../db/roadmaps';
import { renderDocument } from '../../electron/documents/index';
import { closeDatabase, freshDb, tempDir } from '../helpers';
import { paragraphs, pdfPages, pdfText, readDocx, tables, toPdf } from './readers';

describe('large documents', () => {
  it('exports a 500-measure roadmap; 2 000-character cells wrap inside their column and the rows may break', async () => {
    const db = freshDb();
    const long = 'Очень длинный текст ячейки, который должен переноситься по словам внутри столбца. '.repeat(25).slice(0, 2000);
    const r = createRoadmap(db, { title: 'Большая дорожная карта', periodStart: '2024-01-01', periodEnd: '2026-12-31' });
    db.sqlite.transaction(() => {
      for (let s = 1; s <= 10; s++) {
        const sectionId = addSection(db, r.id, `Раздел ${s}`);
        for (let i = 1; i <= 50; i++)
          addMeasure(db, r.id, sectionId, {
            name: i === 7 ? long : `Мероприятие ${s}.${i}`,
            term: 'Ежеквартально',
            executors: 'Рабочая группа',
            result: i === 7 ? long : 'Результат',
          });
      }
    })();
    const { data, fileName } = await renderDocument(db, { kind: 'appendix', roadmapId: r.id });
    closeDatabase(db);
    expect(fileName).toBe('Дорожная карта — Большая дорожная карта.docx');
    const file = path.join(tempDir(), fileName);
    fs.writeFileSync(file, data);
    const plan = tables(readDocx(file))[0]!;
    expect(plan.rows.filter((row) => row.cells.length === 5)).toHaveLength(501);
    expect(plan.rows.filter((row) => row.cells.length === 1)).toHaveLength(10);
    const longRows = plan.rows.filter((row) => row.cells[1]?.text === long);
    expect(longRows).toHaveLength(10);
    // A row too tall to keep whole is allowed to break rather than be cut off; short rows stay whole.
    expect(longRows.every((row) => !row.cantSplit)).toBe(true);
    expect(plan.rows.filter((row) => row.cells[1]?.text.startsWith('Мероприятие')).every((row) => row.cantSplit)).toBe(true);
    const pdf = toPdf(file);
    const { pages, pageSize } = pdfPages(pdf);
    expect(pageSize).toMatch(/^841\.89 x 595\.\d+ pts/); // still landscape A4 throughout
    expect(pages).toBeGreaterThan(20);
    const text = pdfText(pdf);
    // The long cells are all there (wrapped, not cut), and so is the last measure.
    expect(text.match(/Очень длинный текст/g)!.length).toBeGreaterThan(200);
    expect(text).toContain('Мероприятие 10.50');
  }, 120_000);

  it('prints the number of attendees with «список прилагается» when there are more than 15', async () => {
    const db = freshDb();
    const people = Array.from({ length: 20 }, (_, i) => createPerson(db, { fullName: `Участник${i + 1} А.А.` }).id);
    const id = saveMeeting(db, null, {
      date: '2024-03-01',
      number: '7',
      place: 'Актовый зал',
      chairId: people[0]!,
      secretaryId: people[1]!,
      attendeeIds: people,
      invitedIds: [],
      agenda: [],
    });
    const { data, fileName } = await renderDocument(db, { kind: 'protocol', meetingId: id });
    closeDatabase(db);
    expect(fileName).toBe('Протокол № 7 от 01.03.2024.docx');
    const file = path.join(tempDir(), fileName);
    fs.writeFileSync(file, data);
    expect(paragraphs(readDocx(file)).map((p) => p.text)).toContain('Присутствовали: 20 человек (список прилагается)');
  });
});
