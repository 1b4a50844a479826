import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type KeyValueStorage,
  readDoc,
  removeDoc,
  writeDocIfRevision,
} from './revisioned-store.ts';

const memoryStorage = (): KeyValueStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
};

const noteSchema = z.object({ text: z.string() });

describe('compare-and-set on a revision', () => {
  it('creates a document as revision 1 only when none exists', () => {
    const storage = memoryStorage();
    expect(writeDocIfRevision(storage, 'k', noteSchema, { text: 'a' }, undefined)).toEqual({
      ok: true,
      revision: 1,
    });
    const again = writeDocIfRevision(storage, 'k', noteSchema, { text: 'b' }, undefined);
    expect(again).toEqual({
      ok: false,
      reason: 'conflict',
      theirs: { revision: 1, value: { text: 'a' } },
    });
  });

  it('two writers from the same revision: the second is refused, the first kept', () => {
    const storage = memoryStorage();
    writeDocIfRevision(storage, 'k', noteSchema, { text: 'start' }, undefined);
    const tabA = writeDocIfRevision(storage, 'k', noteSchema, { text: 'A adds a column' }, 1);
    const tabB = writeDocIfRevision(storage, 'k', noteSchema, { text: 'B edits' }, 1);
    expect(tabA).toEqual({ ok: true, revision: 2 });
    expect(tabB).toEqual({
      ok: false,
      reason: 'conflict',
      theirs: { revision: 2, value: { text: 'A adds a column' } },
    });
    expect(readDoc(storage, 'k', noteSchema)).toEqual({
      kind: 'ok',
      doc: { revision: 2, value: { text: 'A adds a column' } },
    });
  });

  it('a writer that read the newest revision goes through', () => {
    const storage = memoryStorage();
    writeDocIfRevision(storage, 'k', noteSchema, { text: 'a' }, undefined);
    writeDocIfRevision(storage, 'k', noteSchema, { text: 'b' }, 1);
    expect(writeDocIfRevision(storage, 'k', noteSchema, { text: 'c' }, 2)).toEqual({
      ok: true,
      revision: 3,
    });
  });

  it('a document deleted elsewhere is a conflict with nothing stored', () => {
    const storage = memoryStorage();
    writeDocIfRevision(storage, 'k', noteSchema, { text: 'a' }, undefined);
    removeDoc(storage, 'k');
    expect(writeDocIfRevision(storage, 'k', noteSchema, { text: 'b' }, 1)).toEqual({
      ok: false,
      reason: 'conflict',
      theirs: undefined,
    });
  });

  it('unreadable data is reported, and never overwritten by a write', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{"revision": 1, "value": {"text": 5}}');
    expect(readDoc(storage, 'k', noteSchema).kind).toBe('unreadable');
    const write = writeDocIfRevision(storage, 'k', noteSchema, { text: 'b' }, 1);
    expect(write.ok).toBe(false);
    expect(storage.data.get('k')).toBe('{"revision": 1, "value": {"text": 5}}');
  });

  it('a full storage says so instead of throwing', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const write = writeDocIfRevision(storage, 'k', noteSchema, { text: 'a' }, undefined);
    expect(write).toMatchObject({ ok: false, reason: 'quota' });
  });
});
