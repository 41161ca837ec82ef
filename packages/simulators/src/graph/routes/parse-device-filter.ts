import type { ManagedDevice } from "../model/graph-types";

/** A compiled `$filter` over managed devices. */
export type DevicePredicate = (device: ManagedDevice) => boolean;

const DATE_PROPERTIES = new Set(["lastSyncDateTime", "enrolledDateTime"]);
const TEXT_PROPERTIES = new Set([
  "complianceState",
  "operatingSystem",
  "userId",
  "managedDeviceOwnerType",
  "deviceName",
]);
const CLAUSE = /^\s*(\w+)\s+(eq|ne|gt|ge|lt|le)\s+(.+?)\s*$/i;

function compare(op: string, a: number | string, b: number | string): boolean {
  switch (op) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    case "gt":
      return a > b;
    case "ge":
      return a >= b;
    case "lt":
      return a < b;
    default:
      return a <= b;
  }
}

/**
 * Parses the device `$filter`s the connectors use: `lastSyncDateTime gt 2024-01-01T00:00:00Z` (also
 * `enrolledDateTime`, quoted or not), `complianceState eq 'noncompliant'` and similar, joined with `and`.
 * Returns an error message for anything else.
 */
export function parseDeviceFilter(filter: string): DevicePredicate | string {
  const tests: DevicePredicate[] = [];
  for (const clause of filter.split(/\s+and\s+/i)) {
    const match = CLAUSE.exec(clause);
    if (!match) return `Invalid filter clause: ${clause}`;
    const [, property = "", rawOp = "", rawValue = ""] = match;
    const op = rawOp.toLowerCase();
    const value = rawValue.replace(/^'(.*)'$/, "$1");
    if (DATE_PROPERTIES.has(property)) {
      const at = Date.parse(value);
      if (Number.isNaN(at)) return `Invalid DateTimeOffset literal: ${rawValue}`;
      tests.push((d) => compare(op, Date.parse(d[property as "lastSyncDateTime"]), at));
    } else if (TEXT_PROPERTIES.has(property)) {
      if (!rawValue.startsWith("'")) return `String literal expected for ${property}`;
      tests.push((d) => compare(op, String(d[property as keyof ManagedDevice]), value));
    } else {
      return `Filtering on property '${property}' is not supported.`;
    }
  }
  return (device) => tests.every((test) => test(device));
}
