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

/** The borders between the rooms (src/README.md, "Rooms"), each with what to do instead. */
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
    target: ['./src/web/lib', './src/web/components'],
    from: ['./src/web/features', './src/web/app'],
    message:
      'web/lib and web/components are below the features: pass what they need as arguments or props, or compose in src/web/app.',
  },
  {
    target: './e2e',
    from: ['./src/web', './src/server'],
    message: 'e2e drives the built app over HTTP: import only src/core (schemas, sample builders).',
  },
];

/** Each room's tsconfig sets its globals for the typecheck; these say the same to ESLint. */
const rooms = ['src/core', 'src/server', 'src/web', 'src/bench', 'e2e'];
const browserOnly = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'self'];
const nodeOnly = ['process', 'Buffer', 'global', 'require', '__dirname', '__filename', 'module'];
const banGlobals = (names, room, instead) =>
  names.map((name) => ({ name, message: `${name} does not exist in ${room}: ${instead}` }));

/** File and folder names are kebab-case (a component file exports a PascalCase name). */
const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)*$/;
const namingPlugin = {
  rules: {
    'kebab-case-files': {
      meta: { type: 'suggestion', schema: [] },
      create(context) {
        const relative = context.filename.slice(root.length);
        const bad = relative.split('/').filter((part) => !kebabCase.test(part));
        if (bad.length > 0) {
          context.report({
            loc: { line: 1, column: 0 },
            message: `Name files and folders in kebab-case: rename ${bad.map((part) => `"${part}"`).join(', ')}.`,
          });
        }
        return {};
      },
    },
  },
};

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
      globals: { ...globals['shared-node-browser'] },
    },
    plugins: { 'import-x': importX, naming: namingPlugin },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: rooms.map((room) => `${root}${room}/tsconfig.json`),
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: borders }],
      'import-x/no-cycle': ['error', { maxDepth: 12 }],
      'naming/kebab-case-files': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use named exports only: a file exports the names it is read by.',
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
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...banGlobals(
          [...browserOnly, ...nodeOnly],
          'src/core, which runs in the browser and in Node',
          'take it as an argument, or move the code to src/web or src/server.',
        ),
      ],
    },
  },
  {
    files: ['src/server/**/*.ts', 'src/bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...banGlobals(browserOnly, 'the server (Node)', 'browser code belongs in src/web.'),
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...banGlobals(nodeOnly, 'the browser', 'server code belongs in src/server.'),
      ],
    },
  },
  {
    // Playwright specs run in Node, and their page.evaluate callbacks in the page.
    files: ['e2e/**/*.ts', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
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
