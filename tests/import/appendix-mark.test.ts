/**
 * The appendix mark above an imported plan is kept whatever document it names — «к Муниципальной
 * программе …», «к постановлению …», «к распоряжению …», «к положению …», not only «к приказу …»: it is
 * stored with the roadmap, shown in the import preview and the document preview, and printed back at
 * the top right of the appendix (read with python-docx); an order in the program that approves the
 * roadmap still prints its own mark instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { attachAppendix, saveOrder } from '../../db/orders';
import { getRoadmap, updateRoadmap } from '../../db/roadmaps';
import { previewDocument, renderDocument } from '../../electron/documents/index';
import { commitImport, previewImport } from '../../electron/import/index';
import { paragraphs, readDocx } from '../documents/readers';
import { closeDatabase, freshDb, tempDir } from '../helpers';

let db: Db;
beforeEach(() => {
  db = freshDb();
  return () => closeDatabase(db);
});

const TITLE = 'Дорожная карта по повышению качества образования в школах ГО Карпинск на 2022 год';
const PROGRAMME_LINES = [
  'Приложение 1',
  'к Муниципальной программе поддержки школ',
  'с низкими образовательными результатами',
  'городского округа Карпинск на 2022–2024 годы',
];
const PROGRAMME = PROGRAMME_LINES.join(' ');

async function docxWith(markLines: string[]): Promise<Buffer> {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const row = (cells: string[]) => new TableRow({ children: cells.map(cell) });
  const doc = new Document({
    sections: [
      {
        children: [
          ...markLines.map((t) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(t)] })),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: TITLE, bold: true })] }),
          new Table({
            rows: [
              row(['№ п/п', 'Мероприятие', 'Срок', 'Ответственные']),
              row(['1.', 'Совещание с руководителями ОО', 'март 2022', 'Отдел образования']),
              row(['2.', 'Анализ результатов ВПР', 'апрель 2022', 'МАУ «ЦОИ»']),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The appendix as a file, and its paragraphs above the plan as python-docx reads them. */
async function printedMark(roadmapId: number): Promise<string[]> {
  const { data } = await renderDocument(db, { kind: 'appendix', roadmapId });
  const file = path.join(tempDir(), 'приложение.docx');
  fs.writeFileSync(file, data);
  const all = paragraphs(readDocx(file)).map((p) => p.text);
  return all.slice(0, all.indexOf(TITLE));
}

describe('the appendix mark «к Муниципальной программе …»', () => {
  it('is read over several paragraphs, stored as written, shown in both previews and printed on the appendix', async () => {
    const data = await docxWith(PROGRAMME_LINES);
    const p = await previewImport(db, { fileName: 'программа.docx', data });
    expect(p.appendixMark).toBe(PROGRAMME);
    expect(p.title).toBe(TITLE);
    expect(p.order).toBeNull();
    const r = await commitImport(db, { fileName: 'программа.docx', data });
    expect(getRoadmap(db, r.roadmapId).appendixMark).toBe(PROGRAMME);
    expect(previewDocument(db, { kind: 'appendix', roadmapId: r.roadmapId }).lines).toContainEqual({
      label: 'Отметка о приложении',
      value: PROGRAMME,
    });
    expect(await printedMark(r.roadmapId)).toEqual([PROGRAMME]);
  });

  it.each([
    'Приложение № 2 к постановлению администрации Карпинского городского округа от 15.03.2022 № 250',
    'Приложение к распоряжению отдела образования от 01.02.2023 № 12-р',
    'Приложение 3 к положению о муниципальной системе оценки качества образования',
    'Приложение 2 к приказу отдела образования от 15.01.2024 № 7-од',
  ])('«%s» in one paragraph is kept as it is, and the title below stays the title', async (mark) => {
    const data = await docxWith([mark]);
    const r = await commitImport(db, { fileName: 'карта.docx', data });
    const roadmap = getRoadmap(db, r.roadmapId);
    expect([roadmap.appendixMark, roadmap.title]).toEqual([mark, TITLE]);
    expect(await printedMark(r.roadmapId)).toEqual([mark]);
  });

  it('a pasted table keeps the mark too; a plan without one stores none and prints none', async () => {
    const text = `${PROGRAMME}\n${TITLE}\n№\tМероприятие\tСрок\tОтветственные\n1.\tСовещание\tмарт 2022\tРМК\n`;
    const p = await previewImport(db, { fileName: 'Вставленная таблица', text });
    expect([p.appendixMark, p.title]).toEqual([PROGRAMME, TITLE]);
    const bare = await commitImport(db, { fileName: 'карта.docx', data: await docxWith([]) });
    expect(getRoadmap(db, bare.roadmapId).appendixMark).toBe('');
    expect(await printedMark(bare.roadmapId)).toEqual([]);
  });

  it('an order in the program that approves the roadmap prints its own mark; the passport can change the kept one', async () => {
    const r = await commitImport(db, { fileName: 'программа.docx', data: await docxWith(PROGRAMME_LINES) });
    updateRoadmap(db, r.roadmapId, { appendixMark: 'Приложение 1 к Муниципальной программе (в редакции 2023 года)' });
    expect(await printedMark(r.roadmapId)).toEqual(['Приложение 1 к Муниципальной программе (в редакции 2023 года)']);
    const orderId = saveOrder(db, null, {
      number: '38-д',
      date: '2022-03-28',
      title: 'Об утверждении дорожной карты',
      signerId: null,
      basis: '',
      clauses: '',
      control: '',
      appendices: [],
    });
    attachAppendix(db, orderId, r.roadmapId, '1');
    const printed = await printedMark(r.roadmapId);
    expect(printed[0]).toMatch(/^Приложение 1 к приказу .*от 28\.03\.2022 № 38-д$/);
    expect(printed.join(' ')).not.toContain('Муниципальной программе');
  });
});
