import type { JsonObject, JsonValue } from "../../connector/json";

/** A deep copy of a JSON value, so callers never share objects with the store. */
export function copyJson<T extends JsonValue>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => copyJson(item)) as T;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) out[key] = copyJson((value as JsonObject)[key] as JsonValue);
  return out as T;
}

/** A copy of a record whose fields are JSON values or Dates (one level of Dates, any depth of JSON). */
export function copyRecord<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = value instanceof Date ? new Date(value.getTime()) : copyJson(value as JsonValue);
  }
  return out as T;
}
