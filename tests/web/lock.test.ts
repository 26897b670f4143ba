/**
 * One database, one writing process: the browser mode started twice on one file. The second is
 * refused with one Russian line naming the first (its process and address) and exit code 1; the
 * first keeps working and writing; the CLI's reading commands work alongside, its writing ones are
 * refused; the lock goes when the first stops, and a dead process's lock is taken over.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath, readLock } from '../../db/lock';
import { closeDatabase, openDatabase } from '../../db/open';
import { fillDemo } from '../../electron/demo';
import { tempDir } from '../helpers';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const running: ChildProcessWithoutNullStreams[] = [];
afterAll(() => running.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

/** Starts the browser mode; resolves with its printed address, or with its exit code and output if it stops first. */
function startWeb(
  db: string,
): Promise<{ child: ChildProcessWithoutNullStreams; url?: string; code?: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [TSX, path.join(ROOT, 'electron/web/main.ts'), '--db', db, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, RMK_DB: '' },
  });
  running.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Откройте в браузере: (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, out, err });
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => resolve({ child, code, out, err }));
  });
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [TSX, path.join(ROOT, 'electron/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, RMK_DB: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function api(url: string, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const u = new URL(url);
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { Host: u.host, 'X-RMK-Token': u.searchParams.get('token')!, 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const IN_USE =
  /^Эта база уже открыта в другом окне программы \(процесс \d+, открыта \d{2}\.\d{2}\.\d{4} в \d{2}:\d{2}, режим браузера: http:\/\/127\.0\.0\.1:\d+\/\)\.$/;

describe('two processes on one database', () => {
  const file = path.join(tempDir(), 'rmk.sqlite');
  const db = openDatabase(file);
  fillDemo(db);
  closeDatabase(db);

  it('refuses the second, keeps the first working, lets the CLI read alongside, and frees the file on exit', async () => {
    const first = await startWeb(file);
    expect(first.url, first.err).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const port = new URL(first.url!).port;
    const lock = readLock(file)!;
    expect(lock).toMatchObject({ pid: expect.any(Number), url: `http://127.0.0.1:${port}/` });
    expect(JSON.stringify(lock)).not.toContain('token');

    const second = await startWeb(file);
    expect(second.url).toBeUndefined();
    expect(second.code).toBe(1);
    const lines = second.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(IN_USE);
    expect(lines[0]).toContain(`http://127.0.0.1:${port}/`);

    // The first is unaffected: it still writes.
    expect(await api(first.url!, 'people.create', { fullName: 'Записано первым окном' })).toMatchObject({ ok: true });
    expect(((await api(first.url!, 'people.list', {})) as { value: { fullName: string }[] }).value.map((p) => p.fullName)).toContain(
      'Записано первым окном',
    );

    // Reading commands of the CLI work alongside and see what the first wrote; writing ones are refused.
    const people = cli('list', 'people', '--db', file);
    expect(people.code, people.err).toBe(0);
    expect(people.out).toContain('Записано первым окном');
    const out = path.join(tempDir(), 'копия.sqlite');
    const backup = cli('backup', '--db', file, '--out', out);
    expect(backup.code, backup.err).toBe(0);
    expect(JSON.parse(backup.out)).toMatchObject({ out, roadmaps: 2, measures: 38 });
    const restore = cli('restore', '--db', file, out);
    expect(restore.code).toBe(1);
    expect(restore.err.trim()).toMatch(IN_USE);

    first.child.kill('SIGTERM');
    await new Promise((r) => first.child.once('exit', r));
    expect(fs.existsSync(lockPath(file))).toBe(false);
  }, 120_000);

  it('takes over the lock of a process that is gone', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(dead.stdout.trim());
    fs.writeFileSync(lockPath(file), JSON.stringify({ pid, startedAt: new Date().toISOString(), url: 'http://127.0.0.1:9/' }));
    const web = await startWeb(file);
    expect(web.url, web.err).toBeDefined();
    expect(readLock(file)!.pid).not.toBe(pid);
    web.child.kill('SIGTERM');
    await new Promise((r) => web.child.once('exit', r));
    expect(fs.existsSync(lockPath(file))).toBe(false);
  }, 60_000);
});
