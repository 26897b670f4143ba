// `npm start`: build, then start the Electron app; where the Electron binary is not installed (it
// cannot be downloaded on these machines), say so in one line and start the browser mode instead.
// `npm run web` (this script with --web) starts the browser mode on purpose.
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const webOnly = args[0] === '--web';
const rest = webOnly ? args.slice(1) : args;

execSync('npm run -s build', { stdio: 'inherit' });

function electronBinary() {
  try {
    const bin = require('electron'); // in plain Node this is the path of the binary
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = webOnly ? null : electronBinary();
if (!webOnly && !bin) console.log('Electron не установлен на этом компьютере — запускаю режим браузера.');
const child = bin
  ? spawn(bin, ['.', ...rest], { stdio: 'inherit' })
  : spawn(process.execPath, ['dist/node/electron/web/main.js', ...rest], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
