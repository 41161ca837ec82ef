import { z } from "zod";
import type { ConnectionTestResult } from "../../connector/connector";

/** The settings schema of the fake connectors: a page size (1 to 10,000, default 100). */
export const fakePageSizeSchema = z.object({ pageSize: z.number().int().min(1).max(10_000).default(100) });

/** The secrets schema of the fake connectors: an optional API key of 8 characters or more. */
export const fakeApiKeySchema = z.object({ apiKey: z.string().min(8) }).partial();

/**
 * The fake connectors' connection test: one `authenticate` step that passes when the API key `given` is the
 * source's `expected` one, else fails with `INVALID_API_KEY` and a remedy.
 */
export function testFakeApiKey(given: string | undefined, expected: string): ConnectionTestResult {
  const ok = given === expected;
  const step = { name: "authenticate", ok, message: ok ? "API key accepted" : "API key rejected" };
  return ok
    ? { ok: true, steps: [step] }
    : {
        ok: false,
        failedStep: "authenticate",
        code: "INVALID_API_KEY",
        message: "The API key was rejected",
        remedy: "Enter the API key again",
        steps: [step],
      };
}

/** Throws what the fake sources answer to a read with a wrong API key (`given` is not `expected`). */
export function assertFakeApiKey(given: string | undefined, expected: string): void {
  if (given !== expected) throw new Error("401 Unauthorized: the API key was rejected");
}
