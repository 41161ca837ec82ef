import type { JsonObject, JsonValue } from "../../connector/json";

/** A deep copy of a JSON value, so callers never share objects with the store. */
export function copyJson<T extends JsonValue>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => copyJson(item)) as T;
  // An own "__proto__" key would become an own property in a spread but sets the prototype in an assignment:
  // keep the assignment's outcome for it (the key-by-key copy).
  if (Object.hasOwn(value, "__proto__")) return copyByKey(value as JsonObject) as T;
  // A spread copies a flat object in one step; only nested objects and arrays need a copy of their own.
  const out: JsonObject = { ...(value as JsonObject) };
  for (const key in out) {
    const item = out[key];
    if (item !== null && typeof item === "object" && Object.hasOwn(out, key)) out[key] = copyJson(item);
  }
  return out as T;
}

/** The key-by-key copy of an object (assignment semantics for every key). */
function copyByKey(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(value)) out[key] = copyJson(value[key] as JsonValue);
  return out;
}

/** A copy of a record whose fields are JSON values or Dates (one level of Dates, any depth of JSON). */
export function copyRecord<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = value instanceof Date ? new Date(value.getTime()) : copyJson(value as JsonValue);
  }
  return out as T;
}
