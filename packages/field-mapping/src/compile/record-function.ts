import type { RecordContext } from "./record-context";

/** A compiled mapping for one mode: reads a record, reports failures and skips into the context. */
export type RecordFunction = (
  record: Record<string, unknown>,
  context: RecordContext,
) => Record<string, unknown>;
