// Lint rules that keep the layers apart (see ../shared/STYLE.md): each layer may import only
// what its entry in the table below allows, so a wrong import between folders fails the
// build, not a code review.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import layers from './eslint-rules/layers-plugin.js';
import { layerOptions } from './eslint-rules/layer-table.js';

/**
 * Every package in package.json, by where its code may run (Node's own modules are `node`).
 * A package added to package.json fails lint until it is given one class here.
 */
const dependencyClasses = {
  anywhere: ['zod', 'i18next', 'libphonenumber-js'],
  browser: ['react', 'react-dom', 'react-i18next', 'zustand', 'uplot'],
  node: ['fastify', '@fastify/static', '@fastify/websocket', 'ws', 'pino', 'rotating-file-stream', 'sip', 'tar', 'csv-parse'],
  'desk-store': ['better-sqlite3'],
  'hub-db': ['pg'],
  demo: ['@faker-js/faker'],
  electron: ['electron'],
  // The updater works in the main process only, never in the preload.
  'electron-main': ['electron-updater'],
  packaging: ['electron-builder', 'app-builder-lib', '@electron/fuses'],
  build: ['esbuild', 'vite', '@vitejs/plugin-react', 'typescript', 'tsx'],
  lint: ['eslint', '@eslint/js', 'eslint-plugin-i18next', 'eslint-plugin-react-hooks', 'globals', 'typescript-eslint', 'picomatch'],
  test: ['vitest', '@playwright/test', '@axe-core/playwright'],
  // Never imported by name: TypeScript reads them for the package they describe.
  types: ['@types/better-sqlite3', '@types/node', '@types/pg', '@types/picomatch', '@types/react', '@types/react-dom', '@types/ws'],
};

/** shared/ as a whole; the preload may take only the desk's wire from it. */
const contract = ['shared', 'desk-wire'];
/** electron/services/**: any service may import any other, the store's and the demo's modules too. */
const desk = ['services', 'desk-store', 'demo'];
const hub = ['hub', 'hub-db'];
/** What the desk's services and the hub, both in Node, may take of shared/. */
const nodeContract = [...contract, 'node-shared'];

/**
 * The layers, each a set of files and what those files may import: layers by name, packages
 * by class. A file is in the first layer, in this order, whose globs match it; a file that
 * matches none is an error, so a new folder is placed here before it is linted.
 */
const layerTable = {
  'desk-wire': { files: ['shared/desk-wire.ts', 'shared/desk-api.ts'], imports: contract, packages: ['anywhere'] },
  // What the desk's Node side and the hub share that a browser must not load (the command line).
  'node-shared': { files: ['shared/node/**'], imports: nodeContract, packages: ['node', 'anywhere'] },
  shared: { files: ['shared/**'], imports: contract, packages: ['anywhere'] },
  renderer: { files: ['renderer/**'], imports: ['renderer', ...contract], packages: ['anywhere', 'browser'] },
  preload: { files: ['electron/preload/**'], imports: ['desk-wire'], packages: ['electron'] },
  main: { files: ['electron/main/**'], imports: ['main', ...desk, ...nodeContract], packages: ['electron', 'electron-main', 'node', 'anywhere'] },
  'desk-store': { files: ['electron/services/store/**'], imports: [...desk, ...nodeContract], packages: ['desk-store', 'node', 'anywhere'] },
  demo: { files: ['electron/services/demo/**'], imports: [...desk, ...nodeContract], packages: ['demo', 'node', 'anywhere'] },
  services: { files: ['electron/services/**'], imports: [...desk, ...nodeContract], packages: ['node', 'anywhere'] },
  // electron-builder's hooks: no app code, no Electron runtime.
  packaging: { files: ['electron/packaging/**'], imports: ['packaging'], packages: ['packaging', 'node'] },
  'hub-db': { files: ['server/db/**'], imports: [...hub, ...nodeContract], packages: ['hub-db', 'node', 'anywhere'] },
  hub: { files: ['server/**'], imports: [...hub, ...nodeContract], packages: ['node', 'anywhere'] },
  // The scripts and configs that build, lint and test the app (Playwright's takes a helper from tests/).
  tooling: {
    files: ['*.config.{js,ts}', 'eslint-rules/**', 'electron/build.mjs', 'electron/runtime.mjs'],
    imports: ['tooling', 'tests'],
    packages: ['build', 'lint', 'test', 'node'],
  },
  // Tests run in plain Node (vitest, Playwright's runner): everything but what needs Electron's runtime.
  tests: {
    files: ['tests/**'],
    imports: ['tests', 'tooling', 'renderer', ...nodeContract, ...desk, 'packaging', ...hub],
    packages: ['anywhere', 'browser', 'node', 'desk-store', 'hub-db', 'demo', 'packaging', 'build', 'lint', 'test'],
  },
};

/**
 * Imports the layout above refuses that code still makes while a step moves it: each entry
 * ({ file, allows, why }) lets one file keep one import; lint says when one is no longer needed.
 */
const pendingMoves = [];

const allowedImports = layerOptions({
  root: import.meta.dirname,
  layers: layerTable,
  classes: dependencyClasses,
  manifest: JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')),
  pendingMoves,
});

/**
 * No text a person reads may skip i18next: every string literal in the UI's code is an
 * error unless it is typed as a literal union (a state, a key: why the rule runs with type
 * information), is only punctuation or digits, or sits where no person reads it. JSX text
 * is always checked, and of JSX attributes the ones people read (or hear).
 */
const noLiteralString = [
  'error',
  {
    mode: 'all',
    'should-validate-template': true,
    words: { exclude: ['[0-9!-/:-@[-`{-~]+', '[A-Z_-]+', /^[\p{P}\p{S}\p{N}\s]+$/u, 'null', 'wss?'] },
    'jsx-attributes': { include: ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label'] },
    // Logs, developer errors and a desk error's `message` are for IT, in English (a UI shows its `key`);
    // paths, URLs, events and form fields are not text.
    callees: {
      exclude: ['i18n(ext)?', 't', 'require', 'getElementById', 'console\\..+', 'log\\..+', 'Error', 'URL', 'WebSocket', 'fetch', 'join', 'on', 'once', 'addEventListener', 'removeEventListener', 'get', 'getItem', 'setItem', 'removeItem', 'querySelector(All)?', 'parseFromString', 'includes', 'startsWith', 'endsWith', 'split'],
    },
    'object-properties': { exclude: ['[A-Z_-]+', 'message', 'name', 'stroke', 'font', 'unit', 'cache', 'method', 'content-type', 'authorization'] },
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-electron/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    plugins: { layers },
    rules: { 'layers/allowed-imports': ['error', allowedImports] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'electron/main/**/*.ts', 'electron/services/desk/call-notification.ts', 'electron/services/desk/tray-menu.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': noLiteralString },
  },
);
