/** `npm run web [-- --port N --db PATH]`: the browser mode — the same UI and API on 127.0.0.1. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../db/errors';
import { setErrorLogger } from '../api/call';
import { logInternalError } from '../error-log';
import { rendererDir, resolveDbPath } from '../paths';
import { errorLine, installProcessGuards, printError } from '../process-guard';
import { startSession } from '../session';
import { startWebServer } from './server';

async function main(): Promise<void> {
  // Before anything can fail: an error from here on is one Russian line, its stack goes to the log.
  installProcessGuards('web', { fatal: false });
  // A failed API call's cause goes to the log, not to the console the launcher prints its address to.
  setErrorLogger((method, err) => logInternalError(`web api ${method}`, err));
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { port: { type: 'string' }, db: { type: 'string' }, 'read-only': { type: 'boolean' } },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new AppError('usage', `Неверный порт «${values.port}»: нужно число от 0 до 65535.`);
  if (!fs.existsSync(path.join(rendererDir(), 'index.html')))
    throw new AppError('no_ui', 'Интерфейс не собран: выполните npm run build:renderer.');
  const dbPath = resolveDbPath(values.db);
  // The recent list and the demo district live beside the database the browser mode was started with:
  // for the default database that is the user's data folder, shared with the desktop app; a browser mode
  // started on a copy elsewhere (a stick, a test folder) keeps its list there and leaves the desktop's alone.
  const session = await startSession(dbPath, { readOnly: values['read-only'] === true }, {}, { dataDir: path.dirname(dbPath) });
  const { db } = session.ctx;
  const server = await startWebServer(session.ctx, { port, staticDir: rendererDir() });
  // The second opener names this address; the key stays out of the lock file.
  session.lock?.update({ url: `http://127.0.0.1:${server.port}/` });
  console.log(`Дорожные карты РМК (режим браузера). База данных: ${db.path}${db.readOnly ? ' (только для чтения)' : ''}`);
  if (db.backupPath) console.log(`Перед обновлением структуры базы сделана копия: ${db.backupPath}`);
  if (session.dailyBackupPath) console.log(`Ежедневная копия: ${session.dailyBackupPath}`);
  for (const w of [...session.notices, ...session.warnings]) console.log(w);
  console.log(`Откройте в браузере: ${server.url}`);
  const stop = () => {
    void server.close().then(() => {
      session.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const code = (err as { code?: string } | null)?.code;
  printError(code?.startsWith('ERR_PARSE_ARGS') ? `Неверные параметры: ${(err as Error).message}` : errorLine('web', err));
  process.exit(1);
});
