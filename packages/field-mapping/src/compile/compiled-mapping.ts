import type { FieldError, RecordFieldError } from "./field-error";

/** Whether the target record is being created or updated (createOnly rules only write on create). */
export type MappingMode = "create" | "update";

/** Options for mapping records. */
export interface MapOptions {
  mode: MappingMode;
  /**
   * The record is a delta (only changed attributes present): a rule whose every attribute is absent is
   * skipped instead of writing its default. Fixes Entra's Switch-nulls-the-target-on-delta pitfall.
   */
  partial?: boolean;
}

/** The outcome for one record. `values` never holds a skipped or failed target. */
export interface MapResult {
  values: Record<string, unknown>;
  /** Targets not to write: createOnly on update, IgnoreFlowIfNullOrEmpty, ignoreIfEmpty, partial. */
  skipped: readonly string[];
  errors: readonly FieldError[];
}

/** The outcome for a page: arrays by record position; errors carry their record's `index`. */
export interface MapManyResult {
  /** Mapped values, `null` where the input was not a record. */
  values: Array<Record<string, unknown> | null>;
  skipped: Array<readonly string[]>;
  errors: RecordFieldError[];
}

/** A mapping set compiled once; reuse it for every record of that version. */
export interface CompiledMapping {
  version: number;
  integrationId: string | undefined;
  /** `codegen` (generated JavaScript) or `closures`. */
  engine: "codegen" | "closures";
  /** Every target, in rule order. */
  targets: readonly string[];
  /** Targets whose values must never be shown (redact flag or Redact()). */
  redactedTargets: ReadonlySet<string>;
  map(record: unknown, options: MapOptions): MapResult;
  mapMany(records: readonly unknown[], options: MapOptions): MapManyResult;
}
