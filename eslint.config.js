// Lint: recommended JS and TypeScript rules, browser globals for src/, node globals for scripts and tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-test/**', 'dist-firefox/**', 'dist-firefox-test/**', 'dist-cli/**', 'artifacts/**', 'generated/**', 'node_modules/**', 'public/**', 'bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, __TEST_BUILD__: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      // The core is pure: no DOM and no browser API, so node, the content script and the popup can share it.
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'location', 'chrome', 'browser', 'localStorage'],
      'no-restricted-imports': ['error', { patterns: ['webextension-polyfill', '*/shared/browser*', 'node:*'] }],
    },
  },
);
