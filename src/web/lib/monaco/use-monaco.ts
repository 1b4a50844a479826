import { useEffect, useState } from 'react';
import { loadMonaco, type MonacoApi } from './load-monaco.ts';
import { errorMessage } from '@core/error-message.ts';

export type MonacoState =
  | { status: 'loading' }
  | { status: 'ready'; api: MonacoApi }
  | { status: 'error'; message: string };

/** Monaco, once loaded; components render a plain fallback meanwhile. */
export function useMonaco(): MonacoState {
  const [state, setState] = useState<MonacoState>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    loadMonaco().then(
      (api) => {
        if (alive) setState({ status: 'ready', api });
      },
      (error: unknown) => {
        if (alive)
          setState({
            status: 'error',
            message: errorMessage(error),
          });
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  return state;
}
