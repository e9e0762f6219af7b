// Lint rules that stop real bugs: typed imports, drizzle updates/deletes always with a where, the rules of
// hooks with their dependency lists, and no browser dialog (confirm/alert/prompt: English OK/Cancel in every
// language) in the app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import drizzle from 'eslint-plugin-drizzle';
import reactHooks from 'eslint-plugin-react-hooks';

const BROWSER_DIALOGS = ['confirm', 'alert', 'prompt'];
const DIALOG_MESSAGE = 'Ask in the app\'s own translated dialog (app/components/ConfirmDialog.tsx), not the browser\'s.';

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', '.next-*/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { drizzle },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    // A hook called conditionally, or an effect that reads a value it does not list, runs with stale state.
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The browser's own dialogs speak the browser's language and look like a click that did nothing when
    // dismissed: the app asks in its own translated dialog (app/components/ConfirmDialog.tsx).
    files: ['app/**', 'lib/**'],
    rules: {
      'no-restricted-globals': ['error', ...BROWSER_DIALOGS.map((name) => ({ name, message: DIALOG_MESSAGE }))],
      'no-restricted-properties': ['error', ...['window', 'globalThis', 'self'].flatMap((object) => BROWSER_DIALOGS.map((property) => ({ object, property, message: DIALOG_MESSAGE })))],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
