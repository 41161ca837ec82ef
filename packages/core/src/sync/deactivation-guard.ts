/** The mass-deactivation guard: Entra provisioning's accidental-deletion prevention, for every connector. */
export interface DeactivationGuardOptions {
  /** Largest share of the integration's active linked users one run may deactivate. Default 0.2 (20%). */
  maxShare?: number;
  /** Deactivations below this count are never blocked. Default 10. */
  minCount?: number;
}

/** What the guard decided. */
export interface GuardDecision {
  blocked: boolean;
  pending: number;
  managed: number;
  threshold: number;
}

/** Decides whether `pending` deactivations out of `managed` active linked users may be applied. */
export function decideDeactivations(
  pending: number,
  managed: number,
  options: DeactivationGuardOptions = {},
): GuardDecision {
  const maxShare = options.maxShare ?? 0.2;
  const minCount = options.minCount ?? 10;
  const threshold = Math.max(minCount, Math.floor(managed * maxShare));
  return { blocked: pending > threshold, pending, managed, threshold };
}
