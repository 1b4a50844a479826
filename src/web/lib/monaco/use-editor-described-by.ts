import type { editor as MonacoEditor } from 'monaco-editor/editor';
import { type RefObject, useEffect } from 'react';

/**
 * Screen readers: ties the editor's input element to the visible message about its state
 * (`aria-describedby`). `ready` changes once the editor exists, so the effect runs again then.
 */
export function useEditorDescribedBy(
  editorRef: RefObject<MonacoEditor.IStandaloneCodeEditor | undefined>,
  ready: unknown,
  describedBy: string | undefined,
): void {
  useEffect(() => {
    const input = editorRef.current?.getDomNode()?.querySelector('textarea, [role="textbox"]');
    if (!input) return;
    if (describedBy) input.setAttribute('aria-describedby', describedBy);
    else input.removeAttribute('aria-describedby');
  }, [editorRef, ready, describedBy]);
}
