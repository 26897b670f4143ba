/**
 * Errors are messages: whatever goes wrong — a full disk, no access, a path through a file, a closed
 * pipe, a bug — the CLI and the web launcher print one Russian line on stderr and never a stack trace;
 * a bug's stack goes to the error log in the user's data folder, whose path the line gives.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError, fileErrorMessage, toAppError } from '../../db/errors';
import { errorLogPath } from '../../electron/error-log';
import { errorLine } from '../../electron/process-guard';
import { tempDir } from '../helpers';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
/** Every spawned program gets its own user data folder, so its error log is ours to read. */
const home = tempDir('rmk-home-');
const env = { ...process.env, RMK_DB: '', XDG_CONFIG_HOME: home };

function run(script: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, [TSX, path.join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', env, input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const cli = (...args: string[]) => run('electron/cli/main.ts', args);

/** One line, Russian, and nothing that looks like a stack or a Node error dump. */
function expectOneCleanLine(err: string, message: RegExp): void {
  const lines = err.trimEnd().split('\n');
  expect(lines, err).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(err).not.toMatch(/\n\s+at |Error:|node:internal|errno|syscall/);
}

describe('the CLI on a full disk, without access, on a bad path', () => {
  const db = path.join(tempDir(), 'demo.sqlite');
  let roadmap = '';
  beforeAll(() => {
    expect(cli('demo', '--db', db).code).toBe(0);
    roadmap = String((JSON.parse(cli('list', '--db', db).out.split('\n')[0]!) as { id: number }).id);
  });

  it('says the disk is full when writing to /dev/full', () => {
    const r = cli('export', 'appendix', '--db', db, '--roadmap', roadmap, '--out', '/dev/full');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expectOneCleanLine(r.err, /^На диске нет места: не удалось записать «full»\. Освободите место и повторите\.$/);
    // /dev/full is written in place, never renamed over.
    expect(fs.statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('says there is no access to a folder it may not write (sysfs refuses new files even to root)', () => {
    const r = cli('export', 'report', '--db', db, '--quarter', '2022-Q2', '--out', '/sys/rmk-report.xlsx');
    expect(r.code).toBe(1);
    expectOneCleanLine(r.err, /^Нет доступа к файлу «rmk-report\.xlsx»: он открыт в другой программе/);
  });

  it('says the path is wrong when a folder in it is a file, and leaves nothing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    const r = cli('export', 'protocol', '--db', db, '--meeting', '1', '--out', path.join(dir, 'file', 'p.docx'));
    expect(r.code).toBe(1);
    expectOneCleanLine(r.err, /^Не удалось записать «p\.docx»: путь «.*file\/p\.docx» неверен — одна из папок в нём на самом деле файл\.$/);
    expect(fs.readdirSync(dir)).toEqual(['file']);
  });

  it('says a file to import is missing or is a folder', () => {
    expectOneCleanLine(cli('import', '--db', db, path.join(tempDir(), 'нет.docx')).err, /^Не удалось прочитать «.*нет\.docx»/);
    expectOneCleanLine(cli('import', 'answers', '--db', db, tempDir()).err, /^Не удалось прочитать/);
  });

  it('writes nothing to the error log for errors that are messages', () => {
    expect(fs.existsSync(errorLogPath(path.join(home, 'rmk-roadmaps')))).toBe(false);
  });
});

describe('the CLI with its output closed early (`… | head -1`)', () => {
  /** Starts the CLI, closes our end of its stdout at once, and feeds it `input`. */
  const closedPipe = (args: string[], input: string) =>
    new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, [TSX, path.join(ROOT, 'electron/cli/main.ts'), ...args], { cwd: ROOT, env });
      child.stdout.destroy();
      let err = '';
      child.stderr.on('data', (c) => (err += c));
      child.on('close', (code) => resolve({ code, err }));
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    });

  it('stops quietly: exit code 0, nothing on stderr', async () => {
    const terms = Array.from({ length: 20_000 }, (_, i) => `до ${(i % 28) + 1} мая 2024`).join('\n');
    const r = await closedPipe(['term', '--period', '2024-01-01..2024-12-31', '--stdin'], terms);
    expect(r).toEqual({ code: 0, err: '' });
  });

  it('the same through a shell pipe into head -1', () => {
    const r = spawnSync(
      'sh',
      [
        '-c',
        `for i in 1 2 3 4 5 6 7 8; do cat "$0"; done | "$1" "$2" "$3" term --period 2024-01-01..2024-12-31 --stdin | head -1`,
        path.join(ROOT, 'tests/fixtures/import/tambov.html'),
        process.execPath,
        TSX,
        path.join(ROOT, 'electron/cli/main.ts'),
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env,
      },
    );
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});

describe('a bug: «Внутренняя ошибка» with the log path, the stack in the log', () => {
  it('maps file errors in one place, and only real bugs are internal', () => {
    const e = (code: string, extra: object = {}) => Object.assign(new Error(`${code}: raw`), { code, ...extra });
    expect(toAppError(e('ENOSPC', { path: '/x/отчёт.xlsx' })).message).toBe(
      'На диске нет места: не удалось записать «отчёт.xlsx». Освободите место и повторите.',
    );
    expect(toAppError(e('EBUSY', { path: 'C:\\Users\\m\\Приказ.docx' })).code).toBe('file_locked');
    expect(toAppError(e('EROFS', { path: '/media/usb/a.docx' })).message).toBe(
      'Диск доступен только для чтения: не удалось записать «a.docx». Выберите другую папку.',
    );
    expect(toAppError(e('EPERM')).message).toMatch(/^Нет доступа к файлу: /);
    expect(toAppError(e('EADDRINUSE', { port: 8080 })).message).toMatch(/^Порт 8080 уже занят другой программой/);
    expect(toAppError(e('SQLITE_FULL')).code).toBe('disk_full');
    expect(fileErrorMessage(new TypeError('x'))).toBeNull();
    expect(toAppError(new TypeError('x')).code).toBe('internal');
    const own = new AppError('usage', 'Укажите --roadmap ID.');
    expect(toAppError(own)).toBe(own);
  });

  it('errorLine logs the stack and names the log', () => {
    const dir = tempDir('rmk-home-');
    const before = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = dir;
    try {
      const line = errorLine('unit', new TypeError('boom'));
      const log = errorLogPath(path.join(dir, 'rmk-roadmaps'));
      expect(line).toBe(`Внутренняя ошибка программы. Действие не выполнено; подробности записаны в журнал: ${log}`);
      expect(fs.readFileSync(log, 'utf8')).toMatch(/\] unit \(pid \d+\)\nTypeError: boom\n\s+at /);
      expect(errorLine('unit', Object.assign(new Error('x'), { code: 'ENOSPC' }))).toMatch(/^На диске нет места/);
    } finally {
      process.env.XDG_CONFIG_HOME = before;
    }
  });

  for (const how of ['throw', 'reject'])
    it(`an escaped error (${how}) stops the CLI with one line and exit code 1`, () => {
      const r = run('tests/cli/guarded.ts', [how, 'fatal']);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      const log = errorLogPath(path.join(home, 'rmk-roadmaps'));
      expectOneCleanLine(
        r.err,
        new RegExp(
          `^Внутренняя ошибка программы\\. Действие не выполнено; подробности записаны в журнал: ${log.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
        ),
      );
      expect(fs.readFileSync(log, 'utf8')).toContain(how === 'throw' ? 'TypeError: boom in a timer' : 'RangeError: boom in a promise');
    });

  it('the web launcher reports an escaped error and keeps running', () => {
    const r = run('tests/cli/guarded.ts', ['throw', 'survive']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('alive\n');
    expectOneCleanLine(r.err, /^Внутренняя ошибка программы/);
  });
});

describe('the web launcher', () => {
  const web = (...args: string[]) => run('electron/web/main.ts', args);
  const built = fs.existsSync(path.join(ROOT, 'dist/renderer/index.html'));

  it('refuses a bad port and a busy port with one Russian line', async () => {
    expect(built, 'npm run build:renderer first (npm test does)').toBe(true);
    const bad = web('--port', 'восемь', '--db', path.join(tempDir(), 'w.sqlite'));
    expect(bad.code).toBe(1);
    expectOneCleanLine(bad.err, /^Неверный порт «восемь»: нужно число от 0 до 65535\.$/);
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const busy = spawnSync(
        process.execPath,
        [TSX, path.join(ROOT, 'electron/web/main.ts'), '--port', String(port), '--db', path.join(tempDir(), 'w.sqlite')],
        { cwd: ROOT, encoding: 'utf8', env },
      );
      expect(busy.status).toBe(1);
      expectOneCleanLine(
        busy.stderr,
        new RegExp(`^Порт ${port} уже занят другой программой: укажите другой \\(--port 0 — любой свободный\\)\\.$`),
      );
    } finally {
      taken.close();
    }
  });

  it('refuses a database path through a file with one line', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    const r = web('--db', path.join(dir, 'file', 'rmk.sqlite'));
    expect(r.code).toBe(1);
    expectOneCleanLine(r.err, /^Не удалось создать папку «.*file»: там уже есть файл с таким именем\.$/);
  });

  it('keeps serving when its stdout is closed (`npm run web | head -1`)', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const child = spawn(
      process.execPath,
      [TSX, path.join(ROOT, 'electron/web/main.ts'), '--port', String(port), '--db', path.join(tempDir(), 'w.sqlite')],
      { cwd: ROOT, env },
    );
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const deadline = Date.now() + 20_000;
        const attempt = () => {
          const req = http.get({ host: '127.0.0.1', port, path: '/', headers: { Host: `127.0.0.1:${port}` } }, (res) => {
            res.resume();
            resolve(res.statusCode!);
          });
          req.on('error', () => (Date.now() > deadline ? reject(new Error('the launcher never answered')) : setTimeout(attempt, 200)));
        };
        attempt();
      });
      expect(status).toBe(200);
      // It printed its three lines into a closed pipe meanwhile, and said nothing about it.
      await new Promise((r) => setTimeout(r, 300));
      expect(child.exitCode).toBeNull();
      expect(err).toBe('');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
