/**
 * A stand-in program for tests/cli/errors.test.ts: installs the process guards the CLI and the web
 * launcher use, then lets an error escape the way a bug would (`throw` in a timer, a rejected promise).
 * Usage: tsx tests/cli/guarded.ts throw|reject fatal|survive
 */
import { installProcessGuards } from '../../electron/process-guard';

const [how, mode] = process.argv.slice(2);
installProcessGuards('test', { fatal: mode === 'fatal' });
if (how === 'throw')
  setTimeout(() => {
    throw new TypeError('boom in a timer');
  }, 0);
else void Promise.reject(new RangeError('boom in a promise'));
// The web launcher keeps serving after an escaped error: this one says it is still alive.
setTimeout(() => {
  process.stdout.write('alive\n');
}, 200);
