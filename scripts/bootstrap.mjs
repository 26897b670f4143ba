// Brings a checkout up to what `npm start` and `npm test` need, so that a fresh clone takes exactly
// those two commands. Node built-ins only: it runs before node_modules exists.
//
//   node scripts/bootstrap.mjs          npm dependencies (and the Electron binary where it can be had)
//   node scripts/bootstrap.mjs --test   the same, plus the Debian packages the tests use
//
// Dependencies are installed with `npm ci` when node_modules is missing or does not match
// package-lock.json. The Electron binary is fetched by electron's own install script; where the
// network has no way to it (our machines), the install goes on without it, with one line saying so:
// `npm start` then falls back to the browser mode, and the tests need only Electron's typings.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const forTests = process.argv.includes('--test');

/**
 * What the tests use from Debian: Chromium for the browser tests (driven by playwright-core, never a
 * downloaded browser); LibreOffice to turn generated documents into PDF; poppler to count and picture
 * their pages; python3-docx / python3-openpyxl as independent readers of what we write; Liberation and
 * Carlito fonts, metric-compatible with Times New Roman / Calibri, so layouts measured here match Windows.
 */
const DEBIAN_PACKAGES = [
  'chromium',
  'libreoffice-writer-nogui',
  'libreoffice-calc-nogui',
  'poppler-utils',
  'python3-docx',
  'python3-openpyxl',
  'fonts-liberation',
  'fonts-crosextra-carlito',
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * node_modules matches package-lock.json when npm's record of the install (node_modules/.package-lock.json,
 * written at the end of every install) holds every locked package at its locked version. Compared by
 * content, not by file times: a fresh clone's lock file is always newer than a node_modules copied in
 * beside it, and that used to cost a needless `npm ci`. Optional packages (other platforms' builds) may
 * be absent.
 */
function dependenciesUpToDate() {
  const installed = readJson(path.join(root, 'node_modules', '.package-lock.json'))?.packages;
  const locked = readJson(path.join(root, 'package-lock.json'))?.packages;
  if (!installed || !locked) return false;
  return Object.entries(locked).every(
    ([key, pkg]) => key === '' || pkg.optional || (installed[key] !== undefined && installed[key].version === pkg.version),
  );
}

function electronBinaryPresent() {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathFile)) return false;
  const rel = fs.readFileSync(pathFile, 'utf8').trim();
  return fs.existsSync(path.join(root, 'node_modules', 'electron', 'dist', rel));
}

function installDependencies() {
  console.log('Устанавливаю зависимости (npm ci)…');
  // The binary is fetched separately below, so that a failed download does not undo the whole install.
  if (!run(npm, ['ci', '--no-audit', '--no-fund'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })) {
    console.error('Не удалось установить зависимости: npm ci завершился с ошибкой (сообщение выше).');
    process.exit(1);
  }
}

function tryElectronDownload() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || electronBinaryPresent()) return;
  const install = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(install)) return;
  const r = spawnSync(process.execPath, [install], { cwd: path.dirname(install), stdio: 'pipe', timeout: 120_000 });
  if (r.status !== 0 || !electronBinaryPresent())
    console.log('Electron не удалось скачать (нет доступа в сеть) — установка продолжена без него: npm start откроет режим браузера.');
}

function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
}

function installDebianPackages() {
  const isDebian = fs.existsSync('/etc/debian_version');
  if (!isDebian) {
    console.log('Не Debian: пакеты для тестов (Chromium, LibreOffice, python3-docx, python3-openpyxl) проверьте сами.');
    return;
  }
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Для тестов нужны пакеты Debian: ${missing.join(', ')}. Установите их и запустите npm test снова:\n  sudo sh -c '${command}'`,
    );
    process.exit(1);
  }
  console.log(`Устанавливаю пакеты Debian для тестов: ${missing.join(' ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (!run('apt-get', ['update', '-qq'], env) || !run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], env)) {
    console.error(`Не удалось установить пакеты Debian. Выполните вручную:\n  ${command}`);
    process.exit(1);
  }
}

if (!dependenciesUpToDate()) {
  installDependencies();
  tryElectronDownload();
}
if (forTests) installDebianPackages();
