/**
 * The headless way in: `npm run -s cli -- <command> [--db PATH] …`. Output is JSON (one line per
 * record); on any error one Russian line goes to stderr and the exit code is non-zero.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../db/errors';
import { acquireLock, type DbLock, lockHolder } from '../../db/lock';
import { canWrite, closeDatabase, type Db, openDatabase } from '../../db/open';
import { resolveDbPath } from '../paths';
import { errorLine, installProcessGuards, isClosedPipe, printError } from '../process-guard';
import { commands, writes } from './commands';

const USAGE = `Использование: npm run -s cli -- <команда> [--db ФАЙЛ]
Команды:
  demo --db ФАЙЛ                      заполнить пустую базу демонстрационным районом
  list --db ФАЙЛ [roadmaps|orders|meetings|schools|people]
                                      по строке JSON на запись
  dump --db ФАЙЛ --roadmap ID         дорожная карта одним объектом JSON
  call --db ФАЙЛ МЕТОД ['{"поле":…}']  любое действие программы, как из окна: значение JSON
                                      (пример: call plan.get '{"roadmapId":1}')
  term --period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД "срок"
                                      как программа понимает срок (JSON)
  term --period … --stdin             по сроку на строку из стандартного ввода
  export appendix --db ФАЙЛ --roadmap ID --out ФАЙЛ.docx [--order ID] [--orientation portrait|landscape] [--no-passport] [--no-stamp] [--no-indicators]
  export order --db ФАЙЛ --order ID --out ФАЙЛ.docx
  export protocol --db ФАЙЛ --meeting ID --out ФАЙЛ.docx
  export report --db ФАЙЛ --quarter 2022-Q2 [--roadmap ID …] --out ФАЙЛ.xlsx [--date ГГГГ-ММ-ДД] [--prepared-by "ФИО"]
  export form --db ФАЙЛ --quarter 2022-Q2 --school ID --out ФАЙЛ.xlsx
  import --db ФАЙЛ ДОКУМЕНТ.docx|КНИГА.xlsx|ТАБЛИЦА.txt [--title …] [--period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД] [--dry-run]
                                      дорожная карта из Word, Excel или вставленной таблицы
  import indicators --db ФАЙЛ ЗНАЧЕНИЯ.xlsx [--roadmap ID] [--dry-run]
                                      значения индикаторов по школам из Excel; при любой ошибке ничего не записывается
  import answers --db ФАЙЛ ФОРМА.xlsx … [--apply]
                                      что изменят ответы школ (по строке JSON на мероприятие); с --apply — записать
  consolidate --out СВОД.xlsx ОТЧЁТ.xlsx …
                                      свод по региону: квартальные отчёты районов в одну книгу (база не нужна)
  backup --db ФАЙЛ [--out КОПИЯ.sqlite]
                                      проверенная копия базы (без --out — в папку backups рядом с базой)
  restore --db ФАЙЛ КОПИЯ.sqlite      восстановить базу из копии; заменённая база остаётся в папке backups
Общий параметр: --read-only — открыть базу только для чтения.
Команды, которые пишут в базу, не работают, пока база открыта в программе; чтение и выгрузки работают.`;

export async function runCli(argv: string[], out: (line: string) => void = (l) => process.stdout.write(l + '\n')): Promise<number> {
  let db: Db | null = null;
  let lock: DbLock | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        roadmap: { type: 'string', multiple: true },
        quarter: { type: 'string' },
        school: { type: 'string' },
        date: { type: 'string' },
        'prepared-by': { type: 'string' },
        apply: { type: 'boolean' },
        title: { type: 'string' },
        'dry-run': { type: 'boolean' },
        period: { type: 'string' },
        order: { type: 'string' },
        meeting: { type: 'string' },
        out: { type: 'string' },
        orientation: { type: 'string' },
        'no-passport': { type: 'boolean' },
        'no-stamp': { type: 'boolean' },
        'no-indicators': { type: 'boolean' },
        stdin: { type: 'boolean' },
        'read-only': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [name, ...rest] = positionals;
    if (values.help || !name) {
      out(USAGE);
      return name || values.help ? 0 : 2;
    }
    const command = commands[name];
    if (!command) throw new AppError('usage', `Неизвестная команда «${name}». Справка: npm run -s cli -- --help`);
    // Opened only by the commands that need it: `term` reads no database unless --db is given.
    // Writing commands take the lock (refused while the app has the file); reading ones never wait for
    // it and open read-only while another process holds it.
    const openDb = () => {
      if (db) return db;
      const file = resolveDbPath(values.db);
      const writing = writes(name, rest, values);
      // A mistyped --db must not quietly create an empty database that a reading command then «reads».
      if (!writing && !fs.existsSync(file))
        throw new AppError('no_database', `Файла базы данных «${file}» нет. Проверьте путь в --db (или RMK_DB).`);
      // A file that cannot be written opens read-only below, and its writes are refused by SQLite.
      if (writing && !values['read-only'] && canWrite(file)) lock = acquireLock(file);
      const readOnly = values['read-only'] === true || (!writing && lockHolder(file) !== null);
      return (db = openDatabase(file, { readOnly }));
    };
    await command({ db: openDb, replaceDb: (next) => (db = next), args: rest, options: values, out });
    return 0;
  } catch (err) {
    // `… | head -1` closed our stdout: the reader has what it wanted, nothing to report.
    if (isClosedPipe(err)) return 0;
    const line = (err as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS')
      ? `Неверные параметры команды: ${(err as Error).message}`
      : errorLine('cli', err);
    printError(line.replace(/\s*\n\s*/g, ' '));
    return 1;
  } finally {
    if (db) closeDatabase(db);
    (lock as DbLock | null)?.release();
  }
}

if (require.main === module) {
  installProcessGuards('cli', { fatal: true });
  void runCli(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
