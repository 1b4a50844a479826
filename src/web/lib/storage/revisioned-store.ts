import type { z } from 'zod';
import { writeError } from './local-store.ts';

/** The part of `Storage` this module uses, so tests can hand it a plain map. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A stored document and the revision it was saved as; revisions start at 1. */
export type Revisioned<T> = { revision: number; value: T };

export type DocRead<T> =
  { kind: 'absent' } | { kind: 'ok'; doc: Revisioned<T> } | { kind: 'unreadable'; raw: string };

/**
 * The outcome of a compare-and-set write: written as `revision`, or refused because the
 * stored revision is not the one the writer started from (`theirs` is what is stored now;
 * undefined when the document was deleted), or storage refused it.
 */
export type CasResult<T> =
  | { ok: true; revision: number }
  | { ok: false; reason: 'conflict'; theirs: Revisioned<T> | undefined }
  | { ok: false; reason: 'quota' | 'unavailable'; message: string };

const envelope = (revision: number, value: unknown): string => JSON.stringify({ revision, value });

/** Reads one document; a value that fails `schema` is reported as unreadable, never dropped. */
export function readDoc<S extends z.ZodType>(
  storage: KeyValueStorage,
  key: string,
  schema: S,
): DocRead<z.infer<S>> {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return { kind: 'absent' };
  }
  if (raw === null) return { kind: 'absent' };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'revision' in parsed &&
      'value' in parsed
    ) {
      const { revision, value } = parsed;
      const checked = schema.safeParse(value);
      if (typeof revision === 'number' && Number.isInteger(revision) && checked.success) {
        return { kind: 'ok', doc: { revision, value: checked.data } };
      }
    }
  } catch {
    // Falls through: not JSON.
  }
  return { kind: 'unreadable', raw };
}

/**
 * Writes `value` only when the stored revision is `expected` (undefined: the document must
 * not exist yet), as `expected + 1`. Reading and writing happen in one synchronous task, so
 * no other script of this page runs between them; another tab's write that lands first
 * makes this one a conflict instead of being overwritten.
 */
export function writeDocIfRevision<S extends z.ZodType>(
  storage: KeyValueStorage,
  key: string,
  schema: S,
  value: z.infer<S>,
  expected: number | undefined,
): CasResult<z.infer<S>> {
  const current = readDoc(storage, key, schema);
  const storedRevision = current.kind === 'ok' ? current.doc.revision : undefined;
  if (current.kind === 'unreadable' || storedRevision !== expected) {
    return {
      ok: false,
      reason: 'conflict',
      theirs: current.kind === 'ok' ? current.doc : undefined,
    };
  }
  const revision = (expected ?? 0) + 1;
  try {
    storage.setItem(key, envelope(revision, value));
  } catch (error) {
    const failure = writeError(error);
    return { ok: false, reason: failure.reason, message: failure.message };
  }
  return { ok: true, revision };
}

/** Removes a document whatever its revision (deleting is the user's explicit choice). */
export function removeDoc(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage blocked: nothing was kept there either.
  }
}
