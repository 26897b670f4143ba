/** The browser mode's server: 127.0.0.1 only, a per-run token, the Host header checked, a strict CSP. */
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { closeDatabase, freshDb, snapshotAll, tempDir } from '../helpers';

let db: Db;
let server: WebServer;
beforeAll(async () => {
  db = freshDb();
  const staticDir = tempDir();
  require('node:fs').writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startWebServer({ db }, { staticDir });
});
afterAll(async () => {
  await server.close();
  closeDatabase(db);
});

function request(p: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: p, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only and prints an address with the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[0-9a-f]{48}$`));
  });

  it('refuses API calls without the token, or with a wrong one, and changes nothing', async () => {
    const before = snapshotAll(db);
    const body = JSON.stringify({ fullName: 'Взломщик' });
    expect((await request('/api/people.create', { method: 'POST', body })).status).toBe(401);
    expect((await request('/api/people.create', { method: 'POST', body, headers: { 'X-RMK-Token': 'f'.repeat(48) } })).status).toBe(401);
    expect((await request('/api/people.create', { method: 'POST', body, headers: { Cookie: 'rmk_token=nope' } })).status).toBe(401);
    expect(snapshotAll(db)).toEqual(before);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const r = await request('/api/people.list', { method: 'POST', headers: { Host: 'evil.example:80', 'X-RMK-Token': server.token } });
    expect(r.status).toBe(403);
  });

  it('gives the cookie on the printed address, and then the API answers', async () => {
    const first = await request(`/?token=${server.token}`);
    expect(first.status).toBe(200);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(first.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    const r = await request('/api/people.create', { method: 'POST', body: JSON.stringify({ fullName: 'Русанова Е.А.' }), headers: { Cookie: cookie.split(';')[0]! } });
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { fullName: 'Русанова Е.А.' } });
  });

  it('answers bad JSON and bad input with a Russian message', async () => {
    const headers = { 'X-RMK-Token': server.token };
    expect(JSON.parse((await request('/api/people.create', { method: 'POST', body: '{oops', headers })).body)).toMatchObject({ ok: false, error: { message: 'Повреждённый запрос.' } });
    expect(JSON.parse((await request('/api/people.create', { method: 'POST', body: '{"fullName": 5}', headers })).body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await request('/api/people.list', { method: 'GET', headers })).status).toBe(405);
  });

  it('serves no file outside its folder', async () => {
    expect((await request('/..%2f..%2fetc%2fpasswd')).status).toBe(403);
    expect((await request('/../package.json')).status).not.toBe(200);
  });
});
