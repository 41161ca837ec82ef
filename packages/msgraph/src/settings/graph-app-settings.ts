import { z } from "zod";
import { defaultGraphScope, isLoopbackUrl } from "../auth/resolve-graph-endpoints";

// Patterns written without flags, so that the JSON Schema of the settings (`describeConnectorForm`) states them
// exactly: a JSON Schema pattern has no flags. Trimmed fields allow surrounding white space in their JSON pattern
// (JavaScript's `\s` is the set `String.prototype.trim` removes).
const GUID_BODY = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const DOMAIN_BODY =
  "(?=[A-Za-z0-9.-]{4,253}\\s*$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}";
const GUID = new RegExp(`^${GUID_BODY}$`);
const TENANT = new RegExp(`^(?:${GUID_BODY}|${DOMAIN_BODY})$`);
const trimmedPattern = (body: string) => `^\\s*(?:${body})\\s*$`;

/**
 * A URL the connector sends credentials or tokens to: `https:`, or plain `http:` only to a loopback address (a
 * local simulator or proxy); no user name or password in it. Anything else (`http:` to another host,
 * `javascript:`, `file:`, ...) is refused when the integration is created, naming the field.
 */
const endpointUrl = z.string().superRefine((value, ctx) => {
  if (!URL.canParse(value)) {
    ctx.addIssue({ code: "custom", message: "must be a valid URL" });
    return;
  }
  const url = new URL(value);
  if (url.protocol === "http:" && !isLoopbackUrl(url))
    ctx.addIssue({
      code: "custom",
      message: `must use https: plain http is allowed only to a loopback address (127.0.0.1, ::1, localhost), got http://${url.host}`,
    });
  else if (url.protocol !== "https:" && url.protocol !== "http:")
    ctx.addIssue({
      code: "custom",
      message: `must be an https URL (plain http only to a loopback address), not ${url.protocol}`,
    });
  else if (url.username !== "" || url.password !== "")
    ctx.addIssue({ code: "custom", message: "must not carry a user name or password" });
});

/**
 * The settings of a Graph app registration that every Microsoft connector shares (tenant, client, cloud or
 * explicit endpoints, credential type, certificate thumbprint), as zod fields to spread into a connector's
 * settings object. Check them together with {@link checkGraphAppSettings}.
 *
 * @example
 * ```ts
 * const schema = z.object({ ...graphAppSettingsFields, scope: z.enum(["users"]) }).superRefine(checkGraphAppSettings);
 * ```
 */
export const graphAppSettingsFields = {
  /** Directory (tenant) id, or a verified domain of the tenant. */
  tenantId: z
    .string()
    .trim()
    .regex(TENANT, "must be the Directory (tenant) ID (a GUID) or a verified domain")
    .meta({ pattern: trimmedPattern(`${GUID_BODY}|${DOMAIN_BODY}`) }),
  /** Application (client) id of the App Registration. */
  clientId: z
    .string()
    .trim()
    .regex(GUID, "must be the Application (client) ID, a GUID")
    .meta({ pattern: trimmedPattern(GUID_BODY) }),
  /** National cloud. */
  cloud: z.enum(["global", "usGov", "usGovDoD", "china"]).default("global"),
  /**
   * Explicit endpoints for proxies and the simulator (plain http only on loopback addresses): the authority host
   * and the Graph base URL with its version (e.g. `http://127.0.0.1:4010/v1.0`), and the token scope, required
   * unless the Graph base URL is a Microsoft cloud's Graph (usually `https://graph.microsoft.com/.default`).
   */
  endpoints: z
    .object({ authorityHost: endpointUrl, graphBaseUrl: endpointUrl, scope: z.string().optional() })
    .optional(),
  /** How the app authenticates: a client secret, a certificate, or a token credential the host provides. */
  credential: z.enum(["clientSecret", "certificate", "tokenCredential"]).default("clientSecret"),
  /** SHA-256 thumbprint (hex) of the certificate, for `credential: "certificate"`. */
  certificateThumbprintSha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be a SHA-256 thumbprint: 64 hex digits")
    .optional(),
};

/**
 * {@link checkGraphAppSettings}' first rule in JSON Schema terms, for the settings object's `.meta()` (the second
 * needs URL parsing: `endpoints` is checked by the server), so a form rendered from the JSON Schema asks for the
 * thumbprint when the credential is a certificate.
 */
export const graphAppSettingsJsonRules = {
  if: { properties: { credential: { const: "certificate" } }, required: ["credential"] },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `if`/`then` keywords, not a thenable
  then: { required: ["certificateThumbprintSha256"] },
};

/** The app-registration settings as a connector works with them (defaults applied). */
export interface GraphAppSettings {
  tenantId: string;
  clientId: string;
  cloud: "global" | "usGov" | "usGovDoD" | "china";
  endpoints?: { authorityHost: string; graphBaseUrl: string; scope?: string | undefined } | undefined;
  credential: "clientSecret" | "certificate" | "tokenCredential";
  certificateThumbprintSha256?: string | undefined;
}

/**
 * The checks across the app-registration fields, for a connector schema's `superRefine`: a certificate credential
 * needs its thumbprint, and explicit endpoints off Microsoft's clouds need a token scope.
 */
export function checkGraphAppSettings(
  settings: Pick<GraphAppSettings, "credential" | "certificateThumbprintSha256" | "endpoints">,
  ctx: z.RefinementCtx,
): void {
  if (settings.credential === "certificate" && !settings.certificateThumbprintSha256) {
    ctx.addIssue({
      code: "custom",
      path: ["certificateThumbprintSha256"],
      message: "is required for certificate credentials",
    });
  }
  const endpoints = settings.endpoints;
  if (endpoints && endpoints.scope === undefined && URL.canParse(endpoints.graphBaseUrl)) {
    if (defaultGraphScope(new URL(endpoints.graphBaseUrl)) === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["endpoints", "scope"],
        message:
          "is required when graphBaseUrl is not a Microsoft cloud's Graph (a proxy or the simulator): the scope " +
          "of the Graph behind it, usually https://graph.microsoft.com/.default",
      });
    }
  }
}

/** The secrets of a Graph app registration: a client secret, or a certificate's private key (PEM). */
export type GraphAppSecretName = "clientSecret" | "certificatePrivateKey";

/** Zod schema of a Graph app registration's secrets (sealed by the credential store, never kept in settings). */
export const graphAppSecretsSchema = z.object({
  clientSecret: z.string().min(1, "must not be empty").max(1024).optional(),
  certificatePrivateKey: z
    .string()
    .includes("PRIVATE KEY", { message: "must be a PEM private key" })
    .optional(),
});
