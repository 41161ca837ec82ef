import type { UslimatoErrorOptions } from "@uslimato/core/connector";
import { GraphError, type GraphErrorFields } from "./graph-error";

/** Graph error codes that mean "the delta token is no longer valid: resync". */
export const DELTA_EXPIRED_GRAPH_CODES: ReadonlySet<string> = new Set([
  "syncStateNotFound",
  "resyncRequired",
]);

/**
 * The stored delta link expired (410 Gone, `syncStateNotFound` or `resyncRequired`): the connector must fall back
 * to a full resync. Code `DELTA_EXPIRED`.
 */
export class DeltaExpiredError extends GraphError {
  constructor(message: string, fields: GraphErrorFields = {}, options: UslimatoErrorOptions = {}) {
    super("DELTA_EXPIRED", message, fields, options);
    this.name = "DeltaExpiredError";
  }
}
