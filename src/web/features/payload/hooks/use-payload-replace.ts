import { type RefObject, useCallback, useRef, useState } from 'react';
import type { LargeJsonEditorHandle } from '@web/lib/monaco/large-json-editor.tsx';
import { editorHasText } from '../model/editor-has-text.ts';

/** A replacement waiting for the user's answer: what would replace the payload. */
export type ReplaceRequest = { label: string; answer: (replace: boolean) => void };
/** The last replacement, while it can be undone: the text it replaced. */
export type ReplacedPayload = { label: string; previous: string; previousEdited: boolean };

/** The editor's version never matches this: the text counts as the user's own. */
const EDITED = -1;

/**
 * Replacing the whole payload (an import, "Load webhook_input") asks first when the text
 * has edits that did not come from the last load or import, and can be undone afterwards.
 * Which text is the user's is told by the editor's version: the one after the last
 * replacement is the baseline, any other means edits since. A payload restored from an
 * earlier visit counts as the user's (nothing says where it came from).
 */
export function usePayloadReplace({
  editorRef,
  restoredEdits,
  onReplaced,
}: {
  editorRef: RefObject<LargeJsonEditorHandle | null>;
  /** The editor opened with a stored payload (not the spec's webhook_input, not empty). */
  restoredEdits: boolean;
  /** After a replacement or its undo: what described the old text (import notes) goes. */
  onReplaced: () => void;
}) {
  const baselineRef = useRef(restoredEdits ? EDITED : 0);
  const programmaticRef = useRef(false);
  const [request, setRequest] = useState<ReplaceRequest | undefined>();
  const [replaced, setReplaced] = useState<ReplacedPayload | undefined>();
  const replacedRef = useRef(replaced);

  const put = useCallback(
    (text: string, edited: boolean) => {
      const editor = editorRef.current;
      if (!editor) return;
      programmaticRef.current = true;
      try {
        editor.replaceText(text);
      } finally {
        programmaticRef.current = false;
      }
      baselineRef.current = edited ? EDITED : editor.textLength().version;
    },
    [editorRef],
  );

  const showReplaced = (next: ReplacedPayload | undefined) => {
    replacedRef.current = next;
    setReplaced(next);
  };

  /**
   * Replaces the payload with `text` (`label` says what it is, "leads.csv"), asking first
   * when the current text has the user's edits; resolves to whether it was replaced.
   */
  const replaceWith = (text: string, label: string): Promise<boolean> => {
    const editor = editorRef.current;
    if (!editor) return Promise.resolve(false);
    // The version first: the text is read (when short) only for edits since the baseline.
    const edited = editor.textLength().version !== baselineRef.current && editorHasText(editor);
    const confirmed = edited
      ? new Promise<boolean>((resolve) => {
          setRequest({
            label,
            answer: (replace) => {
              setRequest(undefined);
              resolve(replace);
            },
          });
        })
      : Promise.resolve(true);
    return confirmed.then((replace) => {
      if (!replace) return false;
      // Read again: the text may have changed while the question was open. Read once, and
      // only when there is text to give back with "Undo".
      const now = editorRef.current;
      const previous = now && editorHasText(now) ? now.snapshot() : undefined;
      const previousEdited = previous !== undefined && previous.version !== baselineRef.current;
      put(text, false);
      onReplaced();
      showReplaced(previous ? { label, previous: previous.text, previousEdited } : undefined);
      return true;
    });
  };

  const undo = () => {
    const last = replacedRef.current;
    if (!last) return;
    put(last.previous, last.previousEdited);
    showReplaced(undefined);
    onReplaced();
  };

  /** Each content change: an edit of the user's own ends the chance to undo a replacement. */
  const noteChange = useCallback(() => {
    if (programmaticRef.current || !replacedRef.current) return;
    replacedRef.current = undefined;
    setReplaced(undefined);
  }, []);

  return {
    request,
    replaced,
    replaceWith,
    undo,
    dismissReplaced: () => {
      showReplaced(undefined);
    },
    noteChange,
    /** Whether the change now being announced is one of ours (a load, an undo). */
    isProgrammatic: () => programmaticRef.current,
  };
}
