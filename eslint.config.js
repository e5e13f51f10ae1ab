// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * Package boundaries are enforced here, not by hope: `shared` is isomorphic and imports nothing
 * from client or server; client and server never import each other; import cycles are errors.
 */
const boundary = (from, forbidden) => ({
  files: [`${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((pkg) => ({
          group: [`@lcs/${pkg}`, `@lcs/${pkg}/*`, `**/${pkg}/src/**`],
          message: `${from}/ must not import from ${pkg}/`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/test-results/**', '**/playwright-report/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['client/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  boundary('shared', ['client', 'server', 'e2e']),
  boundary('client', ['server']),
  boundary('server', ['client']),
  {
    // shared/ runs in the browser and in Node: no Node-only or DOM-only globals.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', 'window', 'document', 'localStorage'],
    },
  },
  { files: ['e2e/**/*.ts', '**/*.test.ts', '**/bench/**/*.ts'], rules: { 'no-console': 'off' } },
);
