/**
 * The browser mode's transport: the same API over HTTP, bound to 127.0.0.1 only.
 * A secret token is made per run; the printed address carries it once (?token=…), the server
 * answers with an HttpOnly SameSite=Strict cookie, and every API call must present it. The Host
 * header is checked too, so a web page elsewhere cannot reach the API through DNS rebinding.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { callApi } from '../api/call';
import type { ApiContext } from '../api/define';
import { CONTENT_SECURITY_POLICY } from '../security';

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close: () => Promise<void>;
}

// Returned school forms arrive as base64 in one request.
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

export function startWebServer(ctx: ApiContext, options: { port?: number; staticDir: string; token?: string }): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('hex');
  const root = path.resolve(options.staticDir);
  let port = 0;

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      ...extra,
    });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, 'Forbidden');
    const url = new URL(req.url ?? '/', `http://${host}`);

    if (url.pathname.startsWith('/api/')) {
      const presented = (req.headers['x-rmk-token'] as string | undefined) ?? cookieToken(req) ?? '';
      if (!safeEqual(presented, token)) return send(res, 401, JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'Доступ запрещён: откройте программу по адресу, который она напечатала при запуске.' } }), 'application/json');
      if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed');
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          send(res, 413, JSON.stringify({ ok: false, error: { code: 'too_large', message: 'Слишком большой запрос.' } }), 'application/json');
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', async () => {
        if (res.writableEnded) return;
        let input: unknown;
        try {
          const text = Buffer.concat(chunks).toString('utf8');
          input = text ? JSON.parse(text) : undefined;
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad_json', message: 'Повреждённый запрос.' } }), 'application/json');
        }
        const result = await callApi(ctx, decodeURIComponent(url.pathname.slice('/api/'.length)), input);
        send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed');
    const extra: Record<string, string> = {};
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!safeEqual(given, token)) return send(res, 401, 'Неверный ключ доступа.');
      extra['Set-Cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) return send(res, 403, 'Forbidden');
    fs.readFile(file, (err, data) => {
      if (err) {
        if (path.extname(rel)) return send(res, 404, 'Not found');
        return fs.readFile(path.join(root, 'index.html'), (e2, html) => (e2 ? send(res, 500, 'Интерфейс не собран: выполните npm run build:renderer') : send(res, 200, html, TYPES['.html'], extra)));
      }
      send(res, 200, data, TYPES[path.extname(file)] ?? 'application/octet-stream', extra);
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        token,
        port,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
