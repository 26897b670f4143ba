/**
 * Reading the cells of an .xlsx without trusting it (for the import and for the schools' answers).
 * Only the cells that are in the file are visited: the sheet's XML is streamed, a sheet's claimed
 * dimension is ignored, empty formatted cells cost nothing, and what a cell shows is taken as
 * exceljs shows it (shared and inline strings, rich text, dates by their number format, formulas by
 * their cached result), and numbers as Excel displays them by their format («4.10» under «0.00»). Limits on filled cells and rows refuse a file by name.
 */
import type { Tag } from './xml-stream';
import { AppError } from '../../db/errors';
import { FILE_LIMITS, formatLimit } from '../../shared/limits';
import { builtInFormat, formatNumber } from './number-format';
import { attr, streamXml } from './xml-stream';
import { ZipReader } from './zip';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface BookSheet {
  name: string;
  state: SheetState;
  /** Filled cells only: row → column → text, both from 1. */
  rows: Map<number, Map<number, string>>;
  merges: MergeRange[];
  /** Cells with a formula but no stored result (a file written by a program that does not calculate). */
  formulasWithoutValue: string[];
}

export interface ReadOptions {
  fileName: string;
  /** Which sheets to read the cells of; the others are only listed. */
  wanted: (name: string, state: SheetState) => boolean;
  damaged: () => AppError;
  /** Ends the limit messages: «Ничего не импортировано.» or «Ничего не изменено.» */
  tail: string;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** Built-in number formats that are dates or times (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** The same test exceljs makes: date letters outside quotes and brackets. */
const isDateFormat = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** 'AB12' → [12, 28]; null for anything else. */
export function parseAddress(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROW && col >= 1 && col <= MAX_COL ? [row, col] : null;
}

export function columnName(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** 'ДД.ММ.ГГГГ' of an Excel serial day, as exceljs would turn it into a Date and our cellText print it. */
function serialDate(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  if (Number.isNaN(d.getTime())) return String(serial);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}

/** A sheet part's path from the workbook's relationship target ('worksheets/sheet1.xml' or '/xl/worksheets/sheet1.xml'). */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');

export function readBook(data: Buffer, o: ReadOptions): BookSheet[] {
  const tooMuch = (code: string, what: string) => new AppError(code, `В книге «${o.fileName}» ${what} — похоже, файл повреждён. ${o.tail}`);
  const zip = new ZipReader(data, o.fileName, o.damaged, o.tail);
  const part = (name: string, required: boolean): Buffer | null => {
    const b = zip.read(name);
    if (!b && required) throw o.damaged();
    return b;
  };
  const xml = (b: Buffer | null, open: (t: Tag) => void, close: (t: Tag) => void = () => {}, text: (s: string) => void = () => {}) => {
    if (b)
      streamXml(b, { open, close, text }, o.damaged, () =>
        tooMuch('too_many_elements', `больше ${formatLimit(FILE_LIMITS.xmlElements)} элементов разметки в одной части`),
      );
  };

  // The workbook: its sheets in order, their state, the part each lives in; the 1904 date system.
  const listed: { name: string; state: SheetState; rid: string }[] = [];
  let date1904 = false;
  xml(part('xl/workbook.xml', true), (t) => {
    if (t.local === 'sheet') {
      const state = attr(t, 'state');
      listed.push({
        name: attr(t, 'name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        rid: attr(t, 'id') ?? '',
      });
      if (listed.length > 1000) throw o.damaged();
    } else if (t.local === 'workbookPr') date1904 = ['1', 'true'].includes(attr(t, 'date1904') ?? '');
  });
  const targets = new Map<string, string>();
  xml(part('xl/_rels/workbook.xml.rels', true), (t) => {
    if (t.local === 'Relationship') targets.set(attr(t, 'Id') ?? '', attr(t, 'Target') ?? '');
  });
  const wanted = listed.filter((s) => o.wanted(s.name, s.state));
  if (wanted.length === 0)
    return listed.map((s) => ({ name: s.name, state: s.state, rows: new Map(), merges: [], formulasWithoutValue: [] }));

  // Shared strings: the text of each <si>, rich runs joined, phonetic guides (<rPh>) left out.
  const shared: string[] = [];
  let si: string | null = null;
  let inT = false;
  let phonetic = 0;
  xml(
    part('xl/sharedStrings.xml', false),
    (t) => {
      if (t.local === 'si') {
        si = '';
        if (shared.length >= FILE_LIMITS.cells) throw tooMuch('too_many_cells', `больше ${formatLimit(FILE_LIMITS.cells)} строк текста`);
      } else if (t.local === 'rPh') phonetic++;
      else if (t.local === 't') inT = true;
    },
    (t) => {
      if (t.local === 'si') {
        shared.push(si ?? '');
        si = null;
      } else if (t.local === 'rPh') phonetic--;
      else if (t.local === 't') inT = false;
    },
    (s) => {
      if (si !== null && inT && !phonetic) {
        si += s;
        if (si.length > FILE_LIMITS.cellChars)
          throw tooMuch('too_long_text', `ячейка длиннее ${formatLimit(FILE_LIMITS.cellChars)} знаков`);
      }
    },
  );

  // Styles: which cell formats show numbers as dates, and the number format of the others.
  const customFormats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  xml(
    part('xl/styles.xml', false),
    (t) => {
      if (t.local === 'numFmt') customFormats.set(Number(attr(t, 'numFmtId')), attr(t, 'formatCode') ?? '');
      else if (t.local === 'cellXfs') inCellXfs = true;
      else if (t.local === 'xf' && inCellXfs && xfFormats.length < 100_000) xfFormats.push(Number(attr(t, 'numFmtId') ?? 0));
    },
    (t) => {
      if (t.local === 'cellXfs') inCellXfs = false;
    },
  );
  const dateStyle = xfFormats.map((id) => (customFormats.has(id) ? isDateFormat(customFormats.get(id)!) : DATE_FORMAT_IDS.has(id)));
  const numberFormat = xfFormats.map((id) => customFormats.get(id) ?? builtInFormat(id));

  let filled = 0;
  return listed.map((s) => {
    const sheet: BookSheet = { name: s.name, state: s.state, rows: new Map(), merges: [], formulasWithoutValue: [] };
    if (!o.wanted(s.name, s.state)) return sheet;
    const target = targets.get(s.rid);
    if (!target) throw o.damaged();
    let rowNo = 0;
    let colNo = 0;
    let cur: { row: number; col: number; type: string; style: number; v: string; inline: string; formula: boolean } | null = null;
    let field: 'v' | 't' | null = null;
    let inIs = false;
    let isPhonetic = 0;
    let filledRows = 0;
    const grow = (text: string) => {
      if (text.length > FILE_LIMITS.cellChars)
        throw tooMuch('too_long_text', `ячейка длиннее ${formatLimit(FILE_LIMITS.cellChars)} знаков`);
      return text;
    };
    xml(
      part(partPath(target), true),
      (t) => {
        switch (t.local) {
          case 'row': {
            const r = Number(attr(t, 'r'));
            rowNo = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r : rowNo + 1;
            colNo = 0;
            break;
          }
          case 'c': {
            const at = parseAddress(attr(t, 'r') ?? '');
            if (at) [rowNo, colNo] = at;
            else colNo++;
            cur = {
              row: rowNo,
              col: colNo,
              type: attr(t, 't') ?? 'n',
              style: Number(attr(t, 's') ?? 0),
              v: '',
              inline: '',
              formula: false,
            };
            break;
          }
          case 'v':
            if (cur) field = 'v';
            break;
          case 'f':
            if (cur) cur.formula = true;
            break;
          case 'is':
            inIs = true;
            break;
          case 'rPh':
            isPhonetic++;
            break;
          case 't':
            if (cur && inIs) field = 't';
            break;
          case 'mergeCell': {
            const [a, b] = (attr(t, 'ref') ?? '').split(':');
            const from = parseAddress(a ?? '');
            const to = parseAddress(b ?? a ?? '');
            if (from && to)
              sheet.merges.push({
                r1: Math.min(from[0], to[0]),
                c1: Math.min(from[1], to[1]),
                r2: Math.max(from[0], to[0]),
                c2: Math.max(from[1], to[1]),
              });
            if (sheet.merges.length > FILE_LIMITS.rows)
              throw tooMuch('too_many_merges', `больше ${formatLimit(FILE_LIMITS.rows)} объединённых ячеек`);
            break;
          }
        }
      },
      (t) => {
        if (t.local === 'v' || t.local === 't') field = null;
        else if (t.local === 'is') inIs = false;
        else if (t.local === 'rPh') isPhonetic--;
        else if (t.local === 'c' && cur) {
          const c = cur;
          cur = null;
          let text: string;
          if (c.type === 's') text = c.v === '' ? '' : (shared[Number(c.v)] ?? '');
          else if (c.type === 'inlineStr') text = c.inline;
          else if (c.type === 'str') text = c.v;
          else if (c.type === 'b') text = c.v === '' ? '' : String(c.v === '1' || c.v === 'true');
          else if (c.type === 'e') text = '';
          else if (c.v === '' || Number.isNaN(Number(c.v))) text = c.v;
          else text = dateStyle[c.style] ? serialDate(Number(c.v), date1904) : formatNumber(Number(c.v), numberFormat[c.style]);
          if (c.formula && c.v === '' && c.type !== 'inlineStr') sheet.formulasWithoutValue.push(`${columnName(c.col)}${c.row}`);
          if (text === '') return;
          if (++filled > FILE_LIMITS.cells) throw tooMuch('too_many_cells', `больше ${formatLimit(FILE_LIMITS.cells)} заполненных ячеек`);
          let row = sheet.rows.get(c.row);
          if (!row) {
            if (++filledRows > FILE_LIMITS.rows)
              throw tooMuch('too_many_rows', `на листе «${s.name}» больше ${formatLimit(FILE_LIMITS.rows)} заполненных строк`);
            sheet.rows.set(c.row, (row = new Map()));
          }
          row.set(c.col, text);
        }
      },
      (text) => {
        if (!cur || isPhonetic) return;
        if (field === 'v') cur.v = grow(cur.v + text);
        else if (field === 't') cur.inline = grow(cur.inline + text);
      },
    );
    return sheet;
  });
}
