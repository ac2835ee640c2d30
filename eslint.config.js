// Lint, including the dependency direction of DESIGN.md §2 as rules rather than hopes:
// src-shared ← core ← electron / cli; src-shared ← renderer; src-shared ← hub.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (...groups) => ['error', { patterns: groups }];
const electronOnlyInShell = { group: ['electron'], message: 'Only src-main/electron and src-main/preload may import electron (DESIGN.md §2).' };
const noMainFrom = (who) => ({ group: ['**/src-main/**', '**/src-main'], message: `${who} must not import main-process code (DESIGN.md §2).` });
const noElectronShell = { group: ['**/electron/**', '**/preload/**'], message: 'The core must never import the Electron shell (DESIGN.md §2).' };
const noRenderer = (who) => ({ group: ['**/src-renderer/**'], message: `${who} must not import renderer code.` });
const noHub = (who) => ({ group: ['**/src-hub/**'], message: `${who} must not import the hub server.` });
const nodeOnly = { group: ['node:*', 'fs', 'path', 'os', 'http', 'child_process', 'better-sqlite3', 'zustand', 'react', 'react-dom'], message: 'src-shared is the contract: no Node, no DOM libraries, no Electron (DESIGN.md §2).' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.stand-in-electron/**', 'test/ui/__screenshots__/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(nodeOnly, electronOnlyInShell, noMainFrom('src-shared'), noRenderer('src-shared'), noHub('src-shared')) },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(electronOnlyInShell, noElectronShell, noRenderer('The core'), noHub('The core (talk to the hub over HTTP with hub-client/)'), { group: ['**/cli/**'], message: 'The core must not import the CLI.' }) },
  },
  {
    // The composition roots may open the embedded local store (src-hub/embedded): with no hub
    // configured, the hub's own use cases on a local SQLite file are the app's incident store.
    files: ['src-main/core/create-node-core.ts'],
    rules: { 'no-restricted-imports': restrict(electronOnlyInShell, noElectronShell, noRenderer('The core'), { regex: 'src-hub/(?!embedded/)', message: 'Only the embedded store of the hub may be opened here.' }, { group: ['**/cli/**'], message: 'The core must not import the CLI.' }) },
  },
  {
    files: ['src-main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(electronOnlyInShell, noElectronShell, noRenderer('The CLI')) },
  },
  {
    files: ['src-main/electron/**/*.ts', 'src-main/preload/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(noRenderer('The shell'), { group: ['**/cli/**'], message: 'The shell must not import the CLI.' }) },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': restrict(electronOnlyInShell, noMainFrom('The renderer'), noHub('The renderer'), { group: ['node:*'], message: 'The renderer runs in a sandboxed browser: no Node modules.' }) },
  },
  {
    files: ['src-hub/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(electronOnlyInShell, noMainFrom('The hub'), noRenderer('The hub')) },
  },
);
