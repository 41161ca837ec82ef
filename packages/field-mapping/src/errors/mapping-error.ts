import { UslimatoError } from "@uslimato/core";

/**
 * Every stable error code the field-mapping package raises or reports. Codes never change meaning once published;
 * new ones are appended (like core's `ERROR_CODES`).
 */
export const MAPPING_ERROR_CODES = [
  "MAPPING_PARSE_ERROR",
  "MAPPING_UNKNOWN_FUNCTION",
  "MAPPING_ARITY",
  "MAPPING_BAD_REGEX",
  "MAPPING_BAD_DATE_FORMAT",
  "MAPPING_TOO_DEEP",
  "MAPPING_TOO_LARGE",
  "MAPPING_CYCLIC",
  "MAPPING_INVALID_CONFIG",
  "MAPPING_INVALID_INPUT",
  "MAPPING_TYPE_ERROR",
  "MAPPING_FUNCTION_ERROR",
] as const;

/** A stable code of a {@link MappingError} or {@link MappingIssue}. */
export type MappingErrorCode = (typeof MAPPING_ERROR_CODES)[number];

/** One problem found in a mapping set or expression, located by `path` (and `position` in string sources). */
export interface MappingIssue {
  code: MappingErrorCode;
  message: string;
  /** Where in the mapping set (or expression tree) the problem sits, e.g. `["rules", 2, "source"]`. */
  path: (string | number)[];
  /** 0-based character offset in an expression string, when the problem came from parsing one. */
  position?: number;
}

/** Details a {@link MappingError} can carry besides its code and message. */
export interface MappingErrorDetails {
  path?: (string | number)[];
  position?: number;
  /** What the parser expected at `position`. */
  expected?: string;
  /** Name of the function that failed, for per-record errors. */
  function?: string;
  /** Kind of the input the function received (`string`, `number`, `null`, `array`, ...). */
  inputKind?: string;
  /** Every problem, when the error summarises a validation or compile run. */
  issues?: MappingIssue[];
  cause?: unknown;
}

/**
 * The one error class of the field-mapping package, a `UslimatoError` from `@uslimato/core`: a stable
 * {@link MappingErrorCode}, where it happened (`path`, `position`) and the underlying `cause`. Messages never
 * contain record values.
 *
 * @example
 * ```ts
 * try { parseMappingSet(json); } catch (e) { if (e instanceof UslimatoError && e.code === "MAPPING_PARSE_ERROR") {} }
 * ```
 */
export class MappingError extends UslimatoError<MappingErrorCode> {
  override readonly name = "MappingError";
  override readonly path: (string | number)[];
  readonly position: number | undefined;
  readonly expected: string | undefined;
  readonly function: string | undefined;
  readonly inputKind: string | undefined;
  readonly issues: MappingIssue[];

  constructor(code: MappingErrorCode, message: string, details: MappingErrorDetails = {}) {
    const path = details.path ?? [];
    super(code, message, {
      path,
      ...(details.cause === undefined ? {} : { cause: details.cause }),
      details: {
        position: details.position,
        expected: details.expected,
        function: details.function,
        inputKind: details.inputKind,
      },
    });
    this.path = path;
    this.position = details.position;
    this.expected = details.expected;
    this.function = details.function;
    this.inputKind = details.inputKind;
    this.issues = details.issues ?? [];
  }

  /** A plain object for logs and API results, with every issue. */
  override toJSON() {
    return { ...super.toJSON(), issues: this.issues };
  }
}
