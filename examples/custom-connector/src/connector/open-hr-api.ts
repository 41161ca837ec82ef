import { createHttpClient, type OpenSecrets } from "@uslimato/core/connector";
import { z } from "zod";
import { HrConnectorError } from "./hr-connector-error";
import type { HrSecretName, HrSettings } from "./hr-settings";

const personSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
});
const pageSchema = z.object({
  people: z.array(personSchema.passthrough()),
  next: z.string().nullable(),
  asOf: z.string(),
});

/** One page of people as the connector reads it (validated). */
export type HrPage = z.output<typeof pageSchema>;

/** The HR API as the connector uses it. */
export interface HrApi {
  listPeople(query: { limit: number; cursor: string | null; updatedSince: string | null }): Promise<HrPage>;
}

/**
 * A client for the HR API on core's HTTP client (timeouts, bounded retries on 429/5xx with `Retry-After`,
 * errors without header values). The API key is revealed only into the request header.
 */
export function openHrApi(
  settings: HrSettings,
  secrets: OpenSecrets<HrSecretName>,
  options: { signal: AbortSignal; retries?: number },
): HrApi {
  const apiKey = secrets.apiKey;
  if (!apiKey) throw new HrConnectorError("HR_API_KEY_MISSING", "The Acme HR API key is not configured");
  const http = createHttpClient({
    baseUrl: settings.baseUrl,
    timeoutMs: 15_000,
    retries: options.retries ?? 3,
    backoffBaseMs: 200,
    headers: () => ({ "x-api-key": apiKey.reveal() }),
    describeError: (body, headers) => ({
      ...(readErrorCode(body) ? { serviceCode: readErrorCode(body) } : {}),
      ...(headers.get("x-request-id") ? { requestId: headers.get("x-request-id") ?? "" } : {}),
    }),
  });
  return {
    async listPeople({ limit, cursor, updatedSince }) {
      const searchParams: Record<string, string> = { limit: String(limit) };
      if (cursor !== null) searchParams["cursor"] = cursor;
      if (updatedSince !== null) searchParams["updatedSince"] = updatedSince;
      const response = await http.request({ url: "api/people", searchParams, signal: options.signal });
      const page = pageSchema.safeParse(response.body);
      if (!page.success)
        throw new HrConnectorError(
          "HR_RESPONSE_INVALID",
          `Acme HR returned an unexpected page: ${page.error.message}`,
        );
      return page.data;
    },
  };
}

function readErrorCode(body: unknown): string | undefined {
  const parsed = z.object({ error: z.object({ code: z.string() }) }).safeParse(body);
  return parsed.success ? parsed.data.error.code : undefined;
}
