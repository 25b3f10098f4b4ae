// Lint rules that hold the architecture: the core (electron/core) is plain Node and must
// never import Electron, and the renderer never reaches into the core's runtime code
// (types only), so storage logic cannot leak into components.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench-out/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Plain-JS entry points run under Node.
    files: ['bin/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' } },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core is plain Node: Electron belongs to electron/main and electron/preload only.' }],
          patterns: [{ group: ['electron/*', '**/main/**', '**/preload/**', '**/renderer/**'], message: 'Lower layers never import upper ones.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/core/store/**', '**/core/import/**', '**/core/export/**', '**/core/layout/**', 'better-sqlite3', 'node:*'], message: 'The renderer calls the API table; it never touches storage, import or export code.' },
          ],
        },
      ],
    },
  },
);
