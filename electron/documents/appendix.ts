/**
 * The appendix to an order: the roadmap as printed. Top right the appendix mark and the approval
 * stamp; the centred title and period; optionally the passport as a two-column table; then the plan
 * as one table with the roadmap's own captions, section rows across all columns, numbers as stored.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { sectionHeading } from '../../db/plan';
import type { PrintedSection } from '../../db/plan-print';
import type { Roadmap } from '../../db/roadmaps';
import type { AppendixIndicator } from './indicator-table';
import { indicatorTables } from './indicator-table';
import { cellPara, contentWidth, type Orientation, para, TABLE_SIZE, topRightBlock } from './layout';
import type { Mark } from './sources';
import { periodText } from './names';

export interface AppendixOptions {
  orientation: Orientation;
  includePassport: boolean;
  includeStamp: boolean;
  /** The indicators as a table in the passport (in place of the «Комплекс индикаторов» text). */
  includeIndicators: boolean;
}

/** What is asked for an appendix; options left out take the defaults of appendixOptionsFor. */
export interface AppendixRequest {
  roadmapId: number;
  orderId?: number | undefined;
  orientation?: Orientation | undefined;
  includePassport?: boolean | undefined;
  includeStamp?: boolean | undefined;
  includeIndicators?: boolean | undefined;
}

/** Narrow №, wide measure, the rest by what they usually hold. */
const COLUMN_SHARES = [0.06, 0.36, 0.15, 0.18, 0.25];

const PASSPORT_LABELS: [keyof Roadmap, string][] = [
  ['title', 'Наименование'],
  ['periodStart', 'Сроки реализации'],
  ['coordinator', 'Координатор'],
  ['goal', 'Цель'],
  ['tasks', 'Задачи'],
  ['directions', 'Направления реализации'],
  ['indicators', 'Комплекс индикаторов'],
  ['expectedResults', 'Ожидаемые результаты'],
  ['basisDocuments', 'Основание'],
];

/** A cell's text as paragraphs, one a line; an empty cell still holds one (Word needs it). */
const cellParagraphs = (text: string, o: { bold?: boolean; centre?: boolean; keepNext?: boolean } = {}) =>
  (text === '' ? [''] : text.split('\n')).map((line) => cellPara(line, o));

/**
 * Rows are kept whole on a page where that is possible. A row taller than half a page is allowed to
 * break: a row that cannot fit on any page would otherwise be cut off by some office suites.
 */
function fitsHalfPage(texts: string[], widths: number[], orientation: Orientation): boolean {
  const pageHeight = orientation === 'landscape' ? 9600 : 14500; // twips between the fields
  const lineHeight = 280;
  const lines = texts.map((t, i) => {
    const perLine = Math.max(4, Math.floor(widths[i]! / 115)); // ~ 12 pt Times New Roman
    return t.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0);
  });
  return Math.max(...lines) * lineHeight < pageHeight / 2;
}

/** Twips a word of `chars` letters takes at the table's size (Times New Roman: about 0.55 em a letter, bold a little more). */
const wordTwips = (chars: number, bold = false) => Math.ceil(chars * (TABLE_SIZE / 2) * 20 * (bold ? 0.62 : 0.55));
/** Word's default cell margins, left and right. */
const CELL_PADDING = 2 * 108;

/**
 * Column widths: the shares of the page, but never narrower than the column's longest word (a number
 * «12.15» or «общеобразовательных» is not broken in the middle — in a portrait page the share alone
 * gave the № column 9.9 mm); what a column needs more is taken from the others in proportion to what
 * they can spare. A single word wider than a third of the page may still break.
 */
export function planColumnWidths(columns: string[][], captions: string[], total: number): number[] {
  // A loop, not Math.max(...words): a plan of 50 000 measures has more words than a call may take arguments.
  const longest = (texts: string[]) => {
    let n = 0;
    for (const t of texts) for (const w of t.split(/\s+/)) if (w.length > n) n = w.length;
    return n;
  };
  const need = columns.map((texts, i) =>
    Math.min(Math.floor(total / 3), Math.max(wordTwips(longest(texts)), wordTwips(longest([captions[i] ?? '']), true)) + CELL_PADDING),
  );
  const widths = COLUMN_SHARES.map((s) => Math.floor(total * s));
  const short = widths.reduce((n, w, i) => n + Math.max(0, need[i]! - w), 0);
  if (short === 0) return widths;
  const spare = widths.map((w, i) => Math.max(0, w - need[i]!));
  const spareTotal = spare.reduce((a, b) => a + b, 0);
  // Every column wants more than the page has: the shares as they were (words may break, the table fits).
  if (spareTotal < short) return widths;
  return widths.map((w, i) => (w < need[i]! ? need[i]! : w - Math.floor((short * spare[i]!) / Math.max(1, spareTotal))));
}

function planTable(roadmap: Roadmap, plan: PrintedSection[], orientation: Orientation): Table {
  const total = contentWidth(orientation);
  const c = roadmap.captions;
  const measures = plan.flatMap((s) => s.measures);
  const widths = planColumnWidths(
    [
      measures.map((m) => m.number),
      measures.map((m) => m.name),
      measures.map((m) => m.term),
      measures.map((m) => m.executors),
      measures.map((m) => m.result),
    ],
    [c.number, c.name, c.term, c.executors, c.result],
    total,
  );
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [c.number, c.name, c.term, c.executors, c.result].map(
      (caption, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          children: cellParagraphs(caption, { bold: true, centre: true }),
        }),
    ),
  });
  const rows: TableRow[] = [header];
  for (const s of plan) {
    if (s.title !== null)
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: 5,
              width: { size: total, type: WidthType.DXA },
              children: cellParagraphs(sectionHeading(s), { bold: true, keepNext: true }),
            }),
          ],
        }),
      );
    for (const m of s.measures) {
      const texts = [m.number, m.name, m.term, m.executors, m.result];
      rows.push(
        new TableRow({
          cantSplit: fitsHalfPage(texts, widths, orientation),
          children: texts.map(
            (t, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                children: cellParagraphs(t, { centre: i === 0 }),
              }),
          ),
        }),
      );
    }
  }
  return new Table({ rows, width: { size: total, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED });
}

function passportTable(roadmap: Roadmap, orientation: Orientation, withoutIndicatorText: boolean): Table {
  const total = contentWidth(orientation);
  const widths = [Math.floor(total * 0.28), Math.floor(total * 0.72)];
  const rows = PASSPORT_LABELS.filter(([field]) => !(withoutIndicatorText && field === 'indicators'))
    .map(([field, label]) => {
      const value = field === 'periodStart' ? periodText(roadmap.periodStart, roadmap.periodEnd) : String(roadmap[field] ?? '');
      return [label, value] as const;
    })
    .filter(([, value]) => value.trim() !== '')
    .map(
      ([label, value]) =>
        new TableRow({
          cantSplit: fitsHalfPage([label, value], widths, orientation),
          children: [
            new TableCell({ width: { size: widths[0]!, type: WidthType.DXA }, children: cellParagraphs(label, { bold: true }) }),
            new TableCell({ width: { size: widths[1]!, type: WidthType.DXA }, children: cellParagraphs(value) }),
          ],
        }),
    );
  return new Table({ rows, width: { size: total, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED });
}

export function appendixOptionsFor(roadmap: Roadmap, req: Partial<AppendixRequest> = {}, indicatorCount = 0): AppendixOptions {
  return {
    // Five columns read best across the page: landscape unless the user picks portrait.
    orientation: req.orientation ?? 'landscape',
    // Indicator rows are a passport of their own: with them the passport prints even with no passport text.
    includePassport: req.includePassport ?? (hasPassport(roadmap) || indicatorCount > 0),
    includeStamp: req.includeStamp ?? true,
    includeIndicators: req.includeIndicators ?? indicatorCount > 0,
  };
}

export function hasPassport(roadmap: Roadmap): boolean {
  return [
    roadmap.coordinator,
    roadmap.goal,
    roadmap.tasks,
    roadmap.directions,
    roadmap.indicators,
    roadmap.expectedResults,
    roadmap.basisDocuments,
  ].some((v) => v.trim() !== '');
}

export function appendixChildren(
  roadmap: Roadmap,
  plan: PrintedSection[],
  mark: Mark | null,
  options: AppendixOptions,
  indicators: AppendixIndicator[] = [],
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (mark) out.push(...topRightBlock(options.includeStamp && mark.stamp ? [mark.mark, mark.stamp] : [mark.mark], options.orientation));
  out.push(para(roadmap.title, { align: AlignmentType.CENTER, bold: true, before: 120 }));
  out.push(para(`Период реализации: ${periodText(roadmap.periodStart, roadmap.periodEnd)}`, { align: AlignmentType.CENTER, after: 240 }));
  if (options.includePassport) {
    out.push(para('ПАСПОРТ', { align: AlignmentType.CENTER, bold: true, after: 120, keepNext: true }));
    // The table takes the place of the passport's «Комплекс индикаторов» text: the rows were made from
    // that text (or typed instead of it), so printing both would say the same thing twice, perhaps differently.
    const table = options.includeIndicators && indicators.length > 0;
    out.push(passportTable(roadmap, options.orientation, table));
    if (table) {
      out.push(para('Комплекс индикаторов', { align: AlignmentType.CENTER, bold: true, before: 240, after: 120, keepNext: true }));
      out.push(...indicatorTables(indicators, options.orientation));
    }
    out.push(para('ПЛАН МЕРОПРИЯТИЙ', { align: AlignmentType.CENTER, bold: true, before: 240, after: 120, keepNext: true }));
  }
  out.push(planTable(roadmap, plan, options.orientation));
  return out;
}
