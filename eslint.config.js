import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// DESIGN.md "what may import what", enforced here rather than by memory.
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const browserOnly = ['idb', 'react', 'react-dom', 'react-dom/*', '@tanstack/*', 'workbox-window', 'virtual:*'];
const nodeOnly = ['node:*', 'fs', 'path', 'crypto', 'fastify', '@fastify/*', 'pg', '@electric-sql/*'];
const rel = (dir) => [`**/${dir}/**`, `../${dir}/*`, `../../${dir}/*`];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded PRNG (pure-rand) or crypto, never Math.random.' },
        { selector: 'ExportAllDeclaration', message: 'No barrels: import from the module that defines it.' },
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  layer(['src/domain/**/*.ts'], [
    { group: [...browserOnly, ...nodeOnly, 'uuid', ...rel('sync'), ...rel('client'), ...rel('server')], message: 'domain/ is pure: zod and small pure libraries only.' },
  ]),
  layer(['src/sync/**/*.ts'], [
    { group: [...browserOnly, ...nodeOnly, ...rel('client'), ...rel('server')], message: 'sync/ imports domain only: no idb, fetch, React or Node APIs.' },
  ]),
  layer(['src/server/**/*.ts'], [
    { group: [...browserOnly, ...rel('client')], message: 'server/ imports domain and sync, never browser code.' },
  ]),
  layer(['src/client/**/*.{ts,tsx}'], [
    { group: [...nodeOnly, ...rel('server')], message: 'client/ never imports server code or Node APIs.' },
  ]),
  layer(['src/client/ui/**/*.{ts,tsx}'], [
    { group: [...rel('storage'), ...rel('platform'), ...rel('features'), ...rel('app'), 'idb', '@tanstack/*'], message: 'ui/ is presentational: no data access.' },
  ]),
  {
    // A feature never imports another feature. Feature folders are flat: files sit at their top level.
    files: ['src/client/features/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...nodeOnly, ...rel('server'), '**/features/**'], message: 'A feature never imports another feature (or server code).' },
        // A sibling folder seen from a feature's top level is another feature.
        { regex: '^\\.\\./(?!\\.\\.)[^/]+/', message: 'A feature never imports another feature.' },
      ] }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['*.config.{js,ts}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
