/**
 * Import of a realistic roadmap, DOCX and XLSX, at 500 and 5 000 measures: the app's whole path up to
 * the preview (the `import.preview` API method: the file as base64, unzip, XML, recognition, term
 * reading, limits) against the floor of the bare libraries reading the same file — jszip unzipping
 * word/document.xml and saxes walking it into rows of cell text; exceljs loading the workbook and
 * reading every cell's text.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { callApi } from '../../../electron/api/call';
import { closeDatabase, freshDb } from '../../helpers';
import { planSections } from '../data';
import { type BenchCases, type BenchResult, compare } from '../harness';

const TITLE = 'Дорожная карта по повышению качества образования в школах с низкими образовательными результатами на 2024–2025 годы';
const HEADER = ['№ п/п', 'Мероприятие', 'Срок', 'Исполнители', 'Результат'];

/** The plan as rows of five cells: a section row (number, title over four columns) then its measures. */
function planRows(measures: number): { section: boolean; cells: string[] }[] {
  const rows: { section: boolean; cells: string[] }[] = [];
  planSections(measures).forEach((s, si) => {
    rows.push({ section: true, cells: [`${si + 1}.`, s.title] });
    s.measures.forEach((m, mi) => rows.push({ section: false, cells: [`${si + 1}.${mi + 1}.`, m.name, m.term, m.executors, m.result] }));
  });
  return rows;
}

export async function makeDocx(measures: number): Promise<Buffer> {
  const cell = (text: string, span = 1, bold = false) =>
    new TableCell({
      columnSpan: span,
      children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
    });
  const rows = [
    new TableRow({ tableHeader: true, children: HEADER.map((h) => cell(h, 1, true)) }),
    ...planRows(measures).map(
      (r) => new TableRow({ children: r.section ? [cell(r.cells[0]!, 1, true), cell(r.cells[1]!, 4, true)] : r.cells.map((c) => cell(c)) }),
    ),
  ];
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('Приложение 1 к приказу Управления образования')] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: TITLE, bold: true })] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function makeXlsx(measures: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('План');
  ws.addRow([TITLE]);
  ws.mergeCells(1, 1, 1, 5);
  ws.addRow(HEADER).font = { bold: true };
  for (const r of planRows(measures)) {
    const row = ws.addRow(r.cells);
    if (r.section) {
      row.font = { bold: true };
      ws.mergeCells(row.number, 2, row.number, 5);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The DOCX floor: unzip word/document.xml and collect every table cell's text into rows. */
async function bareDocx(data: Buffer): Promise<string[][]> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  const rows: string[][] = [];
  let row: string[] | null = null;
  let cell: string | null = null;
  let inText = false;
  const parser = new SaxesParser();
  parser.on('opentag', (t) => {
    if (t.name === 'w:tr') row = [];
    else if (t.name === 'w:tc') cell = '';
    else if (t.name === 'w:t') inText = true;
  });
  parser.on('text', (s) => {
    if (inText && cell !== null) cell += s;
  });
  parser.on('closetag', (t) => {
    if (t.name === 'w:t') inText = false;
    else if (t.name === 'w:tc') {
      row!.push(cell!);
      cell = null;
    } else if (t.name === 'w:tr') {
      rows.push(row!);
      row = null;
    }
  });
  parser.write(xml).close();
  return rows;
}

/** The XLSX floor: exceljs loads the workbook and every cell's text is read. */
async function bareXlsx(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((r) => {
      const texts: string[] = [];
      r.eachCell((c) => texts.push(c.text));
      rows.push(texts);
    }),
  );
  return rows;
}

const cases: BenchCases = async () => {
  const db = freshDb();
  const results: BenchResult[] = [];
  const preview = async (fileName: string, data: Buffer, measures: number) => {
    const r = await callApi({ db }, 'import.preview', { fileName, base64: data.toString('base64') });
    if (!r.ok) throw new Error(r.error.message);
    const counts = (r.value as { counts: { measures: number } }).counts;
    if (counts.measures !== measures) throw new Error(`${fileName}: ${counts.measures} мероприятий вместо ${measures}`);
  };
  for (const measures of [500, 5000]) {
    const runs = measures > 1000 ? 9 : 15;
    const docx = await makeDocx(measures);
    results.push(
      await compare({
        name: `import DOCX to preview, ${measures} measures`,
        floorName: 'jszip + saxes reading the same table into rows',
        // Recorded, not yet a goal: 1.6–1.9× after this round (the floor collects text only; the app
        // also tracks merges, nesting and limits, and recognises and reads the plan). The aim is 1.5.
        goal: null,
        runs,
        app: () => preview('План.docx', docx, measures),
        floor: () => bareDocx(docx),
        extra: { KB: Math.round(docx.length / 1024) },
      }),
    );
    const xlsx = await makeXlsx(measures);
    results.push(
      await compare({
        name: `import XLSX to preview, ${measures} measures`,
        floorName: 'exceljs load + every cell’s text',
        goal: 1.5,
        runs,
        app: () => preview('План.xlsx', xlsx, measures),
        floor: () => bareXlsx(xlsx),
        extra: { KB: Math.round(xlsx.length / 1024) },
      }),
    );
  }
  closeDatabase(db);
  return results;
};
export default cases;
