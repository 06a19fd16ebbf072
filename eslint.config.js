// Lint rules that keep the layers apart (see ../shared/STYLE.md): a wrong import
// between folders fails the build, not a code review.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeOnlyPackages = ['better-sqlite3', 'fastify', '@fastify/*', 'ws', 'pino', '@faker-js/faker'];

const restrict = (patterns) => ['error', { patterns }];

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
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/electron/**', '**/renderer/**', '**/server/**', 'electron'], message: 'shared/ is the contract: it imports nothing of the app.' },
        { group: [...nodeModules, ...nodeOnlyPackages], message: 'shared/ runs in the browser too: no Node modules.' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        { group: ['**/electron/**', '**/server/**', 'electron'], message: 'The renderer talks to the desk only through the typed API in shared/.' },
        { group: [...nodeModules, ...nodeOnlyPackages], message: 'The renderer runs in a sandboxed browser: no Node modules.' },
      ]),
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', '**/electron/main/**', '**/electron/preload/**'], message: 'Services run in plain Node too: no Electron here.' },
        { group: ['**/renderer/**'], message: 'The desk never imports the UI.' },
      ]),
    },
  },
  {
    files: ['electron/packaging/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', '**/electron/main/**', '**/electron/preload/**', '**/electron/services/**'], message: 'Packaging hooks run in electron-builder: no app code, no Electron runtime.' },
        { group: ['**/renderer/**'], message: 'Packaging hooks never import the UI.' },
      ]),
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/renderer/**'], message: 'The shell never imports the UI.' }]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'electron/main/**/*.ts', 'electron/services/desk/call-notification.ts', 'electron/services/desk/tray-menu.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': noLiteralString },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/electron/**', '**/renderer/**', 'electron'], message: 'The hub shares only shared/ with the desk.' },
      ]),
    },
  },
);
