import type { CasResult, KeyValueStorage } from '@web/lib/storage/revisioned-store.ts';
import { type Draft, newId, payloadKeyOf, type StoredDraft, writeDraft } from './drafts-store.ts';
import {
  mayHoldMore,
  PAYLOAD_KEY_PREFIX,
  readPayload,
  readPayloadNow,
  removePayload,
  writePayload,
} from './payload-blobs.ts';

/**
 * A draft's payload as read: its text (undefined: none stored, the editor starts from the
 * spec's webhook_input) and, for a draft saved before payloads were part of it, the old
 * place the text was found in, which the draft is then pointed at (`linkLegacyPayload`).
 */
export type PayloadRead = { text: string | undefined; legacyKey?: string };

const found = (draft: Draft, text: string | undefined): PayloadRead =>
  text !== undefined && draft.payload === undefined
    ? { text, legacyKey: payloadKeyOf(draft) }
    : { text };

/** The payload if localStorage can tell at once; undefined when only IndexedDB can say. */
export function readDraftPayloadNow(
  storage: KeyValueStorage | undefined,
  draft: Draft,
): PayloadRead | undefined {
  const text = readPayloadNow(storage, payloadKeyOf(draft));
  if (text === undefined && mayHoldMore()) return undefined;
  return found(draft, text);
}

export async function readDraftPayload(
  storage: KeyValueStorage | undefined,
  draft: Draft,
): Promise<PayloadRead> {
  return found(draft, await readPayload(storage, payloadKeyOf(draft)));
}

/**
 * A fresh key for a new text of this draft's payload. It carries the time it was made, so a
 * sweep can tell a text another tab has just written (and is about to point its draft at)
 * from one a closed tab left behind (see `payload-sweep.ts`).
 */
export const newPayloadKey = (draftId: string, now = Date.now()): string =>
  `${PAYLOAD_KEY_PREFIX}${draftId}.t${now.toString(36)}.${newId()}`;

/** The draft pointing at the payload text under `key`. */
export const withPayloadKey = (draft: Draft, key: string): Draft => ({
  ...draft,
  payload: { key },
});

/**
 * Moves a draft saved before payloads were part of it over: the draft now names the key its
 * text already lies under, so nothing (tens of MB perhaps) is copied. A compare-and-set like
 * any save; the content counts as unchanged (`payloadKeyOf`), so other tabs adopt it.
 */
export function linkLegacyPayload(
  storage: KeyValueStorage | undefined,
  draft: Draft,
  base: number | undefined,
  legacyKey: string,
): { draft: Draft; result: CasResult<Draft> } {
  const linked = withPayloadKey(draft, legacyKey);
  return { draft: linked, result: writeDraft(storage, linked, base) };
}

export type PayloadSave =
  | { kind: 'saved'; draft: Draft; revision: number }
  | { kind: 'conflict'; theirs: StoredDraft | undefined }
  | { kind: 'failed'; message: string };

/**
 * Saves a new payload text: first the text under a new key, then the draft pointed at it
 * with a compare-and-set on the revision `current()` gives when the text is in (it is read
 * then, not before: other edits may have been saved meanwhile). The old text goes once
 * nothing refers to it; a refused draft write takes its new text back out.
 */
export async function savePayloadText(
  storage: KeyValueStorage | undefined,
  draftId: string,
  text: string,
  current: () => { draft: Draft; base: number | undefined },
): Promise<PayloadSave> {
  const key = newPayloadKey(draftId);
  const stored = await writePayload(storage, key, text);
  if (!stored.ok) return { kind: 'failed', message: stored.message };
  const { draft, base } = current();
  const next = { ...withPayloadKey(draft, key), updatedAt: Date.now() };
  const written = writeDraft(storage, next, base);
  if (written.ok) {
    const previous = payloadKeyOf(draft);
    if (previous !== key) removePayload(storage, previous);
    return { kind: 'saved', draft: next, revision: written.revision };
  }
  removePayload(storage, key);
  return written.reason === 'conflict'
    ? { kind: 'conflict', theirs: written.theirs }
    : { kind: 'failed', message: written.message };
}
