/** `npm run web [-- --port N --db PATH]`: the browser mode — the same UI and API on 127.0.0.1. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toAppError } from '../../db/errors';
import { closeDatabase, openDatabase } from '../../db/open';
import { rendererDir, resolveDbPath } from '../paths';
import { startWebServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { port: { type: 'string' }, db: { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Неверный порт «${values.port}».`);
  if (!fs.existsSync(path.join(rendererDir(), 'index.html'))) throw new Error('Интерфейс не собран: выполните npm run build:renderer.');
  const db = openDatabase(resolveDbPath(values.db));
  const server = await startWebServer({ db }, { port, staticDir: rendererDir() });
  console.log(`Дорожные карты РМК (режим браузера). База данных: ${db.path}`);
  if (db.backupPath) console.log(`Перед обновлением структуры базы сделана копия: ${db.backupPath}`);
  console.log(`Откройте в браузере: ${server.url}`);
  const stop = () => {
    void server.close().then(() => {
      closeDatabase(db);
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
