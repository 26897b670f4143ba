/**
 * Control characters from Word: a manual line break (vertical tab, Shift+Enter in Word) is a line
 * break everywhere — at the API door, in stored text printed later — and a tab is written as Word's
 * w:tab, never as a raw character inside w:t. Read back from the package's XML and by python-docx.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import { apiOf, freshDb, tempDir } from '../helpers';
import { readDocx, tables } from './readers';

async function appendix(db: ReturnType<typeof freshDb>, roadmapId: number): Promise<string> {
  const r = await callApi({ db }, 'documents.download', { request: { kind: 'appendix', roadmapId } });
  if (!r.ok) throw new Error(r.error.message);
  const file = path.join(tempDir(), 'appendix.docx');
  fs.writeFileSync(file, Buffer.from((r.value as { base64: string }).base64, 'base64'));
  return file;
}

describe('control characters in the text of a roadmap', () => {
  it("the API turns Word's vertical tab and form feed into line breaks and drops other control characters", () => {
    const db = freshDb();
    const api = apiOf(db);
    const r = api('roadmaps.create', { title: 'Карта\u000bна 2024 год\u0007', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    api('plan.addMeasure', {
      roadmapId: r.id,
      sectionId: null,
      values: { name: 'Семинар\u000bдля РМК\fи школ\u0000', term: 'Март 2024', executors: 'РМК\r\nшкола', result: 'Итог' },
    });
    expect(db.sqlite.prepare('SELECT title FROM roadmaps').pluck().get()).toBe('Карта\nна 2024 год');
    expect(db.sqlite.prepare('SELECT name, executors FROM measures').get()).toEqual({
      name: 'Семинар\nдля РМК\nи школ',
      executors: 'РМК\nшкола',
    });
  });

  it('the appendix prints a stored vertical tab as a line break and a tab as w:tab', async () => {
    const db = freshDb();
    const api = apiOf(db);
    const r = api('roadmaps.create', { title: 'Дорожная карта', periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    api('plan.addMeasure', {
      roadmapId: r.id,
      sectionId: null,
      values: { name: 'Семинар', term: 'Март 2024', executors: 'x', result: 'Итог' },
    });
    // Text stored by an older version, before the API cleaned its input.
    db.sqlite.prepare("UPDATE measures SET executors = 'РМК' || char(11) || 'школа', result = 'Итог' || char(9) || 'по плану'").run();
    const file = await appendix(db, r.id);

    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toMatch(/<w:t[^>]*>РМК<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>школа<\/w:t>/);
    // No raw tab inside any w:t; the tab is an element between the two words.
    expect([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].some((m) => m[1]!.includes('\t'))).toBe(false);
    expect(xml).toMatch(/<w:t[^>]*>Итог<\/w:t><w:tab\/><w:t[^>]*>по плану<\/w:t>/);

    const cells = tables(readDocx(file)).flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text)));
    expect(cells).toContain('РМК\nшкола');
    expect(cells).toContain('Итог\tпо плану');
  });
});
