import path from 'node:path';

/**
 * Errors are values with a Russian message for the user and a cause for the log:
 * the UI shows `message`, never a stack.
 */
export class AppError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

export const notFound = (what: string, id: number | string): AppError =>
  new AppError('not_found', `Не найдено: ${what.toLowerCase()} № ${id}. Возможно, запись уже удалена.`);

/** Turns SQLite's own failures (busy file, full disk, read-only media) into a message a methodist can act on. */
export function sqliteErrorMessage(err: unknown): AppError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError('locked', 'База данных занята другой программой. Закройте её и повторите действие.', { cause: err });
  if (code === 'SQLITE_FULL')
    return new AppError('disk_full', 'На диске не хватает места: изменение не сохранено. Освободите место и повторите.', { cause: err });
  if (code.startsWith('SQLITE_READONLY'))
    return new AppError('readonly', 'Файл базы данных доступен только для чтения: изменение не сохранено.', { cause: err });
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new AppError('not_a_database', 'Файл повреждён или не является базой данных программы.', { cause: err });
  if (code.startsWith('SQLITE_CONSTRAINT'))
    return new AppError('constraint', 'Изменение нарушает связи между записями и не сохранено.', { cause: err });
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN'))
    return new AppError('io', 'Не удалось прочитать или записать файл базы данных. Проверьте диск и права доступа.', { cause: err });
  return null;
}

/**
 * Turns the operating system's file errors (Node's `code`: full disk, no rights, a file held open by
 * Word, read-only media, a closed pipe) into one Russian line. The one place such messages live: the
 * CLI, the web launcher, the API and atomic writes all come here. `target` defaults to the error's own
 * `path`; `writing` says whether the program was writing (the messages for a missing folder differ).
 */
export function fileErrorMessage(err: unknown, target?: string, options: { writing?: boolean } = {}): AppError | null {
  const e = err as { code?: unknown; path?: unknown; dest?: unknown } | null;
  const code = e?.code;
  if (typeof code !== 'string') return null;
  const file = target ?? (typeof e?.path === 'string' ? e.path : undefined);
  const name = file ? `«${path.basename(file)}»` : '';
  const about = file ? ` ${name}` : '';
  const make = (c: string, message: string) => new AppError(c, message, { cause: err });
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return make('disk_full', `На диске нет места: не удалось записать${about || ' файл'}. Освободите место и повторите.`);
    case 'EACCES':
    case 'EPERM':
      return make(
        'no_access',
        `Нет доступа к файлу${about}: он открыт в другой программе (например, в Word или Excel) или нет прав на эту папку. Закройте файл или выберите другую папку и повторите.`,
      );
    case 'EBUSY':
    case 'ETXTBSY':
      return make('file_locked', `Файл${about} занят другой программой (например, открыт в Word или Excel). Закройте его и повторите.`);
    case 'EROFS':
      return make('readonly', `Диск доступен только для чтения: не удалось записать${about || ' файл'}. Выберите другую папку.`);
    case 'ENOENT':
      return options.writing && file
        ? make('no_folder', `Не удалось записать ${name}: папка «${path.dirname(file)}» не существует.`)
        : make('no_file', `Файл${about} не найден: его нет или он был перемещён.`);
    case 'ENOTDIR':
      if (!file) return make('no_folder', 'Путь к файлу неверен: одна из папок в нём — это файл.');
      return make(
        'no_folder',
        `${options.writing ? `Не удалось записать ${name}: п` : 'П'}уть «${file}» неверен — одна из папок в нём на самом деле файл.`,
      );
    case 'EEXIST':
      // mkdir over a file of the same name (a folder on the way to the target is a file).
      return make(
        'no_folder',
        file
          ? `Не удалось создать папку «${file}»: там уже есть файл с таким именем.`
          : 'Не удалось создать папку: там уже есть файл с таким именем.',
      );
    case 'EISDIR':
      return make('is_directory', file ? `«${file}» — это папка, а не файл.` : 'Указана папка, а не файл.');
    case 'ENAMETOOLONG':
      return make('name_too_long', 'Слишком длинное имя файла или путь к нему. Выберите более короткое имя.');
    case 'EMFILE':
    case 'ENFILE':
      return make('too_many_files', 'Открыто слишком много файлов. Закройте лишние программы и повторите.');
    case 'EFBIG':
      return make('file_too_big', `Файл${about} слишком большой для этого диска.`);
    case 'EIO':
      return make('io', `Ошибка чтения или записи диска${file ? ` (файл ${name})` : ''}. Проверьте диск или флешку и повторите.`);
    case 'EPIPE':
      return make('closed_pipe', 'Вывод программы закрыт раньше, чем она закончила писать.');
    case 'EADDRINUSE': {
      const port = (err as { port?: unknown }).port;
      return make(
        'port_busy',
        `${typeof port === 'number' ? `Порт ${port}` : 'Этот порт'} уже занят другой программой: укажите другой (--port 0 — любой свободный).`,
      );
    }
    default:
      return null;
  }
}

export const INTERNAL_MESSAGE = 'Внутренняя ошибка программы. Действие не выполнено; подробности записаны в журнал.';

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return sqliteErrorMessage(err) ?? fileErrorMessage(err) ?? new AppError('internal', INTERNAL_MESSAGE, { cause: err });
}

/** The line for a real bug, naming the log file that holds its details (or saying it could not be written). */
export function internalMessage(logPath: string | null): string {
  return logPath
    ? `Внутренняя ошибка программы. Действие не выполнено; подробности записаны в журнал: ${logPath}`
    : 'Внутренняя ошибка программы. Действие не выполнено; записать подробности в журнал не удалось.';
}

/** `x ?? raise(err)`: keeps lookups one expression long. */
export function raise(err: Error): never {
  throw err;
}
