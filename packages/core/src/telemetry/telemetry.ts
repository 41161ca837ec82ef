import type { TelemetryAttributes } from "./telemetry-options";

/** One span the SDK opened. */
export interface TelemetrySpan {
  /** Adds attributes (ids, modes, counts). */
  set(attributes: TelemetryAttributes): void;
  /** Marks the span failed with a stable error code (never a message that could carry data). */
  fail(code: string): void;
  end(): void;
}

/**
 * The SDK's instruments over the host's tracer and meter (see `createTelemetry`): spans per sync, page and
 * outbound request, and the metrics hosts watch. Every method is a no-op when the host gave no telemetry.
 */
export interface Telemetry {
  readonly enabled: boolean;
  span(name: string, attributes: TelemetryAttributes, kind?: "internal" | "client" | "server"): TelemetrySpan;
  /** Records applied per second over a finished sync (`uslimato.sync.records_per_second`). */
  recordsPerSecond(value: number, attributes: TelemetryAttributes): void;
  /** One retried outbound request (`uslimato.http.retries`). */
  retry(attributes: TelemetryAttributes): void;
  /** Time waited because a service throttled (`uslimato.http.throttle_wait`, ms). */
  throttleWait(ms: number, attributes: TelemetryAttributes): void;
  /** Time to answer one notification (`uslimato.webhook.latency`, ms). */
  webhookLatency(ms: number, attributes: TelemetryAttributes): void;
  /** Deactivations or removals held back by the mass-deactivation guard (`uslimato.guard.blocks`). */
  guardBlock(attributes: TelemetryAttributes): void;
}
