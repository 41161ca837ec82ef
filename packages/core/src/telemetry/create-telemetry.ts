import type { Telemetry, TelemetrySpan } from "./telemetry";
import type { TelemetryOptions } from "./telemetry-options";

const SPAN_KIND = { internal: 0, server: 1, client: 2 } as const;
/** OpenTelemetry's `SpanStatusCode.ERROR`. */
const STATUS_ERROR = 2;
const NOOP_SPAN: TelemetrySpan = { set() {}, fail() {}, end() {} };

/** Telemetry that records nothing. */
export const noopTelemetry: Telemetry = {
  enabled: false,
  span: () => NOOP_SPAN,
  recordsPerSecond() {},
  retry() {},
  throttleWait() {},
  webhookLatency() {},
  guardBlock() {},
};

/**
 * The SDK's instruments over an injected OpenTelemetry tracer and meter; {@link noopTelemetry} without them.
 *
 * @example
 * ```ts
 * import { metrics, trace } from "@opentelemetry/api";
 * const telemetry = createTelemetry({ tracer: trace.getTracer("uslimato"), meter: metrics.getMeter("uslimato") });
 * ```
 */
export function createTelemetry(options: TelemetryOptions | undefined): Telemetry {
  if (!options || (!options.tracer && !options.meter)) return noopTelemetry;
  const { tracer, meter } = options;
  const recordsPerSecond = meter?.createHistogram("uslimato.sync.records_per_second", {
    description: "Records applied per second over a sync",
    unit: "{record}/s",
  });
  const retries = meter?.createCounter("uslimato.http.retries", { description: "Retried outbound requests" });
  const throttleWait = meter?.createHistogram("uslimato.http.throttle_wait", {
    description: "Time waited because a service throttled (429, Retry-After)",
    unit: "ms",
  });
  const webhookLatency = meter?.createHistogram("uslimato.webhook.latency", {
    description: "Time to answer one change notification",
    unit: "ms",
  });
  const guardBlocks = meter?.createCounter("uslimato.guard.blocks", {
    description: "Syncs whose deactivations or removals the mass-deactivation guard held back",
  });
  return {
    enabled: true,
    span(name, attributes, kind = "internal") {
      if (!tracer) return NOOP_SPAN;
      const span = tracer.startSpan(name, { attributes, kind: SPAN_KIND[kind] });
      return {
        set: (more) => void span.setAttributes(more),
        fail: (code) => void span.setStatus({ code: STATUS_ERROR, message: code }),
        end: () => span.end(),
      };
    },
    recordsPerSecond: (value, attributes) => recordsPerSecond?.record(value, attributes),
    retry: (attributes) => retries?.add(1, attributes),
    throttleWait: (ms, attributes) => throttleWait?.record(ms, attributes),
    webhookLatency: (ms, attributes) => webhookLatency?.record(ms, attributes),
    guardBlock: (attributes) => guardBlocks?.add(1, attributes),
  };
}
