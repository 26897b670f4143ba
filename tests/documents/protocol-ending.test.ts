/**
 * The end of a protocol as a secretary expects it: the signatures never stand alone at the top of a
 * page (the last decision is kept with them, the chair's with the secretary's), and with more than 15
 * attendees the list the protocol promises («список прилагается») is attached after the signatures.
 * Read back by python-docx, and printed by LibreOffice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../electron/api/call';
import { apiOf, freshDb, tempDir } from '../helpers';
import { type DocxDump, paragraphs, pdfText, readDocx, toPdf } from './readers';

let file: string;
let doc: DocxDump;
const LAST_DECISION = 'Провести повторный анализ результатов ВПР';

beforeAll(async () => {
  const db = freshDb();
  const api = apiOf(db);
  const people = Array.from(
    { length: 20 },
    (_, i) => api('people.create', { fullName: `Участникова${i + 1} Анна Петровна`, position: `Учитель школы № ${i + 1}` }).id,
  );
  // Enough text that the last decision ends near the foot of a page.
  const long = 'Проанализированы результаты мониторинга качества подготовки обучающихся, выявлены дефициты и намечены меры. '.repeat(14);
  const meeting = api('meetings.save', {
    id: null,
    values: {
      date: '2024-03-14',
      number: '3',
      place: 'РМК',
      chairId: people[0]!,
      secretaryId: people[1]!,
      attendeeIds: people,
      agenda: Array.from({ length: 3 }, (_, i) => ({
        title: `Вопрос ${i + 1}`,
        heard: long,
        decisions: [{ text: i === 2 ? LAST_DECISION : `Решение ${i + 1}`, term: 'До 1 апреля 2024' }],
      })),
    },
  });
  const r = await callApi({ db }, 'documents.download', { request: { kind: 'protocol', meetingId: meeting.id } });
  if (!r.ok) throw new Error(r.error.message);
  file = path.join(tempDir(), 'protocol.docx');
  fs.writeFileSync(file, Buffer.from((r.value as { base64: string }).base64, 'base64'));
  doc = readDocx(file);
});

describe('the end of a protocol', () => {
  it("keeps the last decision with the signatures, and the chair's signature with the secretary's", () => {
    const ps = paragraphs(doc);
    const last = ps.find((p) => p.text.includes(LAST_DECISION))!;
    expect(last).toMatchObject({ keepNext: true, keepLines: true });
    const chair = ps.find((p) => p.text.startsWith('Председатель\t'))!;
    const secretary = ps.find((p) => p.text.startsWith('Секретарь\t'))!;
    expect(chair.keepNext).toBe(true);
    expect(ps.indexOf(chair)).toBe(ps.indexOf(last) + 1);
    expect(ps.indexOf(secretary)).toBe(ps.indexOf(chair) + 1);
  });

  it('attaches the list of the 20 attendees it promises, on its own page after the signatures', () => {
    const ps = paragraphs(doc);
    expect(ps.some((p) => p.text === 'Присутствовали: 20 человек (список прилагается)')).toBe(true);
    const mark = ps.find((p) => p.text.startsWith('Приложение'))!;
    expect(mark.text).toBe('Приложение\nк протоколу заседания рабочей группы\nот 14.03.2024 № 3');
    expect(mark.pageBreakBefore).toBe(true);
    const list = ps.slice(ps.indexOf(mark) + 2).map((p) => p.text);
    expect(list).toHaveLength(20);
    expect(list[0]).toBe('1. Участникова1 Анна Петровна – учитель школы № 1');
    expect(list[19]).toBe('20. Участникова20 Анна Петровна – учитель школы № 20');
  });

  it("prints the secretary's signature on the page of the last decision, and the list on a page of its own", () => {
    const pages = pdfText(toPdf(file))
      .split('\f')
      .map((p) => p.replace(/\s+/g, ' '));
    const withSecretary = pages.findIndex((p) => /Секретарь/.test(p) && /А\.П\. Участникова2/.test(p));
    expect(withSecretary).toBeGreaterThanOrEqual(0);
    expect(pages[withSecretary]).toContain(LAST_DECISION);
    expect(pages[withSecretary]).not.toContain('Список присутствовавших');
    expect(pages[withSecretary + 1]).toContain('Список присутствовавших на заседании');
  });
});
