/**
 * Hostile files made on the spot: a small zip writer that can lie (declared sizes, flags, ZIP64 marks),
 * and minimal .docx and .xlsx packages around hand-written XML, so a 300 000-row sheet or a table
 * 10 000 deep takes milliseconds to make and no binary fixture is needed.
 */
import zlib from 'node:zlib';

export interface ZipItem {
  name: string;
  data: Buffer | string;
  /** 0 stored, 8 deflated (default). */
  method?: number;
  /** What the archive claims the entry inflates to (the truth by default). */
  declaredSize?: number;
  flags?: number;
  /** Already deflated bytes (a bomb made by streaming): `data` is then ignored and `declaredSize` required. */
  deflated?: Buffer;
}

export function makeZip(items: ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const it of items) {
    const data = typeof it.data === 'string' ? Buffer.from(it.data, 'utf8') : it.data;
    const method = it.deflated ? 8 : (it.method ?? 8);
    const body = it.deflated ?? (method === 8 ? zlib.deflateRawSync(data, { level: 1 }) : data);
    const name = Buffer.from(it.name, 'utf8');
    const crc = it.deflated ? 0 : zlib.crc32(data);
    const size = it.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(it.flags ?? 0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(it.flags ?? 0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(items.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(items.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const wp = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
export const wtc = (text: string) => `<w:tc>${wp(text)}</w:tc>`;
export const wtr = (cells: string[]) => `<w:tr>${cells.map(wtc).join('')}</w:tr>`;
export const HEADER = ['№', 'Мероприятия', 'Сроки', 'Ответственные'];
export const MEASURES = [
  ['1', 'Совещание с руководителями школ', 'Март 2024', 'Иванова И.И.'],
  ['2', 'Семинар для учителей математики', 'Ежеквартально', 'Петров П.П.'],
];
export const planTable = (rows: string[][] = MEASURES) => `<w:tbl>${wtr(HEADER)}${rows.map(wtr).join('')}</w:tbl>`;

export function documentXml(body: string, prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`;
}

/** A .docx around a document.xml (string or bytes); `extra` adds or replaces parts. */
export function makeDocx(doc: string | Buffer | Omit<ZipItem, 'name'>, extra: ZipItem[] = []): Buffer {
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    typeof doc === 'string' || Buffer.isBuffer(doc) ? { name: 'word/document.xml', data: doc } : { name: 'word/document.xml', ...doc },
    ...extra,
  ]);
}

export const planDocx = (rows?: string[][], title = 'План мероприятий на 2024 год') => makeDocx(documentXml(wp(title) + planTable(rows)));

// ── .xlsx ────────────────────────────────────────────────────────────────────────────────────────

export const colName = (c: number) => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
export const xc = (ref: string, text: string, style = '') => `<c r="${ref}" t="inlineStr"${style}><is><t>${esc(text)}</t></is></c>`;
export const xrow = (r: number, texts: string[], extra = '') =>
  `<row r="${r}"${extra}>${texts.map((t, i) => xc(`${colName(i + 1)}${r}`, t)).join('')}</row>`;

/** The plan's rows as sheet rows, from row 1: a title, the header, the measures. */
export function planRows(rows: string[][] = MEASURES): string {
  return xrow(1, ['План мероприятий на 2024 год']) + xrow(2, HEADER) + rows.map((r, i) => xrow(i + 3, r)).join('');
}

export function sheetXml(rows: string, { dimension = '', after = '' } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** An .xlsx with the given sheets (visible unless said); `parts` adds sharedStrings, styles or anything else. */
export function makeXlsx(
  sheets: { name?: string; xml: string | Buffer; state?: string; declaredSize?: number; deflated?: Buffer }[],
  parts: ZipItem[] = [],
): Buffer {
  const list = sheets
    .map(
      (s, i) => `<sheet name="${s.name ?? `Лист${i + 1}`}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  const rels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${list}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: s.xml,
      ...(s.declaredSize !== undefined ? { declaredSize: s.declaredSize } : {}),
      ...(s.deflated ? { deflated: s.deflated } : {}),
    })),
    ...parts,
  ]);
}

export const planXlsx = (rows?: string[][]) => makeXlsx([{ xml: sheetXml(planRows(rows)) }]);

/** A repeated string as bytes, made without building a JavaScript string of that size. */
export function repeated(unit: string, times: number, head = '', tail = ''): Buffer {
  const u = Buffer.from(unit);
  const out = Buffer.alloc(Buffer.byteLength(head) + u.length * times + Buffer.byteLength(tail));
  let at = out.write(head);
  u.copy(out, at);
  // Doubling copies: a 150 MB buffer fills in a few dozen memcpy calls.
  let filled = u.length;
  const total = u.length * times;
  while (filled < total) {
    const n = Math.min(filled, total - filled);
    out.copy(out, at + filled, at, at + n);
    filled += n;
  }
  at += total;
  out.write(tail, at);
  return out;
}

/** `head` + `unit` × `times` + `tail`, deflated as a stream: a 400 MB bomb is made in a few megabytes of memory. */
export async function deflatedRepeat(unit: string, times: number, head = '', tail = ''): Promise<{ deflated: Buffer; size: number }> {
  const d = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => d.on('end', resolve));
  const u = Buffer.from(unit);
  const perChunk = Math.max(1, Math.floor((1 << 20) / u.length));
  const chunk = Buffer.concat(Array.from({ length: perChunk }, () => u));
  d.write(head);
  let left = times;
  while (left > 0) {
    const n = Math.min(left, perChunk);
    if (!d.write(n === perChunk ? chunk : chunk.subarray(0, n * u.length))) await new Promise((r) => d.once('drain', r));
    left -= n;
  }
  d.end(tail);
  await done;
  return { deflated: Buffer.concat(out), size: Buffer.byteLength(head) + u.length * times + Buffer.byteLength(tail) };
}

/** A deterministic PRNG (mulberry32): the same «random» bytes every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
