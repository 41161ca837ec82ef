import type { JsonValue } from "../connector/json";
import type { EntityKind } from "../connector/source-page";

/** A problem with one field of one record. Never carries the value of a redacted field. */
export interface MappingFieldError {
  /** The internal field. */
  target: string;
  code: string;
  message: string;
  /** The function that failed, if any. */
  function?: string;
}

/** One record after mapping: internal field values, fields not to write, and per-field errors. */
export interface MappedRecord {
  values: Record<string, unknown>;
  /** Internal fields to leave untouched for this record (ignore-if-empty and similar rules). */
  skip: ReadonlyArray<string>;
  errors: ReadonlyArray<MappingFieldError>;
}

/** A mapping compiled once for an integration and entity kind, reused for every page. */
export interface RecordMapper {
  /** Internal fields written only when a record is created. */
  readonly createOnly: ReadonlySet<string>;
  /** Maps a page of external records; never throws for a bad record (errors are returned per record). */
  mapPage(records: ReadonlyArray<Readonly<Record<string, unknown>>>): MappedRecord[];
}

/** An issue found when validating a mapping definition. */
export interface MappingIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

/**
 * What the hub needs from a field-mapping engine (`@uslimato/field-mapping` provides one): compile a connector's
 * default mapping merged with an integration's overrides, and validate overrides before they are stored.
 */
export interface MappingEngine {
  compile(input: {
    kind: EntityKind;
    defaults: JsonValue | undefined;
    overrides: JsonValue | undefined;
  }): RecordMapper;
  validate(input: {
    kind: EntityKind;
    defaults: JsonValue | undefined;
    overrides: JsonValue | undefined;
  }): MappingIssue[];
}
