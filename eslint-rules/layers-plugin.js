// @ts-check
/** The local ESLint plugin that keeps the layers apart; eslint.config.js declares its table. */
import { allowedImports } from './allowed-imports.js';

export default {
  meta: { name: 'layers' },
  rules: { 'allowed-imports': allowedImports },
};
