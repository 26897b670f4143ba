/**
 * The heavy hostile files, each imported in this process (started by corpus.test.ts with a 1 GB heap)
 * and measured: one JSON line per case with the outcome, the time the import took and the process's
 * peak memory so far. The bombs are deflated as streams, so making them costs no memory worth counting.
 */
import { AppError, toAppError } from '../../db/errors';
import { closeDatabase } from '../../db/open';
import { previewImport } from '../../electron/import/index';
import { freshDb } from '../helpers';
import { deflatedRepeat, makeDocx, makeXlsx, makeZip, planRows, sheetXml } from './make';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

const cases: Record<string, () => Promise<{ fileName: string; data: Buffer }>> = {
  'docx: 240 KB inflating to 150 MB of empty paragraphs': async () => {
    const bomb = await deflatedRepeat('<w:p/>', 25_000_000, `<w:document ${W}><w:body>`, '</w:body></w:document>');
    return { fileName: 'бомба.docx', data: makeDocx({ data: '', deflated: bomb.deflated, declaredSize: bomb.size }) };
  },
  'docx: claims 1 KB, inflates to 260 MB': async () => {
    const bomb = await deflatedRepeat(' ', 260 * 1024 * 1024, `<w:document ${W}><w:body>`, '</w:body></w:document>');
    return { fileName: 'лжёт.docx', data: makeDocx({ data: '', deflated: bomb.deflated, declaredSize: 1024 }) };
  },
  'docx: honestly declares 300 MB': async () => {
    const bomb = await deflatedRepeat('<w:p/>', 50_000_000, `<w:document ${W}><w:body>`, '</w:body></w:document>');
    return { fileName: 'большой.docx', data: makeDocx({ data: '', deflated: bomb.deflated, declaredSize: bomb.size }) };
  },
  'xlsx: sheet claims 1 KB, inflates to 260 MB': async () => {
    const bomb = await deflatedRepeat(' ', 260 * 1024 * 1024, SHEET_HEAD, SHEET_TAIL);
    return { fileName: 'лжёт.xlsx', data: makeXlsx([{ xml: '', deflated: bomb.deflated, declaredSize: 1024 }]) };
  },
  'xlsx: 1 000 000 filled rows': async () => {
    const bomb = await deflatedRepeat('<row><c t="inlineStr"><is><t>x</t></is></c></row>', 1_000_000, SHEET_HEAD, SHEET_TAIL);
    return { fileName: 'миллион.xlsx', data: makeXlsx([{ xml: '', deflated: bomb.deflated, declaredSize: bomb.size }]) };
  },
  'xlsx: 300 000 empty formatted rows after the plan': async () => {
    const head = sheetXml(planRows()).replace('</sheetData></worksheet>', '');
    const bomb = await deflatedRepeat('<row s="1" customFormat="1"><c s="1"/><c s="1"/><c s="1"/></row>', 300_000, head, SHEET_TAIL);
    return { fileName: 'формат.xlsx', data: makeXlsx([{ xml: '', deflated: bomb.deflated, declaredSize: bomb.size }]) };
  },
  'xlsx: over 500 000 filled cells': async () => {
    const row = `<row>${'<c t="inlineStr"><is><t>x</t></is></c>'.repeat(41)}</row>`;
    const bomb = await deflatedRepeat(row, 13_000, SHEET_HEAD, SHEET_TAIL);
    return { fileName: 'ячейки.xlsx', data: makeXlsx([{ xml: '', deflated: bomb.deflated, declaredSize: bomb.size }]) };
  },
  'xlsx: 160 MB of empty formatted cells in one row': async () => {
    const bomb = await deflatedRepeat('<c s="1"/>', 16_000_000, `${SHEET_HEAD}<row r="1">`, `</row>${SHEET_TAIL}`);
    return { fileName: 'пустые.xlsx', data: makeXlsx([{ xml: '', deflated: bomb.deflated, declaredSize: bomb.size }]) };
  },
  'xlsx: 80 000 entries in the archive': async () => ({
    fileName: 'части.xlsx',
    data: makeZip(Array.from({ length: 80_000 }, (_, i) => ({ name: `x/${i}.xml`, data: '', method: 0 as const }))),
  }),
};

async function main() {
  const only = process.argv[2];
  for (const [name, make] of Object.entries(cases)) {
    if (only && name !== only) continue;
    const src = await make();
    const db = freshDb();
    const t0 = performance.now();
    let result: { ok: true; measures: number; warnings: string[] } | { ok: false; code: string; message: string; app: boolean };
    try {
      const p = await previewImport(db, src);
      result = { ok: true, measures: p.counts.measures, warnings: p.warnings };
    } catch (err) {
      const e = toAppError(err);
      result = { ok: false, code: e.code, message: e.message, app: err instanceof AppError };
    }
    const ms = Math.round(performance.now() - t0);
    closeDatabase(db);
    process.stdout.write(`${JSON.stringify({ name, ms, peakMb: Math.round(process.resourceUsage().maxRSS / 1024), ...result })}\n`);
  }
}

void main();
