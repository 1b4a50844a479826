import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/**
 * One polite live region for the app: moves, removals, copies and saves are announced to
 * screen readers without moving focus.
 */
export function LiveRegionProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState({ text: '', seq: 0 });
  const announce = useCallback<Announce>((text) => {
    setMessage((previous) => ({ text, seq: previous.seq + 1 }));
  }, []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {/* A changing key makes the same sentence twice be read twice. */}
        <span key={message.seq}>{message.text}</span>
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
