import type { Colors } from "./colors";

/**
 * What an external service said about a failure, field by field: structurally core's `ServiceDiagnosis`
 * (`service`, `httpStatus`, `errorCode`, `serviceCode`, `traceId`, `correlationId`, `requestId`, ...), read from
 * any result, step or sync-log error that carries a `diagnosis`.
 */
export type Diagnosis = Readonly<Record<string, string | number | undefined>>;

const LABELS: ReadonlyArray<readonly [string, string]> = [
  ["httpStatus", "HTTP status"],
  ["errorCode", "error"],
  ["serviceCode", "service code"],
  ["traceId", "trace id"],
  ["correlationId", "correlation id"],
  ["requestId", "request id"],
  ["clientRequestId", "client-request-id"],
  ["date", "date"],
  ["activityId", "activity id"],
  ["transactionId", "transaction id"],
  ["sapMessage", "sap-message"],
  ["message", "message"],
];
const KNOWN = new Set(["service", ...LABELS.map(([key]) => key)]);

/** The `diagnosis` a value carries, if it has one with at least one field besides `service`. */
export function diagnosisOf(value: unknown): Diagnosis | undefined {
  const found = (value as { diagnosis?: unknown } | null | undefined)?.diagnosis;
  if (typeof found !== "object" || found === null) return undefined;
  const fields = Object.entries(found).filter(
    ([key, v]) => key !== "service" && (typeof v === "number" || (typeof v === "string" && v !== "")),
  );
  return fields.length > 0 ? (found as Diagnosis) : undefined;
}

/** The diagnosis's fields as `[label, value]` pairs: the known ones in a fixed order, then any others. */
function diagnosisFields(diagnosis: Diagnosis): Array<[string, string]> {
  const present = (value: unknown): value is string | number =>
    typeof value === "number" || (typeof value === "string" && value !== "");
  const known = LABELS.flatMap(([key, label]): Array<[string, string]> => {
    const value = diagnosis[key];
    return present(value) ? [[label, String(value)]] : [];
  });
  const others = Object.entries(diagnosis).flatMap(
    ([key, value]): Array<[string, string]> =>
      KNOWN.has(key) || !present(value) ? [] : [[key, String(value)]],
  );
  return [...known, ...others];
}

/**
 * A diagnosis as indented lines, one field each, under a heading naming the service:
 * `service diagnosis (entra-token)` / `HTTP status 401` / `service code AADSTS7000215` / `trace id ...`.
 */
export function formatDiagnosis(diagnosis: Diagnosis, colors: Colors, indent = "    "): string[] {
  const fields = diagnosisFields(diagnosis);
  const width = Math.max(...fields.map(([label]) => label.length));
  const service = typeof diagnosis.service === "string" ? ` (${diagnosis.service})` : "";
  return [
    `${indent}${colors.bold(`service diagnosis${service}`)}`,
    ...fields.map(([label, value]) => `${indent}  ${colors.dim(label.padEnd(width))}  ${value}`),
  ];
}

/** A diagnosis on one line for tables and logs: `entra-token: HTTP status 401 · service code AADSTS7000215 · ...`. */
export function formatDiagnosisLine(diagnosis: Diagnosis): string {
  const service = typeof diagnosis.service === "string" ? `${diagnosis.service}: ` : "";
  return `${service}${diagnosisFields(diagnosis)
    .map(([label, value]) => `${label} ${value}`)
    .join(" · ")}`;
}
