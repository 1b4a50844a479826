import { describe, expect, it } from 'vitest';
import { readDoc, type KeyValueStorage } from '@web/lib/storage/revisioned-store.ts';
import {
  linkLegacyPayload,
  readDraftPayload,
  readDraftPayloadNow,
  savePayloadText,
} from './draft-payload.ts';
import {
  createDraft,
  type Draft,
  draftKey,
  draftSchema,
  readDraft,
  sameContent,
  writeDraft,
} from './drafts-store.ts';
import { legacyPayloadKey, PAYLOAD_KEY_PREFIX } from './payload-blobs.ts';

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

const PAYLOAD = '[{"email": "ada@example.com"}]';

/** A draft as the app stored it before payloads were part of drafts: text kept beside it. */
function oldFormat(storage: KeyValueStorage): Draft {
  const draft = createDraft('Leads');
  storage.setItem(draftKey(draft.id), JSON.stringify({ revision: 3, value: draft }));
  storage.setItem(legacyPayloadKey(draft.id), PAYLOAD);
  return draft;
}

describe('moving an old draft’s payload over', () => {
  it('opens with its payload intact, then names where it lies without copying it', async () => {
    const storage = memoryStorage();
    const old = oldFormat(storage);
    const stored = readDraft(storage, old.id);
    expect(stored?.value.payload).toBeUndefined();
    if (!stored) return;

    const read = readDraftPayloadNow(storage, stored.value);
    expect(read).toEqual({ text: PAYLOAD, legacyKey: legacyPayloadKey(old.id) });
    await expect(readDraftPayload(storage, stored.value)).resolves.toEqual(read);

    const linked = linkLegacyPayload(
      storage,
      stored.value,
      stored.revision,
      legacyPayloadKey(old.id),
    );
    expect(linked.result).toEqual({ ok: true, revision: 4 });
    const after = readDraft(storage, old.id);
    expect(after?.value.payload).toEqual({ key: legacyPayloadKey(old.id) });
    // Nothing moved: the text is where it was, once, and now part of the draft.
    expect(storage.data.get(legacyPayloadKey(old.id))).toBe(PAYLOAD);
    if (!after) return;
    expect(readDraftPayloadNow(storage, after.value)).toEqual({ text: PAYLOAD });
    // The same content as before the move: another tab on it adopts, it sees no conflict.
    expect(sameContent(stored.value, after.value)).toBe(true);
  });

  it('a new text goes under a new key and the old place is cleared', async () => {
    const storage = memoryStorage();
    const old = oldFormat(storage);
    const saved = await savePayloadText(storage, old.id, '[]', () => ({ draft: old, base: 3 }));
    expect(saved.kind).toBe('saved');
    const after = readDoc(storage, draftKey(old.id), draftSchema);
    expect(after.kind === 'ok' && after.doc.revision).toBe(4);
    const key = after.kind === 'ok' ? after.doc.value.payload?.key : undefined;
    expect(key?.startsWith(`${PAYLOAD_KEY_PREFIX}${old.id}.`)).toBe(true);
    expect(key && storage.data.get(key)).toBe('[]');
    expect(storage.data.has(legacyPayloadKey(old.id))).toBe(false);
  });

  it('a draft without any payload reads as none (the editor starts from webhook_input)', () => {
    const storage = memoryStorage();
    const draft = createDraft('Empty');
    writeDraft(storage, draft, undefined);
    expect(readDraftPayloadNow(storage, draft)).toEqual({ text: undefined });
  });
});

describe('saving a payload text', () => {
  it('refused when another tab saved first: their text stays, ours is taken back out', async () => {
    const storage = memoryStorage();
    const draft = createDraft('Leads');
    writeDraft(storage, draft, undefined);
    const theirs = await savePayloadText(storage, draft.id, '"theirs"', () => ({ draft, base: 1 }));
    const mine = await savePayloadText(storage, draft.id, '"mine"', () => ({ draft, base: 1 }));
    expect(theirs.kind).toBe('saved');
    expect(mine.kind).toBe('conflict');
    const stored = readDraft(storage, draft.id);
    expect(stored?.revision).toBe(2);
    if (!stored) return;
    expect(readDraftPayloadNow(storage, stored.value)).toEqual({ text: '"theirs"' });
    const texts = [...storage.data.entries()].filter(([key]) => key.startsWith(PAYLOAD_KEY_PREFIX));
    expect(texts.map(([, text]) => text)).toEqual(['"theirs"']);
  });
});
