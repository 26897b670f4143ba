/**
 * The CLI as the tests run it: electron/cli/main.ts bundled once per test run by esbuild (the
 * bundler vite already brings), so that a spawn costs a Node start (~0.3 s) instead of tsx
 * compiling the whole program again (2–5 s on a loaded 2-core machine — enough for a test with
 * eight spawns to run out of time now and then). Packages stay outside the bundle and resolve from
 * node_modules as under tsx; each module keeps its own __dirname, so migrations, resources and
 * package.json are found exactly where tsx finds them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = path.resolve(__dirname, '..');
export const CLI_BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'rmk-tests', 'cli.cjs');

const keepDirname: Plugin = {
  name: 'keep-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!source.includes('__dirname')) return undefined;
      return { contents: `const __dirname = ${JSON.stringify(path.dirname(args.path))};\n${source}`, loader: 'ts' };
    });
  },
};

/** Bundles one entry point the way the CLI is bundled (packages external, each module's own __dirname). */
export async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    plugins: [keepDirname],
  });
}

/** vitest globalSetup: build before any test file runs. */
export default async function setup(): Promise<void> {
  await bundle(path.join(ROOT, 'electron', 'cli', 'main.ts'), CLI_BUNDLE);
}
