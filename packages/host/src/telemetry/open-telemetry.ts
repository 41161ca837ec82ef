import type { TelemetryOptions } from "@uslimato/core";

/**
 * The global OpenTelemetry tracer and meter, for `createInterfaceHub({ telemetry })` (or `createHub`): loads
 * `@opentelemetry/api`, an optional peer dependency, only when called. Register your SDK (exporters, context
 * manager) before, as OpenTelemetry's docs say. Hosts without OpenTelemetry never call it and load nothing.
 *
 * @example
 * ```ts
 * const app = createInterfaceHub({ connectors, storage, keyRing, telemetry: await openTelemetry() });
 * ```
 */
export async function openTelemetry(name = "@uslimato/sdk"): Promise<TelemetryOptions> {
  const { metrics, trace } = await import("@opentelemetry/api");
  return { tracer: trace.getTracer(name), meter: metrics.getMeter(name) };
}
