/**
 * The grid slot at `now`: the latest `anchor + k * intervalMs` (k a whole number, negative before the anchor)
 * that is not after `now`. Pure.
 *
 * @example
 * ```ts
 * slotAt(new Date("2024-01-01T00:00:00Z"), 3_600_000, new Date("2024-01-01T05:30:00Z")); // 05:00
 * ```
 */
export function slotAt(anchor: Date, intervalMs: number, now: Date): Date {
  const start = anchor.getTime();
  const steps = Math.floor((now.getTime() - start) / intervalMs);
  return new Date(start + steps * intervalMs);
}
