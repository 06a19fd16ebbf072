// Lint rules that keep the layers apart (see ../shared/STYLE.md): a wrong import
// between folders fails the build, not a code review.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeOnlyPackages = ['better-sqlite3', 'fastify', '@fastify/*', 'ws', 'pino', '@faker-js/faker'];

const restrict = (patterns) => ['error', { patterns }];

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
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/electron/**', '**/renderer/**', 'electron'], message: 'The hub shares only shared/ with the desk.' },
      ]),
    },
  },
);
