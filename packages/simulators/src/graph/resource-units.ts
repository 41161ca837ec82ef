/** The resource-unit budget Entra applies per app and tenant over 10-second windows. */
export interface ResourceUnitMeter {
  /** Charges `units` to `appId`; `exceeded` means the request must be answered 429. */
  charge(
    appId: string,
    units: number,
    now: number,
  ): { percentage: number; exceeded: boolean; retryAfterSeconds: number };
}

/** The documented limit for a tenant of `users` users: 3,500 / 5,000 / 8,000 RU per 10 s. */
export function resourceUnitLimit(users: number): number {
  return users < 50 ? 3500 : users <= 500 ? 5000 : 8000;
}

/** Creates a meter with fixed 10-second windows (the real service's window is sliding). */
export function createResourceUnitMeter(limit: number): ResourceUnitMeter {
  const windows = new Map<string, { start: number; used: number }>();
  return {
    charge(appId, units, now) {
      const start = Math.floor(now / 10_000) * 10_000;
      let window = windows.get(appId);
      if (!window || window.start !== start) {
        window = { start, used: 0 };
        windows.set(appId, window);
      }
      const exceeded = window.used + units > limit;
      if (!exceeded) window.used += units;
      return {
        percentage: window.used / limit,
        exceeded,
        retryAfterSeconds: Math.max(1, Math.ceil((start + 10_000 - now) / 1000)),
      };
    },
  };
}
