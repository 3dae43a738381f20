// Lint: strict TypeScript, and the process boundaries of style.md §7.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeOnly = [
  'electron',
  'better-sqlite3',
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'react-dom',
  'react-dom/*',
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'tests/fixtures/**', 'resources/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { parserOptions: { project: ['./tsconfig.json', './tsconfig.web.json'], tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  // Flat config: for one rule the last matching block wins, so the general SQL rule comes before the narrower ones.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/db/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'better-sqlite3', message: 'SQL lives only in src/main/db.' }] }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'src/shared is pure: no Node, Electron, database or DOM.' },
            {
              group: ['**/main/**', '**/main', '**/renderer/**', '**/preload/**', '**/cli/**'],
              message: 'src/shared imports nothing of the processes built on it (relative paths included).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/main/**', '**/renderer/**', '**/cli/**'], message: 'The preload exposes the contract only.' }] },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/main', '**/preload/**', '**/cli/**', 'electron', 'better-sqlite3', 'node:*'],
              message: 'The renderer talks to main only through the IPC contract.',
            },
          ],
        },
      ],
    },
  },
);
