/** `npm run web [-- --port N --db PATH]`: the browser mode — the same UI and API on 127.0.0.1. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toAppError } from '../../db/errors';
import { rendererDir, resolveDbPath } from '../paths';
import { startSession } from '../session';
import { startWebServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { port: { type: 'string' }, db: { type: 'string' }, 'read-only': { type: 'boolean' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Неверный порт «${values.port}».`);
  if (!fs.existsSync(path.join(rendererDir(), 'index.html'))) throw new Error('Интерфейс не собран: выполните npm run build:renderer.');
  const session = await startSession(resolveDbPath(values.db), { readOnly: values['read-only'] === true });
  const { db } = session.ctx;
  const server = await startWebServer(session.ctx, { port, staticDir: rendererDir() });
  // The second opener names this address; the key stays out of the lock file.
  session.lock?.update({ url: `http://127.0.0.1:${server.port}/` });
  console.log(`Дорожные карты РМК (режим браузера). База данных: ${db.path}${db.readOnly ? ' (только для чтения)' : ''}`);
  if (db.backupPath) console.log(`Перед обновлением структуры базы сделана копия: ${db.backupPath}`);
  if (session.dailyBackupPath) console.log(`Ежедневная копия: ${session.dailyBackupPath}`);
  for (const w of session.warnings) console.log(w);
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
  const msg = err instanceof Error && !('code' in err) ? err.message : toAppError(err).message;
  console.error(msg);
  process.exit(1);
});
