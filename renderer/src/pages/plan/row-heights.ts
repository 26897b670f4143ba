/**
 * The exact height of every plan row before it is drawn: the cells are laid out once in a hidden box
 * at the same column widths, fonts and cell markup as the plan's (PlanTable.tsx, TermCell), and each
 * height is kept by the text and the widths, so that a change re-measures only the rows it touched.
 *
 * Why not an estimate: the virtual body sizes its scrollbar from these heights, and a row drawn with a
 * height other than its estimate moves the total — with one mean height for every row not drawn yet,
 * the total of a 2 000-measure plan drifted by ~900 px of ~220 000 while scrolled end to end. The
 * browser's own line breaking (hyphens, dashes, «№ 2» kept together or not) is the only exact one.
 */
import { lineCount, total, type ColumnKey, type Widths } from './layout';

/** What a row shows, as text: a section's title line, or a measure's five cells. */
export type RowText =
  | { kind: 'section'; title: string }
  | {
      kind: 'measure';
      number: string;
      name: string;
      term: string;
      /** The term's reading under it, with its mark («→ » or «⚠ »), and a caveat in brackets. */
      understood: string;
      caveat: string;
      executors: string;
      result: string;
    };

/** The table's look, from the antd theme (the same tokens antd draws the table with). */
export interface CellStyle {
  fontFamily: string;
  fontSize: number;
  fontSizeSM: number;
  /** As a ratio of the font size, as antd sets it. */
  lineHeight: number;
  fontWeightStrong: number;
  /** A small table's cell padding, each side. */
  padding: number;
  /** The cell's border (right and bottom). */
  border: number;
}

const PAD = (s: CellStyle) => 2 * s.padding + s.border;

/** Text widths from a canvas in the given font, each distinct word measured once. */
function canvasMeasure(font: string): (s: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  if (!ctx) return (s) => s.length * 8;
  ctx.font = font;
  return (s) => {
    let w = cache.get(s);
    if (w === undefined) {
      w = ctx.measureText(s).width;
      cache.set(s, w);
    }
    return w;
  };
}

/** Surely one line: no line break, and the words with their spaces 2 px short of the width or more. */
function surelyOneLine(text: string, width: number, measure: (s: string) => number): boolean {
  if (text.includes('\n')) return false;
  const words = text.split(' ');
  let w = measure(' ') * (words.length - 1);
  for (const word of words) w += measure(word);
  return w <= width - 2;
}

/** One cell to lay out: which markup, in which width. */
interface CellJob {
  kind: 'plain' | 'wrapped' | 'term' | 'section';
  width: number;
  texts: string[];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, style: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (style) e.style.cssText = style;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A cell's content as the plan draws it (PlanTable's columns, TermCell), in a box of the cell's inner width. */
function contentOf(job: CellJob, s: CellStyle): HTMLElement {
  const box = el('div', `width:${job.width}px`);
  const [a = '', b = '', c = ''] = job.texts;
  if (job.kind === 'plain') box.append(el('span', '', a));
  else if (job.kind === 'wrapped') box.append(el('span', 'white-space:pre-wrap', a));
  else if (job.kind === 'section') {
    // Typography.Text strong: a span that breaks long words, a bold run inside.
    const span = el('span', `word-break:break-word;line-height:${s.lineHeight}`);
    span.append(el('strong', `font-weight:${s.fontWeightStrong}`, a));
    box.append(span);
  } else {
    // TermCell: the term as written, and under it the reading (secondary Typography.Text, small font).
    const cell = el('div', '');
    cell.append(el('div', 'white-space:pre-wrap', a));
    if (a.trim()) {
      const small = `word-break:break-word;line-height:${s.lineHeight};font-size:${s.fontSizeSM}px`;
      cell.append(el('span', small, b));
      if (c) cell.append(el('span', `${small};font-style:italic`, ` (${c})`));
    }
    box.append(cell);
  }
  return box;
}

/** Lays the cells out at once in a hidden box and returns their content heights. */
function layOut(jobs: CellJob[], s: CellStyle): number[] {
  // Fixed and out of the page's flow: a tall box here does not make the page scroll, and it is gone
  // before the next paint.
  const host = el(
    'div',
    'position:fixed;left:0;top:0;width:0;height:0;overflow:hidden;visibility:hidden;contain:strict;pointer-events:none',
  );
  const column = el(
    'div',
    `position:absolute;left:0;top:0;width:max-content;font-family:${s.fontFamily};font-size:${s.fontSize}px;` +
      `line-height:${s.lineHeight};font-weight:normal;overflow-wrap:break-word`,
  );
  const boxes = jobs.map((j) => contentOf(j, s));
  column.append(...boxes);
  host.append(column);
  document.body.append(host);
  const heights = boxes.map((b) => b.getBoundingClientRect().height);
  host.remove();
  return heights;
}

const cellKey = (j: CellJob) => `${j.kind}\u0001${j.width}\u0001${j.texts.join('\u0001')}`;
const rowKey = (r: RowText) =>
  r.kind === 'section'
    ? `s\u0001${r.title}`
    : `m\u0001${r.number}\u0001${r.name}\u0001${r.term}\u0001${r.understood}\u0001${r.caveat}\u0001${r.executors}\u0001${r.result}`;

/** A cell with its estimated line count, and its height when that is sure without laying it out. */
interface Candidate {
  job: CellJob;
  lines: number;
  sure: number | null;
}

/**
 * Keeps measured heights between calls. `heights` returns one height per row, laying out only what
 * it has not seen at these widths and fonts.
 *
 * Laying out every cell of 2 000 rows costs more than opening the plan may; so the canvas counts the
 * lines of each cell first (layout.ts lineCount, greedy word wrap) and only the cells that may be a
 * row's tallest are laid out — those within a line of the tallest guess, and not surely one line.
 */
export function rowMeasurer() {
  const rows = new Map<string, number>();
  const cells = new Map<string, number>();
  let context = '';
  let normal = (_: string) => 0;
  let small = normal;
  let bold = normal;
  let oneLine = 0;
  return {
    heights(list: readonly RowText[], widths: Widths, s: CellStyle): number[] {
      const next = JSON.stringify([widths, s]);
      if (next !== context) {
        // Other widths or fonts: every height may change.
        rows.clear();
        cells.clear();
        context = next;
        normal = canvasMeasure(`${s.fontSize}px ${s.fontFamily}`);
        small = canvasMeasure(`${s.fontSizeSM}px ${s.fontFamily}`);
        bold = canvasMeasure(`${s.fontWeightStrong} ${s.fontSize}px ${s.fontFamily}`);
        oneLine = layOut([{ kind: 'plain', width: 1000, texts: ['Ж'] }], s)[0]!;
      }
      const inner = (k: ColumnKey) => widths[k] - PAD(s);
      const keys = list.map(rowKey);
      const plans = new Map<string, Candidate[]>();
      const pending = new Map<string, CellJob>();
      list.forEach((r, i) => {
        const key = keys[i]!;
        if (rows.has(key) || plans.has(key)) return;
        const guess = (kind: CellJob['kind'], width: number, text: string, measure: (s: string) => number): Candidate => {
          const job = { kind, width, texts: [text] };
          if (!text) return { job, lines: 0, sure: 0 };
          // Most short cells are surely one line: no need to wrap them word by word.
          if (surelyOneLine(text, width, measure)) return { job, lines: 1, sure: oneLine };
          return { job, lines: lineCount(text, width, measure), sure: null };
        };
        const candidates: Candidate[] =
          r.kind === 'section'
            ? [guess('section', total(widths) - PAD(s), r.title, bold)]
            : [
                guess('plain', inner('number'), r.number, normal),
                guess('wrapped', inner('name'), r.name, normal),
                {
                  job: { kind: 'term', width: inner('term'), texts: [r.term, r.understood, r.caveat] },
                  lines: r.term.trim()
                    ? lineCount(r.term, inner('term'), normal) +
                      lineCount(r.caveat ? `${r.understood} (${r.caveat})` : r.understood, inner('term'), small)
                    : lineCount(r.term, inner('term'), normal),
                  sure: r.term ? null : 0,
                },
                guess('wrapped', inner('executors'), r.executors, normal),
                guess('wrapped', inner('result'), r.result, normal),
              ];
        const most = Math.max(...candidates.map((c) => c.lines));
        const tall = candidates.filter((c) => c.lines >= most - 1);
        plans.set(key, tall);
        for (const c of tall) if (c.sure === null && !cells.has(cellKey(c.job))) pending.set(cellKey(c.job), c.job);
      });
      if (pending.size) {
        const jobs = [...pending.values()];
        layOut(jobs, s).forEach((h, i) => cells.set(cellKey(jobs[i]!), h));
      }
      for (const [key, tall] of plans) rows.set(key, Math.max(oneLine, ...tall.map((c) => c.sure ?? cells.get(cellKey(c.job))!)) + PAD(s));
      return keys.map((k) => rows.get(k)!);
    },
  };
}
