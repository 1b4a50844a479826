import { readLocal, writeLocal } from '../../../lib/storage/local-store.ts';

/**
 * The sample payload is kept per draft. Small payloads go to localStorage beside the drafts;
 * larger ones to IndexedDB, which holds far more and does not crowd out the drafts' room.
 * Every failure is reported, never thrown: a full disk must not break typing.
 */
export const LOCAL_PAYLOAD_MAX_CHARS = 2_000_000;

const DB_NAME = 'inlet-payloads';
const STORE = 'payloads';

export const payloadStorageKey = (draftId: string): string => `inlet.payload.v1.${draftId}`;

export type PayloadSaveResult = { ok: true } | { ok: false; message: string };

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

function removeLocal(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage blocked: nothing was kept there either.
  }
}

/** The saved payload of a draft, or undefined when none was saved (or storage is blocked). */
export async function loadPayload(draftId: string): Promise<string | undefined> {
  const key = payloadStorageKey(draftId);
  const local = readLocal(key);
  if (local !== undefined) return local;
  if (typeof indexedDB === 'undefined') return undefined;
  try {
    const stored = await request<unknown>((store) => store.get(key), 'readonly');
    return typeof stored === 'string' ? stored : undefined;
  } catch {
    return undefined;
  }
}

export async function savePayload(draftId: string, text: string): Promise<PayloadSaveResult> {
  const key = payloadStorageKey(draftId);
  if (text.length <= LOCAL_PAYLOAD_MAX_CHARS) {
    const written = writeLocal(key, text);
    if (written.ok) {
      if (typeof indexedDB !== 'undefined') {
        await request((store) => store.delete(key), 'readwrite').catch(() => undefined);
      }
      return { ok: true };
    }
    // localStorage is full: IndexedDB may still have room.
  }
  if (typeof indexedDB === 'undefined') {
    return {
      ok: false,
      message:
        'This browser cannot keep a payload this large, so it is not autosaved. Export it to keep it.',
    };
  }
  try {
    await request((store) => store.put(text, key), 'readwrite');
    removeLocal(key);
    return { ok: true };
  } catch {
    return {
      ok: false,
      message:
        "The browser's storage is full, so this payload is not autosaved. Export it to keep it.",
    };
  }
}
