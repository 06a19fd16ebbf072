/**
 * electron-builder's afterPack hook (electron-builder.yml): flips the desk's fuses in
 * the packaged binary before it is signed. Bundled to dist-electron/packaging/ by
 * electron/build.mjs, since electron-builder loads hooks as plain JavaScript.
 */
import type { AfterPackContext } from 'electron-builder';
import { DESK_FUSES } from './fuses.js';

export default async function afterPack(context: AfterPackContext): Promise<void> {
  await context.packager.addElectronFuses(context, DESK_FUSES);
}
