import type { KeyValueStorage } from '@web/lib/storage/revisioned-store.ts';

/**
 * Where a draft's sample payload text lies. The draft document holds only the key (so a
 * draft write never re-serialises tens of MB); the text is one value of its own. Small
 * payloads go to localStorage beside the drafts; larger ones to IndexedDB, which holds far
 * more and does not crowd out the drafts' room. A new text goes under a new key and the
 * draft is then pointed at it with a compare-and-set, so a text another tab still refers to
 * is never overwritten. Every failure is reported, never thrown: a full disk must not break
 * typing.
 */
export const LOCAL_PAYLOAD_MAX_CHARS = 2_000_000;
export const PAYLOAD_KEY_PREFIX = 'inlet.payload.v2.';
/** Before revisions: one payload per draft id, written over in place. */
export const legacyPayloadKey = (draftId: string): string => `inlet.payload.v1.${draftId}`;

const DB_NAME = 'inlet-payloads';
const STORE = 'payloads';

export type PayloadWriteResult = { ok: true } | { ok: false; message: string };

const hasIndexedDb = (): boolean => typeof indexedDB !== 'undefined';

function request<T>(
  run: (store: IDBObjectStore) => IDBRequest<T>,
  mode: IDBTransactionMode,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore(STORE);
    };
    open.onerror = () => {
      reject(open.error ?? new Error('IndexedDB could not be opened.'));
    };
    open.onsuccess = () => {
      const db = open.result;
      try {
        const transaction = db.transaction(STORE, mode);
        const pending = run(transaction.objectStore(STORE));
        transaction.oncomplete = () => {
          db.close();
          resolve(pending.result);
        };
        transaction.onerror = transaction.onabort = () => {
          db.close();
          reject(transaction.error ?? new Error('IndexedDB refused the write.'));
        };
      } catch (error) {
        db.close();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
  });
}

/** The text under `key` in localStorage, at once; undefined when not there. */
export function readPayloadNow(storage: KeyValueStorage | undefined, key: string) {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `readPayload` may find more than `readPayloadNow` did: only IndexedDB can say, and
 * only where there is one.
 */
export const mayHoldMore = hasIndexedDb;

/** The text under `key`: localStorage first, then IndexedDB; undefined when neither has it. */
export async function readPayload(
  storage: KeyValueStorage | undefined,
  key: string,
): Promise<string | undefined> {
  const local = readPayloadNow(storage, key);
  if (local !== undefined || !hasIndexedDb()) return local;
  try {
    const stored = await request<unknown>((store) => store.get(key), 'readonly');
    return typeof stored === 'string' ? stored : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stores `text` under `key`. The localStorage write (the usual, small case) happens before
 * this returns, so a save started while the page is hidden or closed is not lost.
 */
export function writePayload(
  storage: KeyValueStorage | undefined,
  key: string,
  text: string,
): Promise<PayloadWriteResult> {
  if (storage && text.length <= LOCAL_PAYLOAD_MAX_CHARS) {
    try {
      storage.setItem(key, text);
      return Promise.resolve({ ok: true });
    } catch {
      // localStorage is full: IndexedDB may still have room.
    }
  }
  if (!hasIndexedDb()) {
    return Promise.resolve({
      ok: false,
      message:
        'This browser cannot keep a payload this large, so it is not autosaved. Export it to keep it.',
    });
  }
  return request((store) => store.put(text, key), 'readwrite').then(
    (): PayloadWriteResult => ({ ok: true }),
    (): PayloadWriteResult => ({
      ok: false,
      message:
        "The browser's storage is full, so this payload is not autosaved. Export it to keep it.",
    }),
  );
}

/** Every key IndexedDB holds a payload under; empty where there is none or it cannot be read. */
export async function indexedPayloadKeys(): Promise<string[]> {
  if (!hasIndexedDb()) return [];
  try {
    const keys = await request((store) => store.getAllKeys(), 'readonly');
    return keys.filter((key): key is string => typeof key === 'string');
  } catch {
    return [];
  }
}

/** Removes the text under `key` wherever it lies (a text no draft refers to any more). */
export function removePayload(storage: KeyValueStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Storage blocked: nothing was kept there either.
  }
  if (hasIndexedDb()) {
    void request((store) => store.delete(key), 'readwrite').catch(() => undefined);
  }
}
