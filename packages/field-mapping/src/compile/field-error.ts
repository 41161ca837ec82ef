import type { MappingErrorCode } from "../errors/mapping-error";

/** A per-record failure of one target. Carries kinds and names only: never a value of a redacted field. */
export interface FieldError {
  /** Internal field that could not be computed (`$record` when the input was not a record). */
  target: string;
  /** Function that failed, when known. */
  function?: string;
  /** Kind of the input the function received (`string`, `null`, `array`, ...). */
  inputKind: string;
  code: MappingErrorCode;
  message: string;
}

/** A {@link FieldError} of a page, with the position of its record. */
export interface RecordFieldError extends FieldError {
  index: number;
}
