/**
 * The browser mode's transport: the same API over HTTP, bound to 127.0.0.1 only.
 * A secret token is made per run; the printed address carries it once (?token=…), the server sets an
 * HttpOnly SameSite=Strict cookie and redirects to `/`, so the token leaves the address bar and the
 * history. Every API call must present the cookie (or the X-RMK-Token header), come from our own page
 * (Origin / Sec-Fetch-Site, see request.ts) and be a JSON POST. The Host header is checked too, so a
 * web page elsewhere cannot reach the API through DNS rebinding.
 *
 * The server survives anything: every request is handled inside try/catch, a malformed request gets a
 * 400, a broken connection is dropped, and what fails inside goes to the error log, never out.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { AppError, toAppError } from '../../db/errors';
import { callApi, logError } from '../api/call';
import type { ApiContext } from '../api/define';
import { CONTENT_SECURITY_POLICY } from '../security';
import { fromOwnPage, hasContentType, parseTarget, type RequestTarget } from './request';
import { tooLarge, UPLOAD_LIMITS, type UploadLimits, UploadStore } from './uploads';

export interface WebServer {
  url: string;
  token: string;
  port: number;
  /** Where uploads wait for their API call (made on the first upload). */
  uploads: UploadStore;
  close: () => Promise<void>;
}

/** A JSON call: pasted tables and small inline files; real files come through /upload. */
const MAX_BODY = 40 * 1024 * 1024;
const COOKIE = 'rmk_token';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const JSON_TYPE = 'application/json; charset=utf-8';
const refusal = (code: string, message: string) => JSON.stringify({ ok: false, error: { code, message } });
const UNAUTHORIZED = refusal('unauthorized', 'Доступ запрещён: откройте программу по адресу, который она напечатала при запуске.');
const FOREIGN = refusal('foreign_origin', 'Запрос отклонён: он пришёл не со страницы программы.');

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function cookieToken(req: http.IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === COOKIE && v) return v;
  }
  return null;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/** Refuses a body declared too large before reading any of it: the connection is closed after the answer. */
function refuseBody(res: http.ServerResponse, status: number, body: string): void {
  send(res, status, body, JSON_TYPE, { Connection: 'close' });
}

/**
 * Refuses a body found too large while reading it. A client still sending would get a broken pipe
 * instead of our answer if we closed at once, so the rest is read and thrown away — up to `linger`
 * more bytes, never kept — and only then is the connection cut.
 */
function refuseMidBody(req: http.IncomingMessage, res: http.ServerResponse, body: string, linger: number): void {
  let drained = 0;
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > linger) req.socket.destroy();
  });
  req.resume();
  send(res, 413, body, JSON_TYPE);
}

/** The whole JSON body, up to MAX_BODY; null when it was larger (the answer is then already sent). */
function readBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<Buffer | null> {
  return new Promise((resolve) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      refuseBody(res, 413, refusal('too_large', 'Слишком большой запрос.'));
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size <= MAX_BODY) return void chunks.push(c);
      over = true;
      chunks.length = 0;
      refuseMidBody(req, res, refusal('too_large', 'Слишком большой запрос.'), MAX_BODY);
      resolve(null);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    // A dropped connection: there is no one to answer.
    req.on('close', () => {
      if (!req.readableEnded && !over) resolve(null);
    });
  });
}

export function startWebServer(
  ctx: ApiContext,
  options: { port?: number; staticDir: string; token?: string; uploadLimits?: UploadLimits },
): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('hex');
  const root = path.resolve(options.staticDir);
  const uploads = new UploadStore(options.uploadLimits ?? UPLOAD_LIMITS);
  // The caller's own context, not a copy: a restore replaces `ctx.db`, and the session that closes the
  // database at exit must see the one the API now uses.
  const apiCtx: ApiContext = Object.assign(ctx, { uploads });
  let port = 0;

  const authorized = (req: http.IncomingMessage) =>
    safeEqual((req.headers['x-rmk-token'] as string | undefined) ?? cookieToken(req) ?? '', token);

  /** The checks every call and upload passes, in this order: our page, the token, POST, the body's type. */
  const admit = (req: http.IncomingMessage, res: http.ServerResponse, type: string): boolean => {
    if (!fromOwnPage(req, port)) send(res, 403, FOREIGN, JSON_TYPE);
    else if (!authorized(req)) send(res, 401, UNAUTHORIZED, JSON_TYPE);
    else if (req.method !== 'POST') send(res, 405, refusal('method', 'Этот адрес принимает только POST.'), JSON_TYPE, { Allow: 'POST' });
    else if (!hasContentType(req, type))
      send(res, 403, refusal('content_type', `Запрос отклонён: ожидается тело типа ${type}.`), JSON_TYPE);
    else return true;
    return false;
  };

  const serveApi = async (req: http.IncomingMessage, res: http.ServerResponse, name: string) => {
    if (!admit(req, res, 'application/json')) return;
    const body = await readBody(req, res);
    if (body === null) return;
    let input: unknown;
    try {
      const text = body.toString('utf8');
      input = text ? JSON.parse(text) : undefined;
    } catch {
      return send(res, 400, refusal('bad_json', 'Повреждённый запрос.'), JSON_TYPE);
    }
    const result = await callApi(apiCtx, name, input);
    send(res, 200, JSON.stringify(result), JSON_TYPE);
  };

  const serveUpload = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!admit(req, res, 'application/octet-stream')) return;
    const declared = Number(req.headers['content-length']);
    if (declared > uploads.limits.maxBytes) return refuseBody(res, 413, refusal('too_large', tooLarge(uploads.limits.maxBytes).message));
    try {
      const value = await uploads.receive(req);
      send(res, 200, JSON.stringify({ ok: true, value }), JSON_TYPE);
    } catch (err) {
      const e = toAppError(err);
      if (e.code === 'too_large') return refuseMidBody(req, res, refusal(e.code, e.message), uploads.limits.maxBytes);
      if (e.code === 'upload_aborted') {
        res.destroy();
        return;
      }
      if (!(err instanceof AppError)) logError('upload', err);
      send(res, 500, refusal(e.code, e.message), JSON_TYPE);
    }
  };

  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse, target: RequestTarget) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', undefined, { Allow: 'GET, HEAD' });
    const given = target.params.get('token');
    if (given !== null) {
      if (!safeEqual(given, token)) return send(res, 401, 'Неверный ключ доступа.');
      // The token has done its job: off the address bar and out of the history, into the cookie.
      target.params.delete('token');
      const rest = target.params.toString();
      const location = encodeURI(target.pathname) + (rest ? `?${rest}` : '');
      return send(res, 302, '', undefined, { Location: location, 'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` });
    }
    const rel = target.pathname === '/' ? 'index.html' : target.pathname.replace(/^\/+/, '');
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) return send(res, 403, 'Доступ запрещён.');
    fs.readFile(file, (err, data) => {
      if (!err) return send(res, 200, data, TYPES[path.extname(file)] ?? 'application/octet-stream');
      // A route of the page (no extension) gets the page; a missing asset is a 404.
      if (path.extname(rel)) return send(res, 404, 'Not found');
      fs.readFile(path.join(root, 'index.html'), (e2, html) =>
        e2 ? send(res, 500, 'Интерфейс не собран: выполните npm run build:renderer') : send(res, 200, html, TYPES['.html']),
      );
    });
  };

  const route = (req: http.IncomingMessage, res: http.ServerResponse): void | Promise<void> => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      return send(res, 403, 'Доступ запрещён: откройте программу по адресу 127.0.0.1.');
    const target = parseTarget(req.url);
    if (!target) return send(res, 400, 'Неверный адрес запроса.');
    if (target.pathname.startsWith('/api/')) return serveApi(req, res, target.pathname.slice('/api/'.length));
    if (target.pathname === '/upload') return serveUpload(req, res);
    return serveStatic(req, res, target);
  };

  /** The last line of defence: a bug in a handler answers 500 with a Russian line and goes to the log. */
  const failed = (res: http.ServerResponse, err: unknown) => {
    logError('web', err);
    try {
      send(res, 500, refusal('internal', toAppError(err).message), JSON_TYPE);
    } catch {
      res.destroy();
    }
  };

  const server = http.createServer((req, res) => {
    // A client that goes away mid-request must not become an unhandled 'error' event.
    req.on('error', () => {});
    res.on('error', () => {});
    try {
      const pending = route(req, res);
      if (pending) pending.catch((err: unknown) => failed(res, err));
    } catch (err) {
      failed(res, err);
    }
  });

  // What Node's parser refuses before any handler runs (bad request line, huge headers, NUL bytes).
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 0\r\n\r\n`);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      // After start: an accept failure (too many open files) is logged; the server stays up.
      server.on('error', (err) => logError('web server', err));
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        token,
        port,
        uploads,
        close: () =>
          new Promise((r) => {
            server.close(() => {
              uploads.close();
              r();
            });
            server.closeAllConnections();
          }),
      });
    });
  });
}
