/**
 * A table pasted from Word or Excel: tab-separated cells, one row a line; Excel quotes cells that hold
 * line breaks or quotes ("…", with "" for a quote). Lines without tabs before the table are paragraphs
 * (a title copied along with it).
 */
import { type Block, cleanText } from './grid';

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
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
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
