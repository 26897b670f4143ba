/**
 * Reading a .docx as the recognizer needs it: the body's paragraphs and tables, in order. Only
 * word/document.xml is read (pictures and the rest are not even unpacked). Old .doc files and
 * password-protected documents are both OLE containers, told apart from a .docx by their first bytes.
 *
 * The XML is read as a stream of tags with an explicit stack, so neither a 150 MB body nor tables
 * nested ten thousand deep can exhaust memory or the call stack; what the document really holds is
 * counted (paragraphs, rows, cells, nesting, characters) and each limit refuses the file by name.
 */
import type { Tag } from '../files/xml-stream';
import { AppError } from '../../db/errors';
import { FILE_LIMITS, formatLimit } from '../../shared/limits';
import { ZipReader } from '../files/zip';
import { attr, streamXml } from '../files/xml-stream';
import { type Block, cleanText, type GridCell } from './grid';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Inside a paragraph these W elements (and all they hold) are not text: deleted runs, properties. */
const NOT_TEXT = new Set(['softHyphen', 'del', 'delText', 'pPr', 'rPr']);

/**
 * Where an open element sits. 'skip' elements hold nothing read (their subtree is ignored); 'pass'
 * elements are only walked through (runs, hyperlinks, content controls, nested tables in a cell).
 */
type Role = 'document' | 'body' | 'pass' | 'p' | 't' | 'table' | 'row' | 'rowSdt' | 'cell' | 'cellPr' | 'nestedTable';

export function isOleFile(data: Buffer): boolean {
  return data.subarray(0, 8).equals(OLE_MAGIC);
}

export async function readDocx(data: Buffer, fileName: string): Promise<Block[]> {
  if (isOleFile(data))
    throw new AppError(
      'doc_or_encrypted',
      `«${fileName}» — документ в старом формате Word (.doc) или защищённый паролем. Откройте его в Word и сохраните как «Документ Word (.docx)» без пароля.`,
    );
  const damaged = () =>
    new AppError('bad_file', `«${fileName}» повреждён или не является документом Word (.docx). Ничего не импортировано.`);
  const zip = new ZipReader(data, fileName, damaged);
  const xml = zip.read('word/document.xml');
  if (!xml) throw new AppError('not_docx', `В «${fileName}» нет текста документа Word: это не .docx. Ничего не импортировано.`);
  return readDocumentXml(xml, fileName);
}

/** word/document.xml → blocks; exported for the tests of hostile XML. */
export function readDocumentXml(xml: Buffer, fileName: string): Block[] {
  const tooMuch = (code: string, what: string) =>
    new AppError(code, `В документе «${fileName}» ${what} — похоже, файл повреждён. Ничего не импортировано.`);
  const damaged = () => new AppError('bad_file', `«${fileName}» повреждён: текст документа не разбирается. Ничего не импортировано.`);

  const blocks: Block[] = [];
  const roles: Role[] = [];
  let skip = 0;
  let sawBody = false;
  let para: string | null = null;
  let table: GridCell[][] | null = null;
  let row: GridCell[] | null = null;
  let cell: { lines: string[]; chars: number; span: number; continued: boolean } | null = null;
  let nesting = 0;
  let paragraphs = 0;
  let rows = 0;
  let cells = 0;

  const add = (s: string) => {
    para! += s;
    if (para!.length > FILE_LIMITS.cellChars) throw tooMuch('too_long_text', `абзац длиннее ${formatLimit(FILE_LIMITS.cellChars)} знаков`);
  };
  const role = (): Role | undefined => roles[roles.length - 1];

  const open = (tag: Tag) => {
    if (skip) return void skip++;
    const name = tag.uri === W ? tag.local : null;
    const at = role();
    let next: Role | null = null;
    if (name === null) next = null;
    else if (at === undefined) next = name === 'document' ? 'document' : null;
    else if (at === 'document') next = name === 'body' && !sawBody ? 'body' : null;
    else if (para !== null) {
      // Inside a paragraph: text, tabs and breaks; everything else is walked through for its runs.
      if (name === 't') next = 't';
      else if (NOT_TEXT.has(name)) next = null;
      else {
        if (name === 'tab') add(' ');
        else if (name === 'br' || name === 'cr') add('\n');
        else if (name === 'noBreakHyphen') add('-');
        next = 'pass';
      }
    } else if (at === 'table') next = name === 'tr' ? 'row' : null;
    else if (at === 'row' || at === 'rowSdt') {
      // A row's cells, directly or inside a content control (<w:sdt><w:sdtContent><w:tc>).
      if (name === 'tc') next = 'cell';
      else if (at === 'row' && (name === 'sdt' || name === 'sdtContent')) next = 'rowSdt';
      else if (at === 'rowSdt' && name === 'sdtContent') next = 'rowSdt';
      else next = null;
    } else if (at === 'cellPr') {
      if (name === 'gridSpan') cell!.span = Math.max(1, Math.min(1000, Number(attr(tag, 'val')) || 1));
      else if (name === 'vMerge') cell!.continued = (attr(tag, 'val') || 'continue') === 'continue';
      next = null;
    } else if (cell !== null) {
      // Inside a cell every paragraph counts, nested tables included (their text joins the cell's).
      // Only the outer cell's own properties matter (span, vertical merge); nested cells' are skipped.
      if (name === 'tcPr') next = at === 'cell' ? 'cellPr' : null;
      else if (name === 'p') next = 'p';
      else if (name === 'tbl') next = 'nestedTable';
      else next = 'pass';
    } else if (at === 'body' || (at === 'pass' && table === null)) {
      // The body: paragraphs, tables, and content controls holding them; section properties are not text.
      if (name === 'p') next = 'p';
      else if (name === 'tbl') next = 'table';
      else if (name === 'sdt' || name === 'sdtContent') next = 'pass';
      else next = null;
    }
    if (next === null) return void (skip = 1);
    roles.push(next);
    if (next === 'p') {
      if (++paragraphs > FILE_LIMITS.paragraphs)
        throw tooMuch('too_many_paragraphs', `больше ${formatLimit(FILE_LIMITS.paragraphs)} абзацев`);
      para = '';
    } else if (next === 'table' || next === 'nestedTable') {
      if (++nesting > FILE_LIMITS.nesting) throw tooMuch('too_deep', `таблицы вложены друг в друга глубже ${FILE_LIMITS.nesting} уровней`);
      if (next === 'table') table = [];
    } else if (next === 'row') {
      if (++rows > FILE_LIMITS.rows) throw tooMuch('too_many_rows', `больше ${formatLimit(FILE_LIMITS.rows)} строк таблиц`);
      row = [];
    } else if (next === 'cell') {
      if (++cells > FILE_LIMITS.cells) throw tooMuch('too_many_cells', `больше ${formatLimit(FILE_LIMITS.cells)} ячеек таблиц`);
      cell = { lines: [], chars: 0, span: 1, continued: false };
    }
  };

  const close = () => {
    if (skip) return void skip--;
    const done = roles.pop();
    if (done === 'body') sawBody = true;
    else if (done === 'nestedTable') nesting--;
    else if (done === 'p') {
      // (A paragraph inside a paragraph was walked through as 'pass': its text is already the outer one's.)
      const text = para!;
      para = null;
      if (cell !== null) {
        cell.lines.push(text);
        cell.chars += text.length;
        if (cell.chars > FILE_LIMITS.cellChars)
          throw tooMuch('too_long_text', `ячейка длиннее ${formatLimit(FILE_LIMITS.cellChars)} знаков`);
      } else blocks.push({ type: 'p', text: cleanText(text) });
    } else if (done === 'cell') {
      const c = cell!;
      row!.push({ text: cleanText(c.lines.join('\n')), span: c.span, ...(c.continued ? { continued: true } : {}) });
      cell = null;
    } else if (done === 'row') {
      table!.push(row!);
      row = null;
    } else if (done === 'table') {
      blocks.push({ type: 'table', rows: table! });
      table = null;
      nesting--;
    }
  };

  const tooBig = () => tooMuch('too_many_elements', `больше ${formatLimit(FILE_LIMITS.xmlElements)} элементов разметки`);
  streamXml(xml, { open, close, text: (t) => role() === 't' && !skip && add(t) }, damaged, tooBig);
  if (!sawBody) throw new AppError('bad_file', `«${fileName}» повреждён: в нём нет тела документа.`);
  return blocks;
}
