import type { GraphSessionOptions } from "@uslimato/msgraph";
import type { IntuneBudgets } from "./throttling/create-intune-budgets";
import type { IntuneWatchTiming } from "./watcher/intune-watch-timing";

/**
 * Options of {@link createIntuneConnector}, set once by the host app: the Graph session's (network client, token
 * credential, fetch, timeout, retries), the page size, the client-side request budgets and the clock.
 */
export interface IntuneConnectorOptions extends GraphSessionOptions {
  /** `$top` of managed-device listings. Default 1000 (Intune's default page). */
  pageSize?: number;
  /**
   * The client-side request budgets per app and tenant, shared by sweeps and the change watcher. Default the
   * process-wide {@link sharedIntuneBudgets}; give the watcher the same options so both draw from one budget.
   */
  budgets?: IntuneBudgets;
  /**
   * How far the high-water mark stays behind the run's start, for clocks that disagree with Intune's. Default
   * 60 s.
   */
  clockSkewMs?: number;
  /** The clock (tests). Default `() => new Date()`. */
  clock?: () => Date;
  /**
   * The change watcher a composition runs (`Connector.background`, started by `createInterfaceHub`): its timing,
   * or `false` for none (scheduled syncs only, or the host runs `createIntuneWatcher` itself). Default on, with
   * the watcher's defaults (a round of probes every 2 min).
   */
  watcher?: IntuneWatchTiming | false;
}
