/** Independent readers for generated files: python-docx, LibreOffice → PDF, pdfinfo, pdftotext, pdftoppm. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers';

export const PYTHON = '/usr/bin/python3';
export const OUTPUT = path.resolve(__dirname, '../output/documents');

export interface DocxCell {
  text: string;
  bold: boolean;
  /** As printed: the run's own, else its paragraph style's (and the styles it is based on), else the default. */
  sizesPt: number[];
  fonts: string[];
  span: number;
}
export interface DocxTable {
  type: 'table';
  rows: { cells: DocxCell[]; header: boolean; cantSplit: boolean }[];
  grid: number[];
}
export interface DocxParagraph {
  type: 'p';
  text: string;
  bold: boolean;
  alignment: string | null;
  fonts: string[];
  sizes: number[];
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
}
export interface DocxDump {
  defaultFont: string;
  defaultSizePt: number;
  sections: {
    orientation: string;
    widthMm: number;
    heightMm: number;
    leftMm: number;
    rightMm: number;
    topMm: number;
    bottomMm: number;
    differentFirstPage: boolean;
    headerHasPageField: boolean;
    firstHeaderText: string[] | null;
  }[];
  body: (DocxParagraph | DocxTable)[];
}

export function readDocx(file: string): DocxDump {
  const r = spawnSync(PYTHON, [path.join(__dirname, 'read_docx.py'), file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python-docx could not read ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as DocxDump;
}

export const paragraphs = (d: DocxDump) => d.body.filter((b): b is DocxParagraph => b.type === 'p');
export const tables = (d: DocxDump) => d.body.filter((b): b is DocxTable => b.type === 'table');

/** LibreOffice headless converts the file to PDF; returns the PDF's path. Each call gets its own folder. */
export function toPdf(file: string): string {
  const out = tempDir('rmk-pdf-');
  const profile = tempDir('rmk-lo-');
  const r = spawnSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', out, file],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const pdf = path.join(out, path.basename(file).replace(/\.[^.]+$/, '.pdf'));
  if (r.status !== 0 || !fs.existsSync(pdf)) throw new Error(`LibreOffice could not convert ${file}: ${r.stderr}`);
  return pdf;
}

export function pdfPages(pdf: string): { pages: number; pageSize: string } {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  return { pages: Number(info.match(/Pages:\s+(\d+)/)?.[1]), pageSize: info.match(/Page size:\s+(.*)/)?.[1]?.trim() ?? '' };
}

export const pdfText = (pdf: string) =>
  spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;

/** The first page as a PNG in tests/output/documents, to be looked at. */
export function firstPagePng(pdf: string, name: string): string {
  fs.mkdirSync(OUTPUT, { recursive: true });
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(OUTPUT, name)]);
  return path.join(OUTPUT, `${name}.png`);
}
