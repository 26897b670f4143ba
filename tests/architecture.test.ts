/**
 * The folders are the architecture: only electron/main and electron/preload import `electron`;
 * db/ never does; the renderer imports nothing from Node, and from the Node side only types.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLE_LABELS, STATUS_LABELS } from '../shared/labels';

const ROOT = path.resolve(__dirname, '..');
function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return files(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}
const imports = (file: string) =>
  [
    ...fs
      .readFileSync(path.join(ROOT, file), 'utf8')
      .matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|require\('([^']+)'\)/gm),
  ].map((m) => ({
    typeOnly: Boolean(m[1]),
    from: (m[2] ?? m[3] ?? m[4])!,
  }));

describe('module boundaries', () => {
  it('imports electron only from electron/main and electron/preload', () => {
    const offenders = [...files('db'), ...files('electron'), ...files('renderer/src')]
      .filter((f) => !f.startsWith(path.join('electron', 'main')) && !f.startsWith(path.join('electron', 'preload')))
      .filter((f) => imports(f).some((i) => i.from === 'electron'));
    expect(offenders).toEqual([]);
  });

  it('keeps the renderer free of Node: no builtins, no native modules, Node-side code by `import type` only', () => {
    const offenders = files('renderer/src').flatMap((f) =>
      imports(f)
        .filter(
          (i) =>
            i.from.startsWith('node:') ||
            ['fs', 'path', 'os', 'child_process', 'better-sqlite3', 'electron'].includes(i.from) ||
            (/^\.\.\/(\.\.\/)*(db|electron)\//.test(i.from) && !i.typeOnly),
        )
        .map((i) => `${f}: ${i.from}`),
    );
    expect(offenders).toEqual([]);
  });

  it('shared/ is pure: no Node built-ins, no native modules, nothing from db/, electron/ or the renderer', () => {
    const offenders = files('shared').flatMap((f) =>
      imports(f)
        .filter(
          (i) =>
            i.from.startsWith('node:') ||
            ['fs', 'path', 'os', 'child_process', 'better-sqlite3', 'electron', 'react', 'antd'].includes(i.from) ||
            /^\.\.\/(\.\.\/)*(db|electron|renderer)\//.test(i.from),
        )
        .map((i) => `${f}: ${i.from}`),
    );
    expect(offenders).toEqual([]);
  });

  it('status and role labels are written once, in shared/labels.ts: nobody keeps a copy that could drift', () => {
    const labels = [...Object.values(STATUS_LABELS), ...Object.values(ROLE_LABELS)].filter((l) => l.length > 8);
    const offenders = [...files('db'), ...files('electron'), ...files('renderer/src'), ...files('shared')]
      .filter((f) => f !== path.join('shared', 'labels.ts'))
      .flatMap((f) => {
        // Comments may name a label; code may not spell one out.
        const code = fs.readFileSync(path.join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        return labels.filter((l) => code.includes(`'${l}'`) || code.includes(`"${l}"`)).map((l) => `${f}: ${l}`);
      });
    expect(offenders).toEqual([]);
  });

  it('all SQL lives in db/: no statement, transaction or pragma is written in electron/, the renderer or shared/', () => {
    const SQL = [/\.sqlite\.(prepare|exec|transaction|pragma)\(/, /\.prepare\(\s*['"`]/, /\bsql`/];
    const offenders = [...files('electron'), ...files('renderer/src'), ...files('shared')].flatMap((f) =>
      fs
        .readFileSync(path.join(ROOT, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (SQL.some((re) => re.test(line)) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it('the sandboxed preload imports nothing but electron', () => {
    expect(imports('electron/preload/index.ts').map((i) => i.from)).toEqual(['electron']);
  });
});
