import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useDebounced } from '@web/lib/use-debounced.ts';
import type { UpstreamStatusResponse } from '@core/wire/session.ts';
import { errorMessage } from './api-error.ts';
import { type Connection, TARGET_BASE_PATHS, type Target, typedKeyProblem } from './connection.ts';
import { getSessionQueryOptions } from './get-session.ts';
import { getUpstreamStatusQueryOptions } from './get-upstream-status.ts';

/** The only place a typed key is kept beyond memory, and only when the user opts in. */
const SESSION_KEY_ITEM = 'inlet.sixtyfour-api-key';

const readSessionKey = (): string | undefined => {
  try {
    return window.sessionStorage.getItem(SESSION_KEY_ITEM) ?? undefined;
  } catch {
    return undefined;
  }
};

const writeSessionKey = (key: string | undefined): void => {
  try {
    if (key === undefined) window.sessionStorage.removeItem(SESSION_KEY_ITEM);
    else window.sessionStorage.setItem(SESSION_KEY_ITEM, key);
  } catch {
    // Blocked storage: the key stays in memory only, which is the default anyway.
  }
};

export type ConnectionState = {
  connection: Connection;
  target: Target;
  setTarget: (target: Target) => void;
  /**
   * Where a script finds the sandbox key (its file, or INLET_API_KEY). The page never holds
   * the key: its calls carry the UI's session cookie, set with the page.
   */
  sandboxKeyLocation: string | undefined;
  upstream: UpstreamStatusResponse | undefined;
  /** Why the connection is not ready, in one sentence. */
  problem: string | undefined;
  userKey: string;
  setUserKey: (key: string) => void;
  rememberKey: boolean;
  setRememberKey: (remember: boolean) => void;
};

const ConnectionContext = createContext<ConnectionState | undefined>(undefined);

/** A typed key is used once typing has paused, so half a key is never sent. */
const KEY_SETTLE_MS = 300;

/** Whether a query's key is of the live target (the features' roots: `[feature, target, …]`). */
const isLiveQuery = (queryKey: readonly unknown[]): boolean => queryKey[1] === 'sixtyfour';

/** Target choice and API keys for the whole app; keys never go to localStorage or URLs. */
export function ConnectionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Target>('sandbox');
  const [userKey, setUserKeyState] = useState(() => readSessionKey() ?? '');
  const [rememberKey, setRememberKeyState] = useState(() => readSessionKey() !== undefined);
  const session = useQuery(getSessionQueryOptions());
  const upstream = useQuery({
    ...getUpstreamStatusQueryOptions(),
    enabled: target === 'sixtyfour',
  });

  const setUserKey = useCallback(
    (key: string) => {
      setUserKeyState(key);
      if (rememberKey) writeSessionKey(key === '' ? undefined : key);
    },
    [rememberKey],
  );
  const setRememberKey = useCallback(
    (remember: boolean) => {
      setRememberKeyState(remember);
      writeSessionKey(remember && userKey !== '' ? userKey : undefined);
    },
    [userKey],
  );

  const settledKey = useDebounced(userKey.trim(), KEY_SETTLE_MS);
  // Answers to another key (a 401 to a wrong one, or another account's workflows) are not
  // this key's: a new key asks the live target again.
  const lastKey = useRef(settledKey);
  useEffect(() => {
    if (lastKey.current === settledKey) return;
    lastKey.current = settledKey;
    void queryClient.resetQueries({ predicate: (query) => isLiveQuery(query.queryKey) });
  }, [settledKey, queryClient]);

  const value = useMemo<ConnectionState>(() => {
    const sandboxKeyLocation = session.data?.sandbox_key_location;
    const base = { target, basePath: TARGET_BASE_PATHS[target] };
    let connection: Connection;
    let problem: string | undefined;
    if (target === 'sandbox') {
      connection = { ...base, apiKey: undefined, ready: session.isSuccess };
      if (session.isError) problem = `No access to the sandbox: ${errorMessage(session.error)}`;
      else if (!session.isSuccess) problem = 'Connecting to the sandbox…';
    } else if (upstream.data?.server_has_key) {
      connection = { ...base, apiKey: undefined, ready: true };
    } else {
      const typed = settledKey;
      const keyProblem = typedKeyProblem(typed);
      connection = {
        ...base,
        apiKey: typed === '' || keyProblem !== undefined ? undefined : typed,
        ready: typed !== '' && keyProblem === undefined,
      };
      if (keyProblem !== undefined) problem = keyProblem;
      else if (upstream.isError) {
        problem = `Could not ask the server about Sixtyfour: ${errorMessage(upstream.error)}`;
      } else if (!upstream.data) problem = 'Asking the server about Sixtyfour…';
      else if (userKey.trim() === '') {
        problem = 'Enter your Sixtyfour API key to use the live API.';
      }
    }
    return {
      connection,
      target,
      setTarget,
      sandboxKeyLocation,
      upstream: upstream.data,
      problem,
      userKey,
      setUserKey,
      rememberKey,
      setRememberKey,
    };
  }, [
    target,
    session.data,
    session.isSuccess,
    session.isError,
    session.error,
    upstream.data,
    upstream.isError,
    upstream.error,
    userKey,
    settledKey,
    setUserKey,
    rememberKey,
    setRememberKey,
  ]);
  return <ConnectionContext.Provider value={value}>{children}</ConnectionContext.Provider>;
}

export function useConnection(): ConnectionState {
  const state = useContext(ConnectionContext);
  if (!state) throw new Error('useConnection needs a ConnectionProvider above it.');
  return state;
}
