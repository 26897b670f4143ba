/**
 * The after-pack hook flips Electron's fuses. There is no Electron binary here, so the hook runs on a
 * stand-in: a file holding the fuse sentinel and a fuse wire in Electron's defaults, laid out as in the
 * real executable; @electron/fuses then reads the result back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import hook from '../../scripts/after-pack.cjs';
import { tempDir } from '../helpers';

const ROOT = path.resolve(__dirname, '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, in FuseV1Options order: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, V8 snapshot off, file:// privileges on, wasm trap handlers on. */
const DEFAULT_WIRE = '101100011';

function fakeElectron(file: string): void {
  fs.writeFileSync(
    file,
    Buffer.concat([
      Buffer.alloc(4096, 0x90),
      Buffer.from(SENTINEL),
      Buffer.from([1, DEFAULT_WIRE.length]),
      Buffer.from(DEFAULT_WIRE),
      Buffer.alloc(4096, 0x90),
    ]),
  );
}

describe('Electron fuses after packing', () => {
  it('asks for RunAsNode, NODE_OPTIONS and --inspect off, embedded asar integrity and only-asar on', () => {
    expect(hook.FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
    for (const name of Object.keys(hook.FUSES)) expect(FuseV1Options[name as keyof typeof FuseV1Options], name).toBeTypeOf('number');
  });

  it('flips them in the packed Windows executable and leaves the rest as Electron ships them', async () => {
    const dir = tempDir();
    const exe = path.join(dir, 'Дорожные карты РМК.exe');
    fakeElectron(exe);
    const size = fs.statSync(exe).size;
    await hook.afterPack({
      appOutDir: dir,
      electronPlatformName: 'win32',
      packager: { appInfo: { productFilename: 'Дорожные карты РМК' } },
    } as never);
    const wire = await getCurrentFuseWire(exe);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE);
    expect(fs.statSync(exe).size).toBe(size);
  });

  it('finds the executable where electron-builder puts it on each platform', () => {
    const ctx = (platform: string) => ({
      appOutDir: '/out',
      electronPlatformName: platform,
      packager: { appInfo: { productFilename: 'Дорожные карты РМК' }, executableName: 'rmk-roadmaps' },
    });
    expect(hook.electronBinaryPath(ctx('win32'))).toBe(path.join('/out', 'Дорожные карты РМК.exe'));
    expect(hook.electronBinaryPath(ctx('linux'))).toBe(path.join('/out', 'rmk-roadmaps'));
    expect(hook.electronBinaryPath(ctx('darwin'))).toBe(path.join('/out', 'Дорожные карты РМК.app'));
  });

  it('is the afterPack hook of the build', () => {
    expect(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')).toMatch(/^afterPack: \.\/scripts\/after-pack\.cjs$/m);
  });
});
