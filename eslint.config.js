// Lint: recommended JS and TypeScript rules, browser globals for src/, node globals for scripts and tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-firefox/**', 'dist-firefox-test/**', 'dist-test/**', 'dist-cli/**', 'artifacts/**', 'generated/**', 'node_modules/**', 'public/**', 'bench/**'] },
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
    files: ['src/**'],
    rules: {
      // No page text or entity data is ever inserted as HTML (issue 8; web-ext lint warns on the same). The only
      // innerHTML in the bundles is preact's dangerouslySetInnerHTML branch, which this rule keeps unused.
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]", message: 'No HTML from strings: build nodes.' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]", message: 'No HTML from strings: build nodes.' },
        { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'No HTML from strings: build nodes.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML from strings: render text.' },
      ],
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
