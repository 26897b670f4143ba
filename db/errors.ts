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

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return (
    sqliteErrorMessage(err) ??
    new AppError('internal', 'Внутренняя ошибка программы. Действие не выполнено; подробности записаны в журнал.', { cause: err })
  );
}

/** `x ?? raise(err)`: keeps lookups one expression long. */
export function raise(err: Error): never {
  throw err;
}
