// @ts-check
// One lint for the server (Node) and the console (browser, React hooks), type-aware so that floating and
// misused promises are caught. Formatting belongs to Prettier: eslint-config-prettier, last, switches off
// every stylistic rule so the two never disagree.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const unsafeAny = [
  '@typescript-eslint/no-unsafe-argument',
  '@typescript-eslint/no-unsafe-assignment',
  '@typescript-eslint/no-unsafe-call',
  '@typescript-eslint/no-unsafe-member-access',
  '@typescript-eslint/no-unsafe-return',
];
const off = (rules) => Object.fromEntries(rules.map((rule) => [rule, 'off']));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'var/', 'migrations/', 'admin-ui/src/api/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_props`/`_batch` name a parameter a signature needs but the body ignores; `{ a: _a, ...rest }` drops a key.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Async implementations of Promise-returning contracts (auth provider methods, polling predicates) need
      // no await; the promise rules below catch the real mistakes.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['server/**', 'test/**', 'bench/**', '*.js', '*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Tests and benchmarks read untyped answers (supertest bodies, pg rows, JSON.parse) and check them at run time.
    files: ['test/**', 'bench/**', '**/*.spec.ts'],
    rules: off(unsafeAny),
  },
  {
    // Raw SQL rows come back typed `any` from TypeORM's query(); these files name each read's row type in its
    // declared return type, which is the contract callers rely on. Everywhere else in server/ the rules stay on.
    files: ['server/**/*-queries.service.ts', 'server/**/demo-*.ts'],
    rules: off(unsafeAny),
  },
  {
    files: ['admin-ui/**'],
    languageOptions: { globals: globals.browser },
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['admin-ui/**'],
    rules: {
      // React event handlers may be async: React ignores their return value.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Props interfaces declare callbacks in method syntax; React never calls them with `this`.
      '@typescript-eslint/unbound-method': 'off',
      // react-admin types its own contract as `any` (filterValues, record[source], data provider results): the
      // rule would flag the framework's API rather than our code.
      ...off(unsafeAny),
    },
  },
  {
    // Plain JavaScript files (jest's config, a test helper process) are in no tsconfig.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
