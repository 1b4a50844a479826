import { useEffect, useRef } from 'react';

export type GlobalShortcuts = { palette: () => void; shortcuts: () => void };

/**
 * Ctrl/Cmd+K opens the command palette and Ctrl/Cmd+/ the shortcut list, wherever focus is.
 * In the capture phase: an editor would otherwise take Ctrl+K (Monaco's chord prefix) and
 * Ctrl+/ (toggle comment) for itself.
 */
export function useGlobalShortcuts(handlers: GlobalShortcuts): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'k' && key !== '/') return;
      event.preventDefault();
      event.stopPropagation();
      if (key === 'k') latest.current.palette();
      else latest.current.shortcuts();
    };
    window.addEventListener('keydown', handleKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', handleKeyDown, { capture: true });
    };
  }, []);
}
