// ESLint flat config. Kept in .config/ so the repo's top level stays as the guide lays it out;
// `npm run lint` points ESLint here.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const featuresDir = `${root}src/web/features`;
const features = existsSync(featuresDir)
  ? readdirSync(featuresDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  : [];

/** The borders between the rooms of STYLE.md, each with what to do instead. */
const borders = [
  {
    target: './src/core',
    from: './src/web',
    message: 'core is isomorphic: move the shared logic into src/core instead of importing web.',
  },
  {
    target: './src/core',
    from: './src/server',
    message: 'core is isomorphic: move the shared logic into src/core instead of importing server.',
  },
  {
    target: './src/server',
    from: './src/web',
    message: 'server must not import web: share through src/core.',
  },
  {
    target: './src/web',
    from: './src/server',
    message: 'web must not import server: call it over HTTP, share schemas through src/core.',
  },
  {
    target: './e2e',
    from: ['./src/web', './src/server'],
    message: 'e2e drives the built app over HTTP: import only src/core (schemas, sample builders).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.inlet/**',
      'test-results/**',
      'playwright-report/**',
      '.config/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: `${root}tsconfig.json` }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: borders }],
      'import-x/no-cycle': ['error', { maxDepth: 12 }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use named exports only (STYLE.md, Naming).',
        },
      ],
    },
  },
  {
    // Tools read these files' default export.
    files: ['vite.config.ts', 'e2e/playwright.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts'],
    ignores: ['src/web/lib/monaco/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^monaco-editor',
              allowTypeImports: true,
              message:
                'Load Monaco only through src/web/lib/monaco (one lazy import); elsewhere use `import type`.',
            },
          ],
        },
      ],
    },
  },
  {
    // After the general Monaco rule: a later no-restricted-imports replaces an earlier one.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^node:',
              message: 'src/core runs in the browser too: keep node:* imports in src/server.',
            },
            {
              regex: '^react(-dom)?($|/)',
              message: 'src/core is pure domain code: put React in src/web.',
            },
            {
              regex: '^monaco-editor',
              message: 'src/core is pure domain code: Monaco belongs to src/web/lib/monaco.',
            },
            {
              regex: '^(fastify|@fastify/|better-sqlite3)',
              message: 'src/core runs in the browser too: keep server libraries in src/server.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
    },
  },
  {
    files: ['src/web/features/*/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            ...borders,
            ...features.flatMap((target) =>
              features
                .filter((from) => from !== target)
                .map((from) => ({
                  target: `./src/web/features/${target}`,
                  from: `./src/web/features/${from}`,
                  message: `features/${target} must not import features/${from}: compose them in src/web/app, or move the shared piece to src/web/components or src/core.`,
                })),
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      'playwright/no-wait-for-timeout': 'error',
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
);
