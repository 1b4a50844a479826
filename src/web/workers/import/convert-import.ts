import type { SpecModel } from '@core/spec/webhook-spec.ts';
import type { ConversionResult, ImportFormat } from './conversion.ts';
import { csvToJson } from './csv-to-json.ts';
import { ndjsonToJson } from './ndjson-to-json.ts';

/** Turns an imported file into the editor's JSON text; JSON itself is kept as written. */
export function convertImport(
  format: ImportFormat,
  text: string,
  spec: SpecModel,
): ConversionResult {
  switch (format) {
    case 'csv':
      return csvToJson(text, spec);
    case 'ndjson':
      return ndjsonToJson(text);
    case 'json':
      return { ok: true, text, notes: [] };
  }
}
