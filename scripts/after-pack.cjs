// @ts-check
/**
 * electron-builder's afterPack hook (electron-builder.yml `afterPack:`): flips Electron's fuses in the
 * packed binary, before it is signed and wrapped into the installer. Fuses are switches compiled into
 * the Electron executable; turned off here, the shipped program cannot be made to run as plain Node
 * (`ELECTRON_RUN_AS_NODE`), to take code through `NODE_OPTIONS` or `--inspect`, or to load an app
 * from anywhere but its own, integrity-checked app.asar.
 *
 * It needs the packed binary, so it runs only in `npm run dist` (on a machine that can download
 * Electron); here it is type-checked and its settings are tested (tests/electron/fuses.test.ts).
 * @electron/fuses is our own 2.x, not the 1.x electron-builder carries inside it; it is ESM-only, hence
 * the dynamic import.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder loads this hook as CommonJS
const path = require('node:path');

/** Each fuse by its FuseV1Options name → the state it must have in the shipped binary. */
const FUSES = Object.freeze({
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
});

/**
 * Where electron-builder put the Electron executable (the rule of its own `addElectronFuses`).
 * @param {{ appOutDir: string; electronPlatformName: string; packager: { appInfo: { productFilename: string } } }} context
 */
function electronBinaryPath(context) {
  const platform = context.electronPlatformName;
  const ext = platform === 'win32' ? '.exe' : platform === 'darwin' || platform === 'mas' ? '.app' : '';
  const linuxName = /** @type {{ executableName?: string }} */ (context.packager).executableName;
  const name = platform === 'linux' && linuxName ? linuxName : context.packager.appInfo.productFilename;
  return path.join(context.appOutDir, `${name}${ext}`);
}

/** @param {import('electron-builder').AfterPackContext} context */
async function afterPack(context) {
  const { flipFuses, FuseV1Options, FuseVersion } = await import('@electron/fuses');
  /** @type {Partial<Record<import('@electron/fuses').FuseV1Options, boolean>>} */
  const wire = {};
  for (const [name, on] of Object.entries(FUSES)) wire[FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)]] = on;
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(electronBinaryPath(context), { version: FuseVersion.V1, resetAdHocDarwinSignature: isMac, ...wire });
}

module.exports = { afterPack, FUSES, electronBinaryPath };
