import { type RefObject, useState } from 'react';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import type { JudgeClient } from '@web/workers/judge-client.ts';
import { detectFormat } from '@web/workers/import/detect-format.ts';
import { errorMessage } from '@core/error-message.ts';

export type ImportResult = { ok: boolean; headline: string; notes: string[] };

const FORMAT_LABEL = { json: 'JSON', ndjson: 'NDJSON', csv: 'CSV' } as const;

/**
 * Imports a file into the editor: JSON as written; CSV and NDJSON converted to a JSON
 * array in the worker (CSV cells typed by the spec's columns), with notes on what changed.
 */
export function usePayloadImport({
  clientRef,
  spec,
  replaceText,
}: {
  clientRef: RefObject<JudgeClient | undefined>;
  spec: SpecModel;
  /** Replaces the payload, asking first when it has edits; resolves to whether it did. */
  replaceText: (text: string, label: string) => Promise<boolean>;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | undefined>();
  // A CSV's cells are all text: inference then reads "1998" as a number, "true" as true.
  const [fromText, setFromText] = useState(false);

  const importFile = (file: File) => {
    setBusy(true);
    setResult(undefined);
    // Undefined: the user kept the payload there was.
    const run = async (): Promise<ImportResult | undefined> => {
      const text = await file.text();
      // The file's text is decoded on the main thread in the task that delivers it (32 ms
      // under the profiler at 29 MB); the editor's first slice goes in a task of its own.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const format = detectFormat(file.name, text);
      if (format === 'json') {
        if (!(await replaceText(text, file.name))) return undefined;
        setFromText(false);
        return { ok: true, headline: `Imported ${file.name} (JSON).`, notes: [] };
      }
      const client = clientRef.current;
      if (!client) throw new Error('The judge is not running yet; try again in a moment.');
      const converted = await client.convert(format, text, spec);
      if (!converted.ok) {
        return {
          ok: false,
          headline: `${file.name} could not be imported.`,
          notes: [converted.message],
        };
      }
      if (!(await replaceText(converted.text, file.name))) return undefined;
      setFromText(format === 'csv');
      const rows = converted.rowCount ?? 0;
      return {
        ok: true,
        headline: `Imported ${file.name} (${FORMAT_LABEL[format]}) as a JSON array of ${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}.`,
        notes: converted.notes,
      };
    };
    run()
      .then(setResult, (error: unknown) => {
        setResult({
          ok: false,
          headline: `${file.name} could not be imported.`,
          notes: [errorMessage(error)],
        });
      })
      .finally(() => {
        setBusy(false);
      });
  };

  return {
    busy,
    result,
    fromText,
    importFile,
    dismiss: () => {
      setResult(undefined);
    },
  };
}
