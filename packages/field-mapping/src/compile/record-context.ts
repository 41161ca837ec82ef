import { MappingError } from "../errors/mapping-error";
import type { FieldError, RecordFieldError } from "./field-error";
import type { PlanRule } from "./plan-node";

/** Marks a failed target inside a generated function until it is removed from the output. */
export const FAILED: unique symbol = Symbol("failed");

/** Per-page state a compiled record function reports into; reused across the records of one page. */
export class RecordContext {
  index = 0;
  errors: RecordFieldError[] | null = null;
  skipped: string[] | null = null;

  constructor(
    private readonly rules: readonly PlanRule[],
    private readonly staticSkipped: readonly string[],
  ) {}

  /** Records the failure of rule `i` (an index into the set's rules). */
  fail(i: number, error: unknown): void {
    const rule = this.rules[i]!;
    const typed = error instanceof MappingError ? error : undefined;
    const entry: RecordFieldError = {
      index: this.index,
      target: rule.target,
      ...(typed?.function === undefined ? {} : { function: typed.function }),
      inputKind: typed?.inputKind ?? "unknown",
      code: typed?.code ?? "MAPPING_FUNCTION_ERROR",
      message: rule.redact || typed === undefined ? failureMessage(typed, rule.target) : typed.message,
    };
    if (this.errors === null) this.errors = [];
    this.errors.push(entry);
  }

  /** Records that rule `i` is not to be written for this record. */
  skip(i: number): void {
    if (this.skipped === null) this.skipped = [...this.staticSkipped];
    this.skipped.push(this.rules[i]!.target);
  }

  /** Removes failed targets from an output object. */
  static clean(values: Record<string, unknown>): Record<string, unknown> {
    for (const key of Object.keys(values)) if (values[key] === FAILED) delete values[key];
    return values;
  }
}

function failureMessage(error: MappingError | undefined, target: string): string {
  const where = error?.function === undefined ? "" : ` in ${error.function}`;
  return `Computing ${target} failed${where} (${error?.code ?? "unexpected error"}; details redacted)`;
}

/** Strips the page index from an error, for single-record results. */
export function withoutIndex({ index: _index, ...error }: RecordFieldError): FieldError {
  return error;
}
