import type { SQLOutputValue } from "node:sqlite";

/** Reads a TEXT column holding JSON. */
export function fromJson<T>(value: SQLOutputValue | undefined): T {
  return JSON.parse(value as string) as T;
}

/** Reads an INTEGER column holding epoch milliseconds. */
export function fromMs(value: SQLOutputValue | undefined): Date {
  return new Date(Number(value));
}

/** Reads an INTEGER 0/1 column. */
export function fromBool(value: SQLOutputValue | undefined): boolean {
  return Number(value) === 1;
}
