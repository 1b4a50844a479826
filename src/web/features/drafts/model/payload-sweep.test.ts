import { describe, expect, it } from 'vitest';
import { newPayloadKey, savePayloadText } from './draft-payload.ts';
import {
  createDraft,
  draftKey,
  readDraft,
  UNREADABLE_DRAFT_PREFIX,
  writeDraft,
} from './drafts-store.ts';
import { legacyPayloadKey, PAYLOAD_KEY_PREFIX } from './payload-blobs.ts';
import { ORPHAN_MIN_AGE_MS, payloadKeyTime, sweepOrphanPayloads } from './payload-sweep.ts';

/** A localStorage in memory, with the enumeration the sweep needs. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (index) => [...data.keys()][index] ?? null,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
    removeItem: (key) => {
      data.delete(key);
    },
    clear: () => {
      data.clear();
    },
  };
}

const HOUR = 3_600_000;

describe('sweeping payload texts no draft refers to', () => {
  it('keys carry the time they were made', () => {
    expect(payloadKeyTime(newPayloadKey('d1', 1_700_000_000_000))).toBe(1_700_000_000_000);
    expect(payloadKeyTime(`${PAYLOAD_KEY_PREFIX}d1.0b5e1c2a-uuid`)).toBeUndefined();
  });

  it("removes old texts nothing names, and keeps every draft's text and fresh writes", async () => {
    const storage = memoryStorage();
    const now = Date.now();
    const draft = createDraft('Leads');
    writeDraft(storage, draft, undefined);
    const saved = await savePayloadText(storage, draft.id, '[{"a":1}]', () => ({
      draft,
      base: readDraft(storage, draft.id)?.revision,
    }));
    expect(saved.kind).toBe('saved');
    const inUse = saved.kind === 'saved' ? saved.draft.payload?.key : undefined;

    const leftBehind = newPayloadKey(draft.id, now - 2 * HOUR);
    const beforeTimes = `${PAYLOAD_KEY_PREFIX}${draft.id}.0b5e1c2a-old`;
    const justWritten = newPayloadKey('other-tab-draft', now - 1000);
    const namedByUnreadable = newPayloadKey('broken', now - 2 * HOUR);
    const legacyOfDraft = legacyPayloadKey(draft.id);
    const legacyOfNone = legacyPayloadKey('deleted-draft');
    for (const key of [leftBehind, beforeTimes, justWritten, namedByUnreadable]) {
      storage.setItem(key, '[]');
    }
    storage.setItem(legacyOfDraft, '[]');
    storage.setItem(legacyOfNone, '[]');
    storage.setItem(
      draftKey('broken'),
      `{"revision":1,"value":{"payload":{"key":"${namedByUnreadable}"`,
    );
    storage.setItem(`${UNREADABLE_DRAFT_PREFIX}1.x`, 'not json');

    expect(await sweepOrphanPayloads(storage, now)).toBe(3);
    const left = (key: string | undefined) => key !== undefined && storage.getItem(key) !== null;
    expect(left(inUse)).toBe(true);
    expect(left(justWritten)).toBe(true);
    expect(left(namedByUnreadable)).toBe(true);
    expect(left(legacyOfDraft)).toBe(true);
    expect(left(leftBehind)).toBe(false);
    expect(left(beforeTimes)).toBe(false);
    expect(left(legacyOfNone)).toBe(false);
  });

  it('a text written just now is swept once it is old enough, not before', async () => {
    const storage = memoryStorage();
    const now = Date.now();
    const key = newPayloadKey('d', now);
    storage.setItem(key, '[]');
    expect(await sweepOrphanPayloads(storage, now + ORPHAN_MIN_AGE_MS - 1)).toBe(0);
    expect(await sweepOrphanPayloads(storage, now + ORPHAN_MIN_AGE_MS)).toBe(1);
  });

  it('leaves texts of old drafts waiting to be moved over', async () => {
    const storage = memoryStorage();
    storage.setItem('inlet.drafts.v1', '{"activeId":"a","drafts":[]}');
    storage.setItem(legacyPayloadKey('a'), '[]');
    expect(await sweepOrphanPayloads(storage)).toBe(0);
  });
});
