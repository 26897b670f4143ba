/**
 * The page by ГОСТ Р 7.0.97-2025 (the layout rules are those of the 2016 edition): A4, fields left
 * 30 mm (documents kept long), right 15 mm, top and bottom 20 mm; Times New Roman; page numbers from
 * the second page, centred at the top; dates ДД.ММ.ГГГГ. Shared by the appendix, the order and the protocol.
 */
import {
  AlignmentType,
  convertMillimetersToTwip,
  Header,
  type IRunOptions,
  type ISectionOptions,
  type IStylesOptions,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  TabStopType,
  Tab,
  TextRun,
} from 'docx';
import { cleanControlChars } from '../../shared/text-clean';

export const FONT = 'Times New Roman';
/** Half-points: 14 pt for text, 12 pt inside tables. */
export const TEXT_SIZE = 28;
export const TABLE_SIZE = 24;

export type Orientation = 'portrait' | 'landscape';

const A4 = { short: 11906, long: 16838 }; // twips
export const MARGINS = {
  left: convertMillimetersToTwip(30),
  right: convertMillimetersToTwip(15),
  top: convertMillimetersToTwip(20),
  bottom: convertMillimetersToTwip(20),
};

/** The width of the text between the fields, in twips. */
export function contentWidth(orientation: Orientation): number {
  return (orientation === 'landscape' ? A4.long : A4.short) - MARGINS.left - MARGINS.right;
}

const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: TEXT_SIZE })],
      }),
    ],
  });

/**
 * A section of the document. The first section of a file has no number on its first page
 * (`titlePage` with an empty first-page header); later sections (an order's appendices) go on numbering.
 */
export function section(orientation: Orientation, children: ISectionOptions['children'], first: boolean): ISectionOptions {
  return {
    properties: {
      titlePage: first,
      page: {
        // docx writes w/h for the orientation given (landscape swaps them), and w:orient.
        size: {
          width: A4.short,
          height: A4.long,
          orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...MARGINS, header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10) },
      },
    },
    headers: first
      ? { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({})] }) }
      : { default: pageNumberHeader() },
    children,
  };
}

/** The paragraph styles of the text inside tables: defined once in the document, named by each paragraph. */
export const CELL_STYLE = 'RmkCell';
export const CELL_CENTRE_STYLE = 'RmkCellCentre';

/**
 * The document's styles: Times New Roman 14 pt by default, and 12 pt with no spacing inside tables.
 * A table of 5 000 measures has 25 000 cells: the font, size, spacing and alignment said once here
 * instead of on every run and paragraph make its XML a third of the size and its packing that much faster.
 */
export const DOCUMENT_STYLES: IStylesOptions = {
  default: { document: { run: { font: FONT, size: TEXT_SIZE } } },
  paragraphStyles: [
    {
      id: CELL_STYLE,
      name: 'Текст в таблице',
      basedOn: 'Normal',
      run: { font: FONT, size: TABLE_SIZE },
      paragraph: { spacing: { before: 0, after: 0 }, alignment: AlignmentType.LEFT },
    },
    { id: CELL_CENTRE_STYLE, name: 'Текст в таблице по центру', basedOn: CELL_STYLE, paragraph: { alignment: AlignmentType.CENTER } },
  ],
};

/** Runs of a line: a tab becomes Word's own w:tab, a line break a break in the paragraph; only bold is said on the run. */
function lineRuns(text: string, bold: boolean): TextRun[] {
  return cleanControlChars(text)
    .split('\n')
    .map((line, i) => {
      const parts = line.split('\t');
      const brk = i > 0 ? { break: 1 } : {};
      if (parts.length === 1 && !bold && i === 0) return new TextRun(line);
      const content = parts.length > 1 ? { children: parts.flatMap((p, k) => (k > 0 ? [new Tab(), p] : [p])) } : { text: line };
      return new TextRun({ ...content, ...(bold ? { bold: true } : {}), ...brk });
    });
}

/** A paragraph inside a table cell: the font, size and spacing come from its style. */
export function cellPara(text: string, o: { centre?: boolean; bold?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: o.centre ? CELL_CENTRE_STYLE : CELL_STYLE,
    children: lineRuns(text, o.bold ?? false),
    ...(o.keepNext ? { keepNext: true } : {}),
  });
}

/** A run of text; a tab is written as Word's own tab element (w:tab), never as a raw character inside w:t. */
export const run = (text: string, opts: Omit<IRunOptions, 'text'> = {}) => {
  const parts = text.split('\t');
  const content = parts.length > 1 ? { children: parts.flatMap((p, i) => (i > 0 ? [new Tab(), p] : [p])) } : { text };
  return new TextRun({ ...content, font: FONT, size: TEXT_SIZE, ...opts });
};

export interface ParaOptions {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  bold?: boolean;
  size?: number;
  indentFirst?: boolean;
  indentLeft?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
}

/**
 * A paragraph of plain text; line breaks inside become breaks in the paragraph. Text stored before
 * the API cleaned its input may still hold Word's vertical tab: it is a line break here too.
 */
export function para(text: string, o: ParaOptions = {}, extra: ParagraphChild[] = []): Paragraph {
  const lines = cleanControlChars(text).split('\n');
  const children: ParagraphChild[] = lines.map((line, i) =>
    run(line, { ...(o.bold ? { bold: true } : {}), size: o.size ?? TEXT_SIZE, ...(i > 0 ? { break: 1 } : {}) }),
  );
  return new Paragraph({
    alignment: o.align ?? AlignmentType.LEFT,
    children: [...children, ...extra],
    spacing: { before: o.before ?? 0, after: o.after ?? 0 },
    ...(o.indentFirst || o.indentLeft
      ? {
          indent: {
            ...(o.indentFirst ? { firstLine: convertMillimetersToTwip(12.5) } : {}),
            ...(o.indentLeft ? { left: o.indentLeft } : {}),
          },
        }
      : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
    ...(o.keepLines ? { keepLines: true } : {}),
    ...(o.pageBreakBefore ? { pageBreakBefore: true } : {}),
  });
}

/** «28.03.2022 … № 38-д» on one line: the date at the left, the number against the right field. */
export function dateAndNumber(date: string, number: string, orientation: Orientation): Paragraph {
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: contentWidth(orientation) }],
    spacing: { before: 240, after: 120 },
    children: [run(date), run(`\t№ ${number}`)],
  });
}

/** The block at the top right: the appendix mark and the approval stamp, left-aligned inside it. */
export function topRightBlock(lines: string[], orientation: Orientation): Paragraph[] {
  const blockWidth = convertMillimetersToTwip(orientation === 'landscape' ? 95 : 80);
  return lines.map((text, i) =>
    para(text, { indentLeft: contentWidth(orientation) - blockWidth, after: i === lines.length - 1 ? 240 : 120 }),
  );
}
