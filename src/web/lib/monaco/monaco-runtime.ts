/**
 * The one runtime import of Monaco in the app (src/README.md, "Rooms"). Loaded lazily by
 * load-monaco.ts. Only the editor core, its editor features and the JSON language are
 * bundled: importing `monaco-editor` itself would pull in every language (≈14.5 MB of files
 * against ≈5.3 MB for JSON only).
 */
import * as monaco from 'monaco-editor/editor';
// The bare `monaco-editor/editor` entry has no contributions (no suggest widget, hover,
// find, folding, …); this registers the editor features without any language.
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

export type JsonSchemaAssociation = {
  /** Identifier of the schema (any URI; never fetched). */
  uri: string;
  /** Model URIs the schema applies to. */
  fileMatch: string[];
  schema: Record<string, unknown>;
};

// Without getWorker Monaco tries to load workers from a URL and the core worker fails
// (the 0.56+ worker paths below are the ones Vite resolves).
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

const schemas = new Map<string, JsonSchemaAssociation>();

function applyJsonOptions(): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemaValidation: 'error',
    trailingCommas: 'error',
    schemas: [...schemas.values()],
  });
}

/** Validates and completes the models matched by `fileMatch` with a JSON Schema. */
export function registerJsonSchema(association: JsonSchemaAssociation): void {
  schemas.set(association.uri, association);
  applyJsonOptions();
}

applyJsonOptions();

/** Editor themes that sit on the app's own surfaces (see styles.css, --surface). */
monaco.editor.defineTheme('inlet-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#ffffff',
    'editorGutter.background': '#ffffff',
    'editorLineNumber.foreground': '#6b7280',
    'editorLineNumber.activeForeground': '#111827',
    'editor.placeholder.foreground': '#6b7280',
  },
});
monaco.editor.defineTheme('inlet-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#151a22',
    'editorGutter.background': '#151a22',
    'editorLineNumber.foreground': '#7d8797',
    'editorLineNumber.activeForeground': '#e5e9f0',
    'editor.placeholder.foreground': '#8d97a7',
  },
});

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
/** The app's choice on <html data-theme> wins; without one the system's setting does. */
const isDark = (): boolean => {
  const chosen = document.documentElement.dataset.theme;
  return chosen === undefined ? darkQuery.matches : chosen === 'dark';
};
const applyTheme = (): void => {
  // One call recolours every editor on the page: the theme is global to Monaco.
  monaco.editor.setTheme(isDark() ? 'inlet-dark' : 'inlet-light');
};
applyTheme();
// Lives as long as the page: the theme follows the system, or the app's switch.
darkQuery.addEventListener('change', applyTheme);
new MutationObserver(applyTheme).observe(document.documentElement, {
  attributes: true,
  attributeFilter: ['data-theme'],
});

export { monaco };
export const currentTheme = (): string => (isDark() ? 'inlet-dark' : 'inlet-light');
