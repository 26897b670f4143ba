/**
 * What every source (Word, Excel, pasted text) is read into before the roadmap is recognised in it:
 * paragraphs and tables in document order; a table's cells with their column span and vertical merges.
 */
import { cleanControlChars } from '../../shared/text-clean';

export interface GridCell {
  text: string;
  span: number;
  /** This cell continues a vertical merge: its text is the one above it. */
  continued?: boolean;
}

export type Block = { type: 'p'; text: string } | { type: 'table'; rows: GridCell[][] };

/**
 * Cell text as a person sees it: Word's line breaks kept as line breaks, other control characters dropped, non-breaking spaces become spaces, soft hyphens vanish, every line
 * trimmed, empty lines at the ends dropped. Line breaks inside a cell are kept.
 */
export function cleanText(s: string): string {
  // Word's manual line break (vertical tab) becomes a line break; other control characters go (shared/text-clean.ts).
  return cleanControlChars(s)
    .replace(/\u00ad/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/g, '').replace(/^[ \t]+/g, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** A row laid out in logical columns: a cell spanning k columns fills the first and leaves k-1 empty. */
export function expandRow(row: GridCell[], above: string[] | null): { texts: string[]; spans: number[] } {
  const texts: string[] = [];
  const spans: number[] = [];
  for (const cell of row) {
    const col = texts.length;
    texts.push(cell.continued ? (above?.[col] ?? '') : cell.text);
    spans.push(cell.span);
    for (let k = 1; k < cell.span; k++) {
      texts.push('');
      spans.push(0);
    }
  }
  return { texts, spans };
}
