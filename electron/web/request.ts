/**
 * Reading an HTTP request defensively: its path (a malformed one is refused, never thrown on) and
 * whether it comes from the program's own page. SameSite cookies do not separate ports — a page on
 * another port of 127.0.0.1 is «same-site» and its requests carry our cookie — so the Origin and
 * Sec-Fetch-Site headers the browser adds are what tell our page from another.
 */
import type http from 'node:http';

/** Longer than any address the program makes; a longer one is not ours. */
export const MAX_URL_LENGTH = 4096;

export interface RequestTarget {
  /** Percent-decoded, starting with a single '/'. */
  pathname: string;
  params: URLSearchParams;
}

/** null for anything malformed: not starting with one '/', bad percent-encoding, NUL or other control characters, backslashes, too long. */
export function parseTarget(raw: string | undefined): RequestTarget | null {
  if (!raw || raw.length > MAX_URL_LENGTH || !raw.startsWith('/') || raw.startsWith('//')) return null;
  const q = raw.indexOf('?');
  let pathname: string;
  try {
    pathname = decodeURIComponent(q < 0 ? raw : raw.slice(0, q));
  } catch {
    return null;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(pathname)) return null;
  return { pathname, params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

/** Our own page, or no browser at all (a script or test sends neither header). */
export function fromOwnPage(req: http.IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin';
}

/** `application/json`, with a charset or not; text/plain (what a foreign form or no-cors fetch can send) is not. */
export function hasContentType(req: http.IncomingMessage, type: string): boolean {
  const given = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return given === type;
}
