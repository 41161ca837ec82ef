import { createRequestWindow, type RequestWindow } from "./create-request-window";

/** Intune's throttled services, each with a budget of its own. */
export type IntuneService = "devices" | "configuration" | "audit";

/** Options of {@link createIntuneBudgets}: requests per window for each Intune service. */
export interface IntuneBudgetOptions {
  /** Managed devices. Default 1,800 (Intune allows 2,000 per app and tenant per 20 s). */
  devices?: number;
  /** Compliance policies and their statuses. Default 900 (Intune: 1,000). */
  configuration?: number;
  /** Audit events. Default 900 (Intune: 1,000). */
  audit?: number;
  /** The window. Default 20,000 ms. */
  windowMs?: number;
}

/** Client-side request budgets, one window per app, tenant and Intune service. */
export interface IntuneBudgets {
  /** The window of one app in one tenant (`key`) for one service. */
  window(key: string, service: IntuneService): RequestWindow;
}

/**
 * Creates the budgets that keep an app's Intune requests under Intune's per-app, per-tenant limits. Sweeps and the
 * change watcher of the same integration (and integrations sharing an app and tenant) draw from the same window.
 *
 * @example
 * ```ts
 * const budgets = createIntuneBudgets({ devices: 1000 });
 * const connector = createIntuneConnector({ budgets });
 * const watcher = createIntuneWatcher({ hub, connector: { budgets } });
 * ```
 */
export function createIntuneBudgets(options: IntuneBudgetOptions = {}): IntuneBudgets {
  const windows = new Map<string, RequestWindow>();
  const limits: Record<IntuneService, number> = {
    devices: options.devices ?? 1800,
    configuration: options.configuration ?? 900,
    audit: options.audit ?? 900,
  };
  return {
    window(key, service) {
      const id = `${service}|${key}`;
      let window = windows.get(id);
      if (!window) {
        window = createRequestWindow({ limit: limits[service], windowMs: options.windowMs ?? 20_000 });
        windows.set(id, window);
      }
      return window;
    },
  };
}

/** The process-wide budgets every Intune connector and watcher use unless given others. */
export const sharedIntuneBudgets: IntuneBudgets = createIntuneBudgets();
