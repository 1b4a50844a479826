import { useEffect, useRef } from 'react';

/**
 * Ctrl+Enter (Cmd+Enter on macOS) anywhere on the page runs the test. Listens in the capture
 * phase so an editor's own Ctrl+Enter (Monaco inserts a line) does not swallow it.
 */
export function useRunShortcut(onRun: () => void, enabled: boolean): void {
  const latest = useRef(onRun);
  useEffect(() => {
    latest.current = onRun;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      if (event.altKey || event.shiftKey) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current();
    };
    window.addEventListener('keydown', handleKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', handleKeyDown, { capture: true });
    };
  }, [enabled]);
}
