import { useCallback, useEffect, useRef, useState } from 'react';
import { readLocal } from '../../../lib/storage/local-store.ts';
import {
  LOCAL_PAYLOAD_MAX_CHARS,
  loadPayload,
  payloadStorageKey,
  savePayload,
} from '../model/payload-storage.ts';

const SAVE_DELAY_MS = 400;
const LARGE_SAVE_DELAY_MS = 2_000;

/**
 * Keeps a draft's sample payload across reloads. `initialText` is what localStorage holds
 * (read at once, so the editor opens with it); a large payload kept in IndexedDB arrives
 * through `onLoaded`. Saving never throws: a failure becomes `saveProblem`.
 */
export function usePayloadStorage(draftId: string, onLoaded: (text: string) => void) {
  const [initialText] = useState(() => readLocal(payloadStorageKey(draftId)));
  const [saveProblem, setSaveProblem] = useState<string | undefined>();
  const timerRef = useRef<number | undefined>(undefined);
  const unsavedRef = useRef<string | undefined>(undefined);
  const lastSavedRef = useRef(initialText);
  const onLoadedRef = useRef(onLoaded);
  useEffect(() => {
    onLoadedRef.current = onLoaded;
  });

  useEffect(() => {
    if (initialText !== undefined) return undefined;
    let alive = true;
    void loadPayload(draftId).then((text) => {
      if (alive && text !== undefined) {
        lastSavedRef.current = text;
        onLoadedRef.current(text);
      }
    });
    return () => {
      alive = false;
    };
  }, [draftId, initialText]);

  const flush = useCallback(() => {
    if (timerRef.current !== undefined) window.clearTimeout(timerRef.current);
    timerRef.current = undefined;
    const text = unsavedRef.current;
    if (text === undefined) return;
    unsavedRef.current = undefined;
    lastSavedRef.current = text;
    void savePayload(draftId, text).then((result) => {
      setSaveProblem(result.ok ? undefined : result.message);
    });
  }, [draftId]);

  const save = useCallback(
    (text: string) => {
      if (text === lastSavedRef.current) return;
      unsavedRef.current = text;
      if (timerRef.current !== undefined) window.clearTimeout(timerRef.current);
      const delay = text.length > LOCAL_PAYLOAD_MAX_CHARS ? LARGE_SAVE_DELAY_MS : SAVE_DELAY_MS;
      timerRef.current = window.setTimeout(flush, delay);
    },
    [flush],
  );

  // Save what is pending when the page goes away or the draft is switched.
  useEffect(() => {
    const handleHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', handleHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', handleHide);
      flush();
    };
  }, [flush]);

  return { initialText, save, saveProblem };
}
