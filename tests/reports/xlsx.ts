/** The workbooks the app writes, read back by openpyxl (read_xlsx.py, Debian's python3-openpyxl via /usr/bin/python3). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const PYTHON = '/usr/bin/python3';

export type Cell = string | number | boolean | null | { date: string };
export interface Sheet {
  name: string;
  state: string;
  rows: Cell[][];
  formats: Record<string, string>;
  bold: string[];
  unlocked: string[];
  merged: string[];
  validations: {
    sqref: string;
    type: string;
    formula1: string;
    showErrorMessage: boolean;
    errorStyle: string | null;
    error: string | null;
  }[];
  freeze: string | null;
  print: {
    orientation: string;
    paperSize: number;
    fitToWidth: number;
    fitToHeight: number;
    fitToPage: boolean;
    titleRows: string | null;
    scale: number | null;
  };
  columns: { width: number; hidden: boolean }[];
  margins: { left: number; right: number };
  /** The smallest font size of any non-empty cell. */
  minFont: number | null;
  protected: boolean;
  hiddenColumns: string[];
}
/** The pictures in the package last read (openpyxl itself needs Pillow to load them). */
export let lastMedia: string[] = [];
export function readXlsx(file: string): Sheet[] {
  const r = spawnSync(PYTHON, [path.join(__dirname, 'read_xlsx.py'), file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`openpyxl could not read ${file}: ${r.stderr}`);
  const parsed = JSON.parse(r.stdout) as { sheets: Sheet[]; media: string[] };
  lastMedia = parsed.media;
  return parsed.sheets;
}
