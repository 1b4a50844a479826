import type { LargeJsonEditorHandle } from '@web/lib/monaco/large-json-editor.tsx';

/** Texts up to this length are read to tell whitespace from text; longer ones count as text. */
const READ_UP_TO_CHARS = 64 * 1024;

/**
 * Whether the editor holds more than whitespace, without reading a large text: Monaco builds
 * the whole text for a snapshot, and at 100k rows (32 MB) building and flattening it took
 * 100–150 ms of the main thread. A text over 64k characters of whitespace alone counts as text
 * (the user is asked before it is replaced, nothing is lost).
 */
export function editorHasText(editor: Pick<LargeJsonEditorHandle, 'textLength' | 'snapshot'>) {
  const { length } = editor.textLength();
  if (length === 0) return false;
  return length > READ_UP_TO_CHARS || editor.snapshot().text.trim() !== '';
}
