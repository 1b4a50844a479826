import type * as MonacoRuntime from './monaco-runtime.ts';

export type MonacoApi = typeof MonacoRuntime;

let loading: Promise<MonacoApi> | undefined;

/** Loads Monaco once, on first use; every later call gets the same module. */
export function loadMonaco(): Promise<MonacoApi> {
  loading ??= import('./monaco-runtime.ts').catch((error: unknown) => {
    // Let a later editor try again (a chunk can fail to load on a flaky connection).
    loading = undefined;
    throw error;
  });
  return loading;
}
