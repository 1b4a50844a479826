/** A save another tab made: which document, and as which revision (undefined: deleted). */
export type ChangeNotice = { key: string; revision: number | undefined };

/**
 * Tells the other tabs of this origin about saves at once, and hears theirs: a
 * BroadcastChannel where the browser has one, else the `storage` event (which fires in
 * every other tab when localStorage changes). Both may deliver the same save; listeners
 * compare revisions, so a repeat is harmless.
 */
export function createChangeFeed(name: string, keyPrefix: string) {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
  return {
    publish(notice: ChangeNotice): void {
      channel?.postMessage(notice);
    },
    subscribe(listener: (notice: ChangeNotice) => void): () => void {
      const handleMessage = (event: MessageEvent<unknown>) => {
        const data = event.data;
        if (typeof data !== 'object' || data === null || !('key' in data)) return;
        const { key } = data;
        const revision = 'revision' in data ? data.revision : undefined;
        if (typeof key !== 'string') return;
        listener({ key, revision: typeof revision === 'number' ? revision : undefined });
      };
      const handleStorage = (event: StorageEvent) => {
        if (event.key === null || !event.key.startsWith(keyPrefix)) return;
        listener({ key: event.key, revision: readRevision(event.newValue) });
      };
      channel?.addEventListener('message', handleMessage);
      window.addEventListener('storage', handleStorage);
      return () => {
        channel?.removeEventListener('message', handleMessage);
        window.removeEventListener('storage', handleStorage);
      };
    },
    close(): void {
      channel?.close();
    },
  };
}

function readRevision(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && 'revision' in parsed) {
      return typeof parsed.revision === 'number' ? parsed.revision : undefined;
    }
  } catch {
    // Not ours.
  }
  return undefined;
}
