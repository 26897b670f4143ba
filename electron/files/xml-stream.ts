/**
 * XML of an office file read as a stream of tags (saxes): no tree is built, so memory follows the
 * caller's own state, not the document's size or depth. The bytes are decoded in slices, never as one
 * string. A DOCTYPE is refused outright: office files never have one, and it is how entity tricks
 * (billion laughs, external entities) begin; undeclared entities are errors in saxes, never expanded.
 *
 * Namespaces are resolved here, not by saxes: saxes looks a prefix up through every open ancestor,
 * which makes a document nested 100 000 deep cost 100 000² steps. Here a prefix is one map lookup.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../db/errors';
import { FILE_LIMITS } from '../../shared/limits';

export interface Tag {
  /** The name without its prefix. */
  local: string;
  /** The namespace the prefix stands for ('' when none). */
  uri: string;
  /** Attribute values by their names as written (prefix included); read them with attr(). */
  attributes: Record<string, string>;
}

export interface XmlHandlers {
  open(tag: Tag): void;
  close(tag: Tag): void;
  text(text: string): void;
}

const SLICE = 1024 * 1024;

/** An attribute's value by its local name, whatever its prefix (an element has a handful: a scan is cheapest). */
export function attr(tag: Tag, local: string): string | undefined {
  for (const name in tag.attributes) {
    if (
      name === local ||
      (name.endsWith(local) && name.charCodeAt(name.length - local.length - 1) === 58 /* : */ && !name.startsWith('xmlns:'))
    )
      return tag.attributes[name];
  }
  return undefined;
}

/**
 * Feeds the XML to the handlers; an AppError from a handler passes through, any parse error becomes
 * `damaged()`. Past FILE_LIMITS.xmlElements tags `tooBig()` is thrown: reading time grows with the tags,
 * and 200 MB of empty tags would otherwise take minutes even though each costs nothing to keep.
 */
export function streamXml(xml: Buffer, handlers: XmlHandlers, damaged: () => AppError, tooBig: () => AppError): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let tags = 0;
  const bindings = new Map<string, string>();
  // Per open element: the bindings it replaced (to restore on close), or null when it declared none.
  const scopes: ([string, string | undefined][] | null)[] = [];
  const open: Tag[] = [];
  // Saxes's own attribute object is kept as it is: copying it per element was a third of the reading.
  const toTag = (t: SaxesTagPlain): Tag => {
    let declared: [string, string | undefined][] | null = null;
    const attributes = t.attributes as Record<string, string>;
    for (const name in attributes) {
      if (name.charCodeAt(0) !== 120 /* x */ || !(name === 'xmlns' || name.startsWith('xmlns:'))) continue;
      const prefix = name === 'xmlns' ? '' : name.slice(6);
      (declared ??= []).push([prefix, bindings.get(prefix)]);
      bindings.set(prefix, attributes[name]!);
    }
    scopes.push(declared);
    const colon = t.name.indexOf(':');
    const prefix = colon < 0 ? '' : t.name.slice(0, colon);
    return { local: t.name.slice(colon + 1), uri: bindings.get(prefix) ?? '', attributes };
  };
  parser.on('doctype', () => {
    throw damaged();
  });
  parser.on('opentag', (t) => {
    if (++tags > FILE_LIMITS.xmlElements) throw tooBig();
    const tag = toTag(t);
    open.push(tag);
    handlers.open(tag);
  });
  parser.on('closetag', () => {
    const tag = open.pop()!;
    handlers.close(tag);
    const declared = scopes.pop();
    if (declared)
      for (const [prefix, previous] of declared) previous === undefined ? bindings.delete(prefix) : bindings.set(prefix, previous);
  });
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
