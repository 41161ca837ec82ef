import type { JsonObject, JsonValue } from "@uslimato/core/storage";

/** JSON text as stored, back to a value. */
export const fromJson = <T = JsonObject>(value: unknown): T => JSON.parse(String(value)) as T;

/** A value as JSON text. */
export const toJson = (value: JsonValue | object): string => JSON.stringify(value);

/** A 0/1 column as a boolean. */
export const fromBool = (value: unknown): boolean => Number(value) === 1;

/** Epoch milliseconds (BIGINT) back to a Date. */
export const fromMs = (value: unknown): Date => new Date(Number(value));
