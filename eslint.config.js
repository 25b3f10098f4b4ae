// Lint rules that hold the architecture: the core (electron/core) is plain Node and must
// never import Electron, and the renderer reaches the core only through the API table and
// the model's pure helpers, so storage logic cannot leak into components.
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
            // An allow list, not a deny list: the renderer calls the API table (its types and
            // error codes live in api/schema) and may import the model's pure helpers (node
            // names, text and date helpers, the Lexical conversion), so the editor and the
            // writers agree on one model. Every other part of the core is out of reach.
            {
              regex: '(^|/)electron/core/(?!model/|api/schema(\\.js)?$)|^better-sqlite3$|^node:',
              message: 'The renderer calls the API table and may import pure model helpers (electron/core/model); nothing else of the core.',
            },
          ],
        },
      ],
    },
  },
);
