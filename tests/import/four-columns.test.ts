/**
 * A Karpinsk-style appendix has four columns and no «ожидаемый результат»: № / Мероприятие / Срок /
 * Ответственные, or with executors before the term; the executors' caption abbreviated, misspelt, or
 * missing (an empty header cell, or «Сроки, ответственные» merged over two columns). The executors must
 * be filled, the term too, the result stay empty — through the real import path (docx and pasted text).
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { beforeEach, describe, expect, it } from 'vitest';
import { dumpRoadmap } from '../../db/dump';
import type { Db } from '../../db/open';
import { cellKind, columnKind } from '../../electron/import/column-content';
import { commitImport, previewImport } from '../../electron/import/index';
import { closeDatabase, freshDb } from '../helpers';

let db: Db;
beforeEach(() => {
  db = freshDb();
  return () => closeDatabase(db);
});

/** The Karpinsk plan's first section, as the town's department wrote it (number, measure, term, executors). */
const KARPINSK: [string, string, string, string][] = [
  [
    '1.1.',
    'Назначение муниципального координатора проекта «500+» и школьных кураторов',
    'до 01.04.2022',
    'Отдел образования администрации ГО Карпинск',
  ],
  [
    '1.2.',
    'Анализ результатов ВПР и ОГЭ в школах с низкими результатами обучения',
    'апрель – май 2022 г.',
    'Русанова Е.А., методист МАУ «ЦОИ»',
  ],
  ['1.3.', 'Разработка и утверждение программ повышения качества образования', 'до 30.04.2022', 'Руководители ОО'],
  ['1.4.', 'Участие школьных кураторов в мероприятиях дорожной карты «500+»', 'в течение 2022 года', 'Кураторы, РМК'],
  [
    '1.5.',
    'Совещание с заместителями директоров по УВР по итогам реализации дорожной карты',
    'ежеквартально',
    'Н.Е. Ремизова, заместитель директора по УВР МАОУ СОШ № 2',
  ],
];
const TITLE =
  'Дорожная карта по реализации мероприятий, направленных на повышение качества образования общеобразовательными учреждениями ГО Карпинск в 2022 году';

const cell = (text: string, columnSpan = 1) =>
  new TableCell({ columnSpan, children: text.split('\n').map((t) => new Paragraph({ children: [new TextRun(t)] })) });

async function docxOf(header: { text: string; span?: number }[], rows: string[][]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('Приложение 1 к приказу отдела образования')] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('от 28.03.2022 № 38-д')] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: TITLE, bold: true })] }),
          new Table({
            rows: [
              new TableRow({ tableHeader: true, children: header.map((h) => cell(h.text, h.span)) }),
              new TableRow({ children: [cell('1. Организационно-управленческие мероприятия', 4)] }),
              ...rows.map((r) => new TableRow({ children: r.map((t) => cell(t)) })),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const expected = KARPINSK.map(([n, name, term, executors]) => [n, name, term, executors, '']);
const flat = (sections: { measures: { number: string; name: string; term: string; executors: string; result: string }[] }[]) =>
  sections.flatMap((s) => s.measures.map((m) => [m.number, m.name, m.term, m.executors, m.result]));

describe('a 4-column Karpinsk-style plan', () => {
  it('docx, № / Мероприятие / Ответсвенные (misspelt) / Срок: executors and terms filled, result empty, stored so', async () => {
    const data = await docxOf(
      [{ text: '№ п/п' }, { text: 'Мероприятие' }, { text: 'Ответсвенные' }, { text: 'Срок' }],
      KARPINSK.map(([n, name, term, ex]) => [n, name, ex, term]),
    );
    const p = await previewImport(db, { fileName: 'Приложение 1.docx', data });
    expect(p.columns.map((c) => c.field)).toEqual(['number', 'name', 'executors', 'term']);
    expect(p.title).toBe(TITLE);
    expect(p.sections.map((s) => s.title)).toEqual(['Организационно-управленческие мероприятия']);
    expect(flat(p.sections)).toEqual(expected);
    const r = await commitImport(db, { fileName: 'Приложение 1.docx', data });
    expect(flat(dumpRoadmap(db, r.roadmapId).sections)).toEqual(expected);
    expect(dumpRoadmap(db, r.roadmapId).captions.executors).toBe('Ответсвенные');
  });

  it('docx, «Сроки, ответственные» merged over the last two columns: the 4th column read by its content', async () => {
    const data = await docxOf(
      [{ text: '№' }, { text: 'Наименование мероприятия' }, { text: 'Сроки, ответственные', span: 2 }],
      KARPINSK.map(([n, name, term, ex]) => [n, name, term, ex]),
    );
    const p = await previewImport(db, { fileName: 'Приложение 1.docx', data });
    expect(p.columns.map((c) => c.field)).toEqual(['number', 'name', 'term', 'executors']);
    expect(flat(p.sections)).toEqual(expected);
    expect(p.warnings).toContain('Столбец 4 без заголовка прочитан по содержимому как «исполнители» — проверьте сопоставление столбцов.');
  });

  it('pasted: an empty 4th header cell, and «Отв.» / «Кто проводит» as the caption', async () => {
    const tsv = (header: string[], rows: string[][]) => [TITLE, header.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n') + '\n';
    const rows = KARPINSK.map(([n, name, term, ex]) => [n, name, term, ex]);
    for (const last of ['', 'Отв.', 'Кто проводит', 'Ответственный', 'Исполнители']) {
      const p = await previewImport(db, { fileName: 'Вставленная таблица', text: tsv(['№', 'Мероприятие', 'Срок', last], rows) });
      expect(
        p.columns.map((c) => c.field),
        last,
      ).toEqual(['number', 'name', 'term', 'executors']);
      expect(flat(p.sections), last).toEqual(expected);
    }
    // Executors before the term, neither captioned: both told by content.
    const swapped = KARPINSK.map(([n, name, term, ex]) => [n, name, ex, term]);
    const p = await previewImport(db, { fileName: 'Вставленная таблица', text: tsv(['№', 'Мероприятие', '', ''], swapped) });
    expect(p.columns.map((c) => c.field)).toEqual(['number', 'name', 'executors', 'term']);
    expect(flat(p.sections)).toEqual(expected);
  });

  it('a header row shorter than the table: the 4th column is offered, read by content, and can be re-mapped', async () => {
    const text = ['№\tМероприятие\tСрок', ...KARPINSK.map((r) => r.join('\t'))].join('\n');
    const p = await previewImport(db, { fileName: 'Вставленная таблица', text });
    expect(p.columns.map((c) => [c.caption, c.field])).toEqual([
      ['№', 'number'],
      ['Мероприятие', 'name'],
      ['Срок', 'term'],
      ['', 'executors'],
    ]);
    expect(flat(p.sections)).toEqual(expected);
    // The user's own mapping (the UI sends every column) reaches the uncaptioned column too.
    const forced = await previewImport(
      db,
      { fileName: 'Вставленная таблица', text },
      { columns: { number: 0, name: 1, term: 2, result: 3 } },
    );
    expect(forced.columns.map((c) => c.field)).toEqual(['number', 'name', 'term', 'result']);
    expect(forced.sections[0]!.measures[0]).toMatchObject({ executors: '', result: 'Отдел образования администрации ГО Карпинск' });
  });

  it('a column of mixed or unclear text is left unmapped rather than guessed', async () => {
    const p = await previewImport(db, {
      fileName: 'Вставленная таблица',
      text: '№\tМероприятие\tСрок\t\n1\tСовещание\tмарт 2022\tпротокол\n2\tСеминар\tапрель 2022\tсправка\n',
    });
    expect(p.columns.map((c) => c.field)).toEqual(['number', 'name', 'term', null]);
    expect(p.sections[0]!.measures.map((m) => m.executors)).toEqual(['', '']);
  });
});

describe('telling executors from terms by a cell', () => {
  it.each([
    ['Руководители ОО', 'executors'],
    ['РМК', 'executors'],
    ['Майорова Т.В.', 'executors'],
    ['МАОУ СОШ № 2', 'executors'],
    ['Отдел образования', 'executors'],
    ['май 2022', 'term'],
    ['ежеквартально', 'term'],
    ['до 15.04.2022', 'term'],
    ['По итогам I полугодия', 'term'],
    ['протокол', null],
    ['РМК, до 01.03.2022', null],
  ])('«%s» → %s', (text, kind) => expect(cellKind(text)).toBe(kind));

  it('a column agrees only when most of its cells do', () => {
    expect(columnKind(['РМК', 'Руководители ОО', 'протокол'])).toBe('executors');
    expect(columnKind(['РМК', 'май 2022', 'протокол', 'справка'])).toBeNull();
    expect(columnKind(['', ''])).toBeNull();
  });
});
