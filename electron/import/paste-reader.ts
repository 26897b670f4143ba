/**
 * A table pasted from Word or Excel: tab-separated cells, one row a line; Excel quotes cells that hold
 * line breaks or quotes ("…", with "" for a quote). Lines without tabs before the table are paragraphs
 * (a title copied along with it).
 */
import { AppError } from '../../db/errors';
import { FILE_LIMITS, formatLimit } from '../../shared/limits';
import { type Block, cleanText } from './grid';

const tooMuch = (what: string) =>
  new AppError('too_large', `Во вставленном тексте ${what} — это не таблица мероприятий. Ничего не импортировано.`);

function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === '\t') {
      row.push(cell);
      if (row.length > 1000) throw tooMuch('больше 1000 столбцов в строке');
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      if (rows.length > FILE_LIMITS.rows) throw tooMuch(`больше ${formatLimit(FILE_LIMITS.rows)} строк`);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export function readPasted(text: string): Block[] {
  if (text.length > FILE_LIMITS.pastedChars) throw tooMuch(`больше ${formatLimit(FILE_LIMITS.pastedChars)} знаков`);
  // U+FFFD is what a text in another encoding (Windows-1251 read as UTF-8) turns into: it cannot be read back.
  if ((text.match(/\ufffd/g)?.length ?? 0) > 3)
    throw new AppError(
      'bad_encoding',
      'Вставленный текст в неверной кодировке (вместо букв — знаки «�»). Скопируйте таблицу из Word или Excel заново. Ничего не импортировано.',
    );
  const rows = parseTsv(text);
  const blocks: Block[] = [];
  let tableStarted = false;
  const table: { type: 'table'; rows: { text: string; span: number }[][] } = { type: 'table', rows: [] };
  for (const r of rows) {
    if (!tableStarted && r.length <= 1) {
      blocks.push({ type: 'p', text: cleanText(r[0] ?? '') });
      continue;
    }
    tableStarted = true;
    table.rows.push(r.map((t) => ({ text: cleanText(t), span: 1 })));
  }
  if (table.rows.length) blocks.push(table);
  return blocks;
}
