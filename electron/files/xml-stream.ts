/**
 * XML of an office file read as a stream of tags (saxes): no tree is built, so memory follows the
 * caller's own state, not the document's size or depth. The bytes are decoded in slices, never as one
 * string. A DOCTYPE is refused outright: office files never have one, and it is how entity tricks
 * (billion laughs, external entities) begin; undeclared entities are errors in saxes, never expanded.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { AppError } from '../../db/errors';
import { FILE_LIMITS } from '../../db/limits';

export interface XmlHandlers {
  open(tag: SaxesTagNS): void;
  close(tag: SaxesTagNS): void;
  text(text: string): void;
}

const SLICE = 1024 * 1024;

/** An attribute's value by its local name, whatever its prefix. */
export function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local) return a.value;
  return undefined;
}

/**
 * Feeds the XML to the handlers; an AppError from a handler passes through, any parse error becomes
 * `damaged()`. Past FILE_LIMITS.xmlElements tags `tooBig()` is thrown: reading time grows with the tags,
 * and 200 MB of empty tags would otherwise take minutes even though each costs nothing to keep.
 */
export function streamXml(xml: Buffer, handlers: XmlHandlers, damaged: () => AppError, tooBig: () => AppError): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let tags = 0;
  parser.on('doctype', () => {
    throw damaged();
  });
  parser.on('opentag', (t) => {
    if (++tags > FILE_LIMITS.xmlElements) throw tooBig();
    handlers.open(t);
  });
  parser.on('closetag', (t) => handlers.close(t));
  parser.on('text', (t) => handlers.text(t));
  parser.on('cdata', (t) => handlers.text(t));
  const decoder = new TextDecoder('utf-8');
  try {
    for (let at = 0; at < xml.length; at += SLICE) parser.write(decoder.decode(xml.subarray(at, at + SLICE), { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = damaged();
    throw new AppError(e.code, e.message, { cause: err });
  }
}
