import { useCallback, useState } from 'react';
import { z } from 'zod';
import { readLocal, writeLocal } from '@web/lib/storage/local-store.ts';

export type PaneSizes = Record<string, number>;

const storedSizesSchema = z.record(z.string(), z.number().min(0).max(100));

function readSizes(key: string, defaults: PaneSizes): PaneSizes {
  const text = readLocal(key);
  if (text === undefined) return defaults;
  try {
    const parsed = storedSizesSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return defaults;
    const sizes = { ...defaults };
    for (const name of Object.keys(defaults)) {
      const value = parsed.data[name];
      if (value !== undefined) sizes[name] = value;
    }
    return sizes;
  } catch {
    return defaults;
  }
}

/** Pane sizes (percent) kept in localStorage under `key`, so a reload keeps the layout. */
export function usePaneSizes(
  key: string,
  defaults: PaneSizes,
): [PaneSizes, (name: string, value: number) => void] {
  const [sizes, setSizes] = useState(() => readSizes(key, defaults));
  const setSize = useCallback(
    (name: string, value: number) => {
      setSizes((current) => {
        const next = { ...current, [name]: value };
        // A full or blocked storage only costs the remembered layout, never the resize.
        writeLocal(key, JSON.stringify(next));
        return next;
      });
    },
    [key],
  );
  return [sizes, setSize];
}
