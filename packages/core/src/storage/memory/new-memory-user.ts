import type { JsonObject } from "../../connector/json";
import type { MemoryUser } from "./memory-state";

/**
 * A user for the store to keep, with no links yet. Every stored user is built here, with its fields in one order,
 * so the store's code sees one object shape. `attributes` must be the store's own copy.
 */
export function newMemoryUser(
  id: string,
  email: string,
  displayName: string | null,
  active: boolean,
  role: string,
  hgeIdAccountId: string | null,
  attributes: JsonObject,
  createdAt: Date,
  updatedAt: Date,
): MemoryUser {
  return {
    id,
    email,
    displayName,
    active,
    role,
    hgeIdAccountId,
    attributes,
    createdAt,
    updatedAt,
    links: null,
  };
}
