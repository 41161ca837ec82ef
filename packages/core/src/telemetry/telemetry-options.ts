/** An attribute value, as OpenTelemetry takes it. */
export type TelemetryAttributeValue = string | number | boolean;

/** Span or metric attributes. The SDK sets only ids, names, modes and counts: never a secret or an e-mail. */
export type TelemetryAttributes = Readonly<Record<string, TelemetryAttributeValue>>;

/** The part of an OpenTelemetry `Span` the SDK uses (structural: `@opentelemetry/api` is never imported). */
export interface SpanLike {
  setAttributes(attributes: TelemetryAttributes): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}

/** The part of an OpenTelemetry `Tracer` the SDK uses: `trace.getTracer("uslimato")` fits. */
export interface TracerLike {
  startSpan(name: string, options?: { attributes?: TelemetryAttributes; kind?: number }): SpanLike;
}

/** The part of an OpenTelemetry `Meter` the SDK uses: `metrics.getMeter("uslimato")` fits. */
export interface MeterLike {
  createCounter(
    name: string,
    options?: { description?: string; unit?: string },
  ): { add(value: number, attributes?: TelemetryAttributes): void };
  createHistogram(
    name: string,
    options?: { description?: string; unit?: string },
  ): { record(value: number, attributes?: TelemetryAttributes): void };
}

/**
 * Where the SDK's spans and metrics go: an OpenTelemetry tracer and meter, injected by the host (for instance
 * `openTelemetry()` from `@uslimato/host`, which loads `@opentelemetry/api`). Without them nothing is recorded
 * and nothing is loaded.
 */
export interface TelemetryOptions {
  tracer?: TracerLike;
  meter?: MeterLike;
}
