import type { ApplyResult } from "@uslimato/core/storage";
import type { QueryResult } from "pg";

/**
 * One SQL statement of a page, built before anything is sent, so `applyPage` knows how many it needs. A statement
 * that ends a sweep says which {@link ApplyResult} count its result adds to.
 */
export interface PageStatement {
  text: string;
  values: unknown[];
  counts?: { field: keyof ApplyResult; read: (result: QueryResult) => number };
}
