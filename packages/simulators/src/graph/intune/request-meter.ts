/** A request-count budget per app over fixed windows, as Intune's throttling limits are stated. */
export interface RequestMeter {
  /** Counts one request of `appId`; `exceeded` means it must be answered 429. */
  charge(appId: string, now: number): { exceeded: boolean; retryAfterSeconds: number; used: number };
}

/** Creates a meter allowing `limit` requests per app in each `windowMs` window (Intune: 20 s). */
export function createRequestMeter(limit: number, windowMs: number): RequestMeter {
  const windows = new Map<string, { start: number; used: number }>();
  return {
    charge(appId, now) {
      const start = Math.floor(now / windowMs) * windowMs;
      let window = windows.get(appId);
      if (!window || window.start !== start) {
        window = { start, used: 0 };
        windows.set(appId, window);
      }
      const exceeded = window.used >= limit;
      if (!exceeded) window.used++;
      return {
        exceeded,
        used: window.used,
        retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)),
      };
    },
  };
}
