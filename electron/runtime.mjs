// `npm start` runs this first. npm ci leaves Electron's runtime binary alone (package.json
// allowScripts: a machine without access to Electron's download site still installs, and
// the browser host runs there); this fetches it on first start, where it can be had, and
// otherwise says plainly what is missing and what to run instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronDir = require.resolve('electron/package.json').replace(/package\.json$/, '');

function installedBinary() {
  try {
    // The electron package exports its binary's path once the binary is there, and throws before.
    const path = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], { encoding: 'utf8' }).stdout;
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (!installedBinary()) {
  process.stdout.write("Agent Desk: fetching Electron's runtime (once, about 100 MB)…\n");
  spawnSync(process.execPath, [`${electronDir}install.js`], { stdio: 'inherit' });
}
if (!installedBinary()) {
  process.stderr.write(
    [
      '',
      "Agent Desk cannot start the desktop app: Electron's runtime is not installed and could not be downloaded on this machine.",
      'Run the same desk in your browser instead:   npm run serve   (then open http://127.0.0.1:4781)',
      'Or install the runtime where it can be had:  node node_modules/electron/install.js',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
