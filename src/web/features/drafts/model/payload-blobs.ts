import { z } from 'zod';
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

/**
 * A large text goes into IndexedDB in pieces of this many characters, each put from the
 * previous one's success event, so each is a task of its own: one put of a 32 MB string (100k
 * rows) cloned it for 110–170 ms of the main thread at every autosave; a piece takes a few ms.
 * The pieces and the record naming them are written in one transaction, so a text is there
 * whole or not at all.
 */
const PIECE_CHARS = 1_000_000;
/** Pieces lie under their text's key, this separator and a zero-padded index (sorted). */
const PIECE_SEPARATOR = '\u0000';
const pieceKey = (key: string, index: number): string =>
  `${key}${PIECE_SEPARATOR}${String(index).padStart(6, '0')}`;
const piecesOf = (key: string): IDBKeyRange =>
  IDBKeyRange.bound(`${key}${PIECE_SEPARATOR}`, `${key}\u0001`, false, true);
/** What the text's own key holds when the text is in pieces. */
const piecesRecordSchema = z.object({ pieces: z.number().int().nonnegative(), length: z.number() });

/** Runs `write` in one readwrite transaction; resolves once it committed. */
const writeTransaction = (write: (store: IDBObjectStore) => void): Promise<void> =>
  transact('readwrite', (store) => {
    write(store);
    return () => undefined;
  });

/** Puts `text` in pieces under `key`, one piece per task, then the record that names them. */
function writePieces(key: string, text: string): Promise<void> {
  const count = Math.ceil(text.length / PIECE_CHARS);
  return writeTransaction((store) => {
    const put = (index: number): void => {
      if (index === count) {
        store.put({ pieces: count, length: text.length }, key);
        return;
      }
      const piece = text.slice(index * PIECE_CHARS, (index + 1) * PIECE_CHARS);
      store.put(piece, pieceKey(key, index)).onsuccess = () => {
        put(index + 1);
      };
    };
    put(0);
  });
}

/**
 * Opens the store, runs `work` in one transaction of `mode`, and resolves with what the getter
 * `work` returned reads once the transaction committed.
 */
function transact<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => () => T,
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
        const result = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => {
          db.close();
          resolve(result());
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

/** One request's result, once its transaction committed. */
const request = <T>(
  run: (store: IDBObjectStore) => IDBRequest<T>,
  mode: IDBTransactionMode,
): Promise<T> =>
  transact(mode, (store) => {
    const pending = run(store);
    return () => pending.result;
  });

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
    // A text stored whole (before pieces, or by an older tab).
    if (typeof stored === 'string') return stored;
    const record = piecesRecordSchema.safeParse(stored);
    if (!record.success) return undefined;
    const pieces = await request<unknown[]>((store) => store.getAll(piecesOf(key)), 'readonly');
    const text = pieces.every((piece) => typeof piece === 'string') ? pieces.join('') : '';
    return pieces.length === record.data.pieces && text.length === record.data.length
      ? text
      : undefined;
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
  return writePieces(key, text).then(
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
    // A text's pieces go with its own key (removePayload removes them).
    return keys.filter(
      (key): key is string => typeof key === 'string' && !key.includes(PIECE_SEPARATOR),
    );
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
    void writeTransaction((store) => {
      store.delete(key);
      store.delete(piecesOf(key));
    }).catch(() => undefined);
  }
}
