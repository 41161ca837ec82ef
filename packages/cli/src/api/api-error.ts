import { type ConfigIssue, UslimatoError } from "@uslimato/core";

/** Stable codes of {@link ApiError}. */
export const API_ERROR_CODES = [
  "API_UNAUTHORIZED",
  "API_REQUEST_INVALID",
  "API_NOT_FOUND",
  "API_METHOD_NOT_ALLOWED",
] as const;

/** A stable code of {@link ApiError}. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** A refused admin API request: no or a wrong token, a bad body or query (with every issue), an unknown route. */
export class ApiError extends UslimatoError<ApiErrorCode> {
  /** Every problem of a bad request, each with where it is (`["body", "settings", "tenantId"]`). */
  readonly issues: ReadonlyArray<ConfigIssue>;

  constructor(code: ApiErrorCode, message: string, issues: ReadonlyArray<ConfigIssue> = []) {
    super(code, message, { path: issues[0]?.path ?? [] });
    this.name = "ApiError";
    this.issues = issues;
  }

  override toJSON() {
    return { ...super.toJSON(), issues: this.issues };
  }
}
