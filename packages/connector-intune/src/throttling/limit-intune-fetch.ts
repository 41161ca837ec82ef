import { type RetryPolicy, retryDelay } from "@uslimato/core/connector";
import type { IntuneBudgets, IntuneService } from "./create-intune-budgets";

/** The Intune service a Graph path belongs to, or `undefined` for an Entra path. */
function intuneServiceOf(pathname: string): IntuneService | undefined {
  if (/\/deviceManagement\/auditEvents/i.test(pathname)) return "audit";
  if (/\/deviceManagement\/deviceCompliancePolicies/i.test(pathname)) return "configuration";
  if (/\/deviceManagement\/|\/managedDevices(\/|$)/i.test(pathname)) return "devices";
  return undefined;
}

/**
 * Wraps fetch so every attempt on an Intune path first takes its place in the app's request window, and a 429
 * without `Retry-After` holds the whole window back for a jittered backoff (so the watcher and a sweep do not
 * keep hitting the limit together). Entra paths pass straight through.
 */
export function limitIntuneFetch(
  budgets: IntuneBudgets,
  key: string,
  retry: RetryPolicy | undefined,
  base: typeof globalThis.fetch | undefined,
): typeof globalThis.fetch {
  let throttledInARow = 0;
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const service = intuneServiceOf(url.pathname);
    const window = service ? budgets.window(key, service) : undefined;
    await window?.acquire(init?.signal ?? undefined);
    const response = await (base ?? globalThis.fetch)(input, init);
    if (window) {
      if (response.status === 429 && !response.headers.has("retry-after")) {
        window.pause(retryDelay(throttledInARow++, undefined, retry));
      } else if (response.status !== 429) {
        throttledInARow = 0;
      }
    }
    return response;
  };
}
