import { z } from "zod";

/** The mass-deactivation guard: Entra provisioning's accidental-deletion prevention, for every connector. */
export interface DeactivationGuardOptions {
  /** Largest share of the integration's active linked users one run may deactivate. Default 0.2 (20%). */
  maxShare?: number;
  /** Deactivations below this count are never blocked. Default 10. */
  minCount?: number;
}

/** The schema of {@link DeactivationGuardOptions}: a share from 0 to 1 and a whole count from 0. */
export const deactivationGuardSchema: z.ZodType<DeactivationGuardOptions> = z
  .object({
    maxShare: z.number().min(0).max(1).optional(),
    minCount: z.number().int().min(0).max(1_000_000_000).optional(),
  })
  .strict();

/** What the guard decided. */
export interface GuardDecision {
  blocked: boolean;
  pending: number;
  managed: number;
  threshold: number;
}

/**
 * The guard of one integration: its own limits where it sets them, the hub's for the rest, then the defaults.
 */
export function resolveGuard(
  hub: DeactivationGuardOptions | undefined,
  integration: DeactivationGuardOptions | undefined,
): DeactivationGuardOptions {
  return { ...hub, ...integration };
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
