/**
 * The Electron fuses the packaged desk ships with: switches compiled into the Electron
 * binary that no environment variable or command-line flag can turn back on. Flipped
 * by the afterPack hook (after-pack.ts) on every installer electron-builder makes.
 */
import { type FuseV1Config, FuseV1Options, FuseVersion } from '@electron/fuses';

export const DESK_FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed desk binary into a plain Node for any script.
  [FuseV1Options.RunAsNode]: false,
  // Cookies on disk encrypted with the OS keychain, as Chrome does; one-way, which suits a new install.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and NODE_EXTRA_CA_CERTS could preload code or trust a foreign CA.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and SIGUSR1 would open a debugger into the main process, which holds the store.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar is checked against the hash electron-builder embeds (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the checked app.asar is loaded, never a loose app/ folder put beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
} satisfies FuseV1Config;
