import { UslimatoError, type UslimatoErrorOptions } from "@uslimato/core";

/** Every stable error code the scheduler raises. New codes are appended, never renamed. */
export const SCHEDULER_ERROR_CODES = [
  "SCHEDULER_STOPPED",
  "SCHEDULER_RUN_ACTIVE",
  "SCHEDULER_INTEGRATION_UNKNOWN",
  "SCHEDULER_RUN_FAILED",
  "SCHEDULER_SOURCE_FAILED",
  "SCHEDULER_OPTIONS_INVALID",
] as const;

/** A stable error code raised by `@uslimato/scheduler`. */
export type SchedulerErrorCode = (typeof SCHEDULER_ERROR_CODES)[number];

/**
 * An error raised by the scheduler, with a code from {@link SchedulerErrorCode}; the failure it wraps (a run
 * that threw, a source that could not list) is kept as the standard `cause`.
 */
export class SchedulerError extends UslimatoError<SchedulerErrorCode> {
  constructor(code: SchedulerErrorCode, message: string, options?: UslimatoErrorOptions) {
    super(code, message, options);
    this.name = "SchedulerError";
  }
}
