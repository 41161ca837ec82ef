import type { ConfigIssue } from "@uslimato/core";
import { readLimitedText } from "@uslimato/core/webhooks";
import type { z } from "zod";
import { ApiError } from "./api-error";

const MAX_BODY = 1_000_000;

const issuesOf = (where: "body" | "query", error: z.ZodError): ConfigIssue[] =>
  error.issues.map((issue) => ({
    path: [where, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    code: issue.code,
    message: issue.message,
  }));

const invalid = (issues: ConfigIssue[]) =>
  new ApiError(
    "API_REQUEST_INVALID",
    `Invalid request: ${issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    issues,
  );

/** Parses the query string with `schema`; `API_REQUEST_INVALID` with every issue at `["query", name]`. */
export function parseQuery<Q>(url: URL, schema: z.ZodType<Q> | undefined): Q {
  if (!schema) return undefined as Q;
  const result = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!result.success) throw invalid(issuesOf("query", result.error));
  return result.data;
}

/**
 * Reads a JSON body (at most 1 MB) and parses it with `schema`; an empty body counts as `{}`.
 * `API_REQUEST_INVALID` with every issue at `["body", ...path]`, or at `["body"]` for malformed JSON.
 */
export async function parseBody<B>(request: Request, schema: z.ZodType<B> | undefined): Promise<B> {
  if (!schema) return undefined as B;
  const text = await readLimitedText(request, MAX_BODY);
  let value: unknown = {};
  if (text.trim() !== "") {
    try {
      value = JSON.parse(text);
    } catch {
      throw invalid([{ path: ["body"], code: "invalid_json", message: "is not valid JSON" }]);
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(issuesOf("body", result.error));
  return result.data;
}
