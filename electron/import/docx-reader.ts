/**
 * Reading a .docx as the recognizer needs it: the body's paragraphs and tables, in order. Only
 * word/document.xml is read (pictures and the rest are not even unpacked). Old .doc files and
 * password-protected documents are both OLE containers, told apart from a .docx by their first bytes.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { AppError } from '../../db/errors';
import { type Block, cleanText, type GridCell } from './grid';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The body of a roadmap is a few hundred kilobytes; this guards against a crafted archive. */
const MAX_DOCUMENT_XML = 200 * 1024 * 1024;

const children = (el: Element, local?: string): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (!local || ((n as Element).namespaceURI === W && (n as Element).localName === local))) out.push(n as Element);
  return out;
};

/** A paragraph's text: runs, tabs, breaks; deleted text of tracked changes left out. */
function paragraphText(p: Element): string {
  let s = '';
  const walk = (el: Element) => {
    for (const c of children(el)) {
      if (c.namespaceURI !== W) continue;
      switch (c.localName) {
        case 't':
          s += c.textContent ?? '';
          break;
        case 'tab':
          s += ' ';
          break;
        case 'br':
        case 'cr':
          s += '\n';
          break;
        case 'noBreakHyphen':
          s += '-';
          break;
        case 'softHyphen':
        case 'del':
        case 'delText':
        case 'pPr':
        case 'rPr':
          break;
        default:
          walk(c);
      }
    }
  };
  walk(p);
  return s;
}

/** A cell's text: its paragraphs (and those of nested tables) joined by line breaks. */
function cellText(tc: Element): string {
  const lines: string[] = [];
  const walk = (el: Element) => {
    for (const c of children(el)) {
      if (c.namespaceURI !== W) continue;
      if (c.localName === 'p') lines.push(paragraphText(c));
      else if (c.localName === 'tcPr') continue;
      else walk(c);
    }
  };
  walk(tc);
  return cleanText(lines.join('\n'));
}

function readTable(tbl: Element): GridCell[][] {
  return children(tbl, 'tr').map((tr) =>
    children(tr)
      .flatMap((c) => (c.localName === 'sdt' ? children(children(c, 'sdtContent')[0] ?? c, 'tc') : c.localName === 'tc' ? [c] : []))
      .map((tc) => {
        const pr = children(tc, 'tcPr')[0];
        const span = pr ? Number(children(pr, 'gridSpan')[0]?.getAttributeNS(W, 'val') || 1) : 1;
        const vMerge = pr ? children(pr, 'vMerge')[0] : undefined;
        const continued = vMerge !== undefined && (vMerge.getAttributeNS(W, 'val') || 'continue') === 'continue';
        return { text: cellText(tc), span: Math.max(1, span), ...(continued ? { continued: true } : {}) };
      }),
  );
}

export function isOleFile(data: Buffer): boolean {
  return data.subarray(0, 8).equals(OLE_MAGIC);
}

export async function readDocx(data: Buffer, fileName: string): Promise<Block[]> {
  if (isOleFile(data))
    throw new AppError('doc_or_encrypted', `«${fileName}» — документ в старом формате Word (.doc) или защищённый паролем. Откройте его в Word и сохраните как «Документ Word (.docx)» без пароля.`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (err) {
    throw new AppError('bad_file', `«${fileName}» повреждён или не является документом Word (.docx). Ничего не импортировано.`, { cause: err });
  }
  const entry = zip.file('word/document.xml');
  if (!entry) throw new AppError('not_docx', `В «${fileName}» нет текста документа Word: это не .docx. Ничего не импортировано.`);
  const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (size > MAX_DOCUMENT_XML) throw new AppError('too_large', `Текст документа «${fileName}» слишком велик для дорожной карты.`);
  let xml: string;
  try {
    xml = await entry.async('string');
  } catch (err) {
    throw new AppError('bad_file', `«${fileName}» повреждён: текст документа не читается. Ничего не импортировано.`, { cause: err });
  }
  let body: Element | undefined;
  try {
    const doc = new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml');
    body = doc.documentElement ? children(doc.documentElement, 'body')[0] : undefined;
  } catch (err) {
    throw new AppError('bad_file', `«${fileName}» повреждён: текст документа не разбирается. Ничего не импортировано.`, { cause: err });
  }
  if (!body) throw new AppError('bad_file', `«${fileName}» повреждён: в нём нет тела документа.`);
  const blocks: Block[] = [];
  const walk = (el: Element) => {
    for (const c of children(el)) {
      if (c.namespaceURI !== W) continue;
      if (c.localName === 'p') blocks.push({ type: 'p', text: cleanText(paragraphText(c)) });
      else if (c.localName === 'tbl') blocks.push({ type: 'table', rows: readTable(c) });
      else if (c.localName === 'sdt') walk(children(c, 'sdtContent')[0] ?? c);
    }
  };
  walk(body);
  return blocks;
}
