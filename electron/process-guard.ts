/**
 * What the CLI and the web launcher do with an error no one else caught: one Russian line on stderr,
 * never a stack (that goes to the error log); a closed stdout pipe (`… | head -1`) ends the program
 * quietly, since whoever reads it already has what it wanted.
 */
import { AppError, internalMessage, toAppError } from '../db/errors';
import { logInternalError } from './error-log';

export function isClosedPipe(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** The one line the user sees: the AppError's message, or «Внутренняя ошибка» with the log's path for a real bug. */
export function errorLine(where: string, err: unknown): string {
  const appErr = toAppError(err);
  const message = appErr.code === 'internal' && !(err instanceof AppError) ? internalMessage(logInternalError(where, err)) : appErr.message;
  return message.replace(/\s*\n\s*/g, ' ');
}

/** Writes to stderr, which may itself be closed: then there is no one to tell. */
export function printError(line: string): void {
  try {
    process.stderr.write(line + '\n');
  } catch {
    // stderr is gone too.
  }
}

/**
 * Process-level handlers. `fatal`: the CLI stops with exit code 1 after an escaped error; the web
 * launcher (fatal = false) reports it and keeps serving — every request is handled on its own, and
 * the database is written in synchronous transactions, so nothing is left half-done.
 */
export function installProcessGuards(where: string, options: { fatal: boolean }): void {
  process.stdout.on('error', (err) => {
    // The CLI's reader has gone: stop. The web launcher only printed its address there: keep serving.
    if (isClosedPipe(err)) {
      if (options.fatal) process.exit(0);
      return;
    }
    printError(errorLine(where, err));
  });
  process.stderr.on('error', () => {});
  const onEscaped = (err: unknown) => {
    if (isClosedPipe(err)) {
      if (options.fatal) process.exit(0);
      return;
    }
    printError(errorLine(where, err));
    if (options.fatal) process.exit(1);
  };
  process.on('uncaughtException', onEscaped);
  process.on('unhandledRejection', onEscaped);
}
