import type { MonacoApi } from './load-monaco.ts';

/**
 * JSON without Monaco's JSON language service: highlighting, brackets and folding only.
 * The payload editor uses it so its text is not parsed and validated a second time per
 * change, nor synced to the JSON worker (32 MB at 100k rows); the judge supplies the
 * markers (Monaco's JSON service costs 14–19× JSON.parse per change at 100k rows). Monaco's JSON diagnostics are global to the `json`
 * language, so a separate language id is the one way to turn them off for one model.
 */
export const PAYLOAD_JSON_LANGUAGE = 'inlet-payload-json';

export function registerPayloadJsonLanguage(monaco: MonacoApi['monaco']): string {
  if (monaco.languages.getLanguages().some((language) => language.id === PAYLOAD_JSON_LANGUAGE)) {
    return PAYLOAD_JSON_LANGUAGE;
  }
  monaco.languages.register({ id: PAYLOAD_JSON_LANGUAGE, aliases: ['JSON payload'] });
  monaco.languages.setLanguageConfiguration(PAYLOAD_JSON_LANGUAGE, {
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    surroundingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '"', close: '"' },
    ],
  });
  monaco.languages.setMonarchTokensProvider(PAYLOAD_JSON_LANGUAGE, {
    // Token names of Monaco's own JSON mode, so the themes colour them the same way.
    tokenPostfix: '.json',
    tokenizer: {
      root: [
        [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'string.key'],
        [/"(?:[^"\\]|\\.)*"?/, 'string.value'],
        [/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
        [/\b(?:true|false|null)\b/, 'keyword'],
        [/[{}[\]]/, '@brackets'],
        [/[,:]/, 'delimiter'],
      ],
    },
  });
  return PAYLOAD_JSON_LANGUAGE;
}
