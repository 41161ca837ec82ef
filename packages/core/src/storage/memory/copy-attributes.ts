import type { JsonObject } from "../../connector/json";
import { copyJson } from "./copy-records";

/** The one empty attributes object the store keeps for every user without attributes; never handed out. */
const NO_ATTRIBUTES: JsonObject = Object.freeze({}) as JsonObject;

/**
 * A copy of a user's attributes for the store to keep. Most synced users have none: they all share one frozen
 * empty object, which saves an allocation (and a promotion to the old generation) per stored user.
 */
export function copyAttributes(attributes: JsonObject): JsonObject {
  for (const _ in attributes) return copyJson(attributes);
  return NO_ATTRIBUTES;
}
