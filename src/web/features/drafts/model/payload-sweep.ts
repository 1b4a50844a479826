import { DRAFT_KEY_PREFIX, LEGACY_DRAFTS_KEY, UNREADABLE_DRAFT_PREFIX } from './drafts-store.ts';
import { indexedPayloadKeys, PAYLOAD_KEY_PREFIX, removePayload } from './payload-blobs.ts';

/**
 * Payload texts no draft refers to any more. A new text is written under a new key before its
 * draft is pointed at it, and the old text is removed after; a tab closed in between (an
 * IndexedDB write or delete takes real time) leaves a text behind that nothing will ever read
 * — tens of MB, perhaps, of the browser's room. This finds them.
 *
 * A key is kept when any stored draft text names it (an unreadable draft or its backup too:
 * their text is searched, not parsed), when it is a draft's payload from before keys
 * (`inlet.payload.v1.<id>` while draft `<id>` exists, or while drafts from before revisions
 * wait to be moved over), and when it is younger than `minAgeMs`: another tab may have just
 * written it and not yet pointed its draft at it. Keys from before they carried a time count
 * as old.
 */
export const ORPHAN_MIN_AGE_MS = 10 * 60_000;
const LEGACY_PAYLOAD_PREFIX = 'inlet.payload.v1.';
const KEY_IN_TEXT = /inlet\.payload\.v[12]\.[^"\\]+/g;

export type PayloadPlaces = {
  /** Every localStorage key. */
  localKeys: readonly string[];
  localValue: (key: string) => string | undefined;
  /** Every IndexedDB payload key. */
  indexedKeys: readonly string[];
};

/** When the key was made, from the time it carries; undefined for keys without one. */
export function payloadKeyTime(key: string): number | undefined {
  const match = /\.t([0-9a-z]+)\.[^.]+$/.exec(key.slice(PAYLOAD_KEY_PREFIX.length));
  if (!key.startsWith(PAYLOAD_KEY_PREFIX) || !match?.[1]) return undefined;
  const time = parseInt(match[1], 36);
  return Number.isFinite(time) ? time : undefined;
}

export function orphanPayloadKeys(
  places: PayloadPlaces,
  now: number,
  minAgeMs = ORPHAN_MIN_AGE_MS,
): string[] {
  const named = new Set<string>();
  const draftIds = new Set<string>();
  for (const key of places.localKeys) {
    const isDraft = key.startsWith(DRAFT_KEY_PREFIX);
    if (isDraft) draftIds.add(key.slice(DRAFT_KEY_PREFIX.length));
    if (!isDraft && !key.startsWith(UNREADABLE_DRAFT_PREFIX) && key !== LEGACY_DRAFTS_KEY) continue;
    for (const match of (places.localValue(key) ?? '').matchAll(KEY_IN_TEXT)) named.add(match[0]);
  }
  const legacyWaiting = places.localKeys.includes(LEGACY_DRAFTS_KEY);
  const isOrphan = (key: string): boolean => {
    if (named.has(key)) return false;
    if (key.startsWith(LEGACY_PAYLOAD_PREFIX)) {
      return !legacyWaiting && !draftIds.has(key.slice(LEGACY_PAYLOAD_PREFIX.length));
    }
    if (!key.startsWith(PAYLOAD_KEY_PREFIX)) return false;
    const made = payloadKeyTime(key);
    return made === undefined || now - made >= minAgeMs;
  };
  return [...new Set([...places.localKeys, ...places.indexedKeys])].filter(isOrphan);
}

/** Removes the payload texts no draft refers to; returns how many it removed. */
export async function sweepOrphanPayloads(
  storage: Storage | undefined,
  now = Date.now(),
): Promise<number> {
  const indexedKeys = await indexedPayloadKeys();
  // Read localStorage after IndexedDB: a draft pointed at a new text meanwhile is then seen.
  const localKeys: string[] = [];
  try {
    for (let index = 0; storage && index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key !== null) localKeys.push(key);
    }
  } catch {
    return 0; // Storage blocked: there is nothing to compare with, so nothing is removed.
  }
  const orphans = orphanPayloadKeys(
    { localKeys, indexedKeys, localValue: (key) => storage?.getItem(key) ?? undefined },
    now,
  );
  for (const key of orphans) removePayload(storage, key);
  return orphans.length;
}
