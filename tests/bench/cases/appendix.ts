/**
 * The appendix DOCX (issue 15): a realistic roadmap from the database to the packed buffer, through
 * renderDocument — the function `documents.download` and `documents.save` call — against the bare
 * `docx` library packing the same table: a header row, a row per section, a row per measure with its
 * five cells, in one Table in one landscape A4 Section, the text read by one bare SELECT. The floor is
 * what a competent developer would write: the font as the document's default, bold only on the header
 * and section runs, the columns' widths on the grid and the cells.
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { renderDocument } from '../../../electron/documents/index';
import { closeDatabase, freshDb } from '../../helpers';
import { seedPlans } from '../data';
import { type BenchCases, type BenchResult, compare } from '../harness';

const CAPTIONS = ['№ п/п', 'Наименование мероприятия', 'Сроки', 'Ответственные исполнители', 'Ожидаемый результат'];
const A4 = { short: 11906, long: 16838 };
const MARGIN = { left: 1701, right: 850, top: 1134, bottom: 1134 };
const WIDTH = A4.long - MARGIN.left - MARGIN.right;
const WIDTHS = [0.06, 0.36, 0.15, 0.18, 0.25].map((s) => Math.floor(WIDTH * s));

interface Row {
  title: string | null;
  number: string;
  name: string;
  term: string;
  executors: string;
  result: string;
}

const cell = (text: string, width: number, bold = false, columnSpan?: number) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(columnSpan ? { columnSpan } : {}),
    children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
  });

/** The floor: the rows of one bare SELECT (a section's title repeats on its measures) into one table. */
async function bareDocx(rows: Row[]): Promise<Buffer> {
  const out: TableRow[] = [new TableRow({ tableHeader: true, children: CAPTIONS.map((c, i) => cell(c, WIDTHS[i]!, true)) })];
  let section: string | null | undefined;
  for (const r of rows) {
    if (r.title !== section) {
      section = r.title;
      if (r.title !== null) out.push(new TableRow({ children: [cell(r.title, WIDTH, true, 5)] }));
    }
    out.push(
      new TableRow({
        children: [r.number, r.name, r.term, r.executors, r.result].map((t, i) => cell(t, WIDTHS[i]!)),
      }),
    );
  }
  const doc = new Document({
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: A4.short, height: A4.long, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN },
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'План мероприятий', bold: true })] }),
          new Table({ rows: out, width: { size: WIDTH, type: WidthType.DXA }, columnWidths: WIDTHS }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const cases: BenchCases = async () => {
  const results: BenchResult[] = [];
  for (const measures of [50, 500, 5000]) {
    const db = freshDb();
    const [roadmapId] = seedPlans(db, measures, measures);
    const select = db.sqlite.prepare(
      `SELECT CASE WHEN s.number <> '' THEN s.number || '. ' || s.title ELSE s.title END AS title, m.number, m.name, m.term, m.executors, m.result
         FROM measures m LEFT JOIN sections s ON s.id = m.section_id
        WHERE m.roadmap_id = ? ORDER BY s.position, m.position`,
    );
    let appBytes = 0;
    let floorBytes = 0;
    // A 50-measure appendix takes ~0.1 s: more runs, so a busy moment of the machine does not decide the median.
    const runs = measures >= 5000 ? 3 : measures >= 500 ? 9 : 31;
    results.push(
      await compare({
        name: `appendix DOCX, ${measures} measures`,
        floorName: 'bare docx packing the same table from one SELECT',
        goal: 1.5,
        runs,
        warmup: measures >= 5000 ? 1 : 3,
        app: async () => {
          appBytes = (await renderDocument(db, { kind: 'appendix', roadmapId: roadmapId! })).data.length;
        },
        floor: async () => {
          floorBytes = (await bareDocx(select.all(roadmapId) as Row[])).length;
        },
      }),
    );
    results.at(-1)!.extra = { appKB: Math.round(appBytes / 1024), floorKB: Math.round(floorBytes / 1024) };
    closeDatabase(db);
  }
  return results;
};
export default cases;
