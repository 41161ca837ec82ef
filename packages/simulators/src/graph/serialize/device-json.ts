import type { ManagedDevice, ManagedDeviceProperty } from "../model/graph-types";
import { DEVICE_LIST_OMITTED } from "./entity-properties";
import { jsonString, jsonValue } from "./json-string";

/**
 * A managed device as JSON: `@odata.type` first for derived types (`windowsManagedDevice`), the selected
 * properties, absent ones left out (a userless device may have no `userId`), and the "non-default" properties
 * `null` unless `reveal` (a GET of one device that selects them).
 */
export function deviceJson(
  device: ManagedDevice,
  select: readonly ManagedDeviceProperty[],
  reveal = false,
): string {
  const type = device["@odata.type"];
  let out = type ? `{"@odata.type":${jsonString(type)}` : "{";
  let first = !type;
  for (const name of select) {
    const value = device[name];
    if (value === undefined) continue;
    out += `${first ? "" : ","}"${name}":${!reveal && DEVICE_LIST_OMITTED.has(name) ? "null" : jsonValue(value)}`;
    first = false;
  }
  return `${out}}`;
}
