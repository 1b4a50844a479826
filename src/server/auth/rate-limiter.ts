/** One minute's window of requests per API key (contract, "Limits"). */
export type RateDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
};

const WINDOW_MS = 60_000;

/** A fixed-window limiter per key; `limitPerMinute` 0 turns it off. */
export function createRateLimiter(limitPerMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    enabled: limitPerMinute > 0,
    take(key: string): RateDecision {
      const time = now();
      let window = windows.get(key);
      if (!window || time - window.start >= WINDOW_MS) {
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - time) / 1000));
      if (window.count >= limitPerMinute) {
        return { allowed: false, limit: limitPerMinute, remaining: 0, retryAfterSeconds };
      }
      window.count++;
      return {
        allowed: true,
        limit: limitPerMinute,
        remaining: limitPerMinute - window.count,
        retryAfterSeconds,
      };
    },
  };
}
