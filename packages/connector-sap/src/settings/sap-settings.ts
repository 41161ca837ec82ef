import { z } from "zod";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** A URL credentials go to: https, or plain http only to a loopback address (a local simulator or proxy). */
const endpointUrl = z.string().superRefine((value, ctx) => {
  if (!URL.canParse(value)) {
    ctx.addIssue({ code: "custom", message: "must be a valid URL" });
    return;
  }
  const url = new URL(value);
  if (url.protocol === "http:" && !LOOPBACK.has(url.hostname))
    ctx.addIssue({
      code: "custom",
      message: `must use https: plain http is allowed only to a loopback address, got http://${url.host}`,
    });
  else if (url.protocol !== "https:" && url.protocol !== "http:")
    ctx.addIssue({ code: "custom", message: `must be an https URL, not ${url.protocol}` });
  else if (url.username !== "" || url.password !== "")
    ctx.addIssue({ code: "custom", message: "must not carry a user name or password" });
});

const servicePath = z
  .string()
  .regex(
    /^\/[A-Za-z0-9_/.-]*$/,
    "must be a service path starting with /, e.g. /sap/opu/odata/sap/API_EQUIPMENT",
  )
  .transform((p) => p.replace(/\/+$/, ""));
const propertyName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an OData property name");
const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone, e.g. Europe/Berlin");

const equipmentSource = z.object({
  enabled: z.boolean().default(true),
  path: servicePath.default("/sap/opu/odata/sap/API_EQUIPMENT"),
  entitySet: propertyName.default("Equipment"),
  /** Only equipment of these maintenance plants (empty: all). */
  plants: z.array(z.string().min(1).max(4)).max(50).default([]),
  /**
   * The partner function whose partner owns an equipment, e.g. `VW` (person responsible; customizing decides):
   * read through `$expand=to_Partner`, the partner with that function (lowest counter if several) becomes the
   * asset's owner, matched against this integration's employees (business partner number, or the custom view's
   * id). Unset: no owner and no `$expand`.
   */
  ownerPartnerFunction: z
    .string()
    .regex(/^[A-Z0-9]{1,2}$/, "must be a partner function of 1-2 uppercase letters or digits, e.g. VW")
    .optional(),
  /** Communication scenario named in authorization failures. */
  scenario: z.string().default("SAP_COM_0395"),
});

const fixedAssetSource = z.object({
  enabled: z.boolean().default(true),
  path: servicePath.default("/sap/opu/odata4/sap/api_fixedasset/srvd_a2x/sap/fixedasset/0001"),
  entitySet: propertyName.default("FixedAsset"),
  /** Company codes to read (four characters each). */
  companyCodes: z
    .array(z.string().regex(/^[A-Za-z0-9]{1,4}$/, "must be a company code"))
    .min(1)
    .max(50),
  /** Read the current assignment (cost center, plant, location, room) through `_FixedAssetAssgmt`. */
  assignment: z.boolean().default(true),
  scenario: z.string().default("SAP_COM_0562"),
});

const businessPartnerEmployees = z.object({
  enabled: z.boolean().default(true),
  mode: z.literal("businessPartner"),
  path: servicePath.default("/sap/opu/odata/sap/API_BUSINESS_PARTNER"),
  /** The role that makes a person an employee. */
  role: z.string().default("BUP003"),
  scenario: z.string().default("SAP_COM_0008"),
});

const customEmployees = z.object({
  enabled: z.boolean().default(true),
  mode: z.literal("custom"),
  version: z.enum(["v2", "v4"]).default("v2"),
  path: servicePath,
  entitySet: propertyName,
  fields: z.object({
    /** Key (a string property). */
    id: propertyName,
    email: propertyName,
    /** Changed-at, an `Edm.DateTimeOffset` that moves with any change of the person. */
    changedAt: propertyName,
    firstName: propertyName.optional(),
    lastName: propertyName.optional(),
    fullName: propertyName.optional(),
    /** End of employment (a date; set once the person left or will leave). */
    endDate: propertyName.optional(),
    /** A boolean that blocks the person. */
    blocked: propertyName.optional(),
  }),
  scenario: z.string().optional(),
});

/** A source that is given and not switched off (`enabled` defaults to true), in JSON Schema terms. */
const sourceOn = (name: string) => ({
  required: [name],
  properties: {
    [name]: { not: { type: "object", required: ["enabled"], properties: { enabled: { const: false } } } },
  },
});
const authIs = (auth: string) => ({ properties: { auth: { const: auth } }, required: ["auth"] });

/**
 * The settings schema's checks across fields in JSON Schema terms, so a form rendered from the JSON Schema
 * (`describeConnectorForm`) refuses what the connector refuses: basic logon (the default) needs the user, OAuth the
 * client, a client certificate an https system URL; `sources` must enable at least one (see its `.meta()`).
 */
const crossFieldRules = {
  allOf: [
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `if`/`then` keywords, not a thenable
    { if: { properties: { auth: { const: "basic" } } }, then: { required: ["username"] } },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `if`/`then` keywords, not a thenable
    { if: authIs("oauthClientCredentials"), then: { required: ["oauth"] } },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `if`/`then` keywords, not a thenable
    { if: authIs("certificate"), then: { properties: { baseUrl: { type: "string", pattern: "^https:" } } } },
  ],
};

/** Zod schema of the SAP connector's settings (never secret). */
export const sapSettingsSchema = z
  .object({
    /** The system's root URL, e.g. `https://my300000-api.s4hana.cloud.sap` (service paths are appended). */
    baseUrl: endpointUrl.transform((u) => u.replace(/\/+$/, "")),
    /** The client (`sap-client`), three digits. */
    sapClient: z
      .string()
      .regex(/^\d{3}$/, "must be a three-digit client, e.g. 100")
      .optional(),
    /** Logon language (`sap-language`), e.g. `EN`. */
    sapLanguage: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "must be a two-letter language, e.g. EN")
      .optional(),
    /**
     * How the connector logs on: `basic` (communication user + password), `oauthClientCredentials`, `certificate`
     * (X.509 client certificate, mutual TLS) or `tokenProvider` (a bearer token the host app supplies: SAML
     * bearer, BTP destinations).
     */
    auth: z.enum(["basic", "oauthClientCredentials", "certificate", "tokenProvider"]).default("basic"),
    /** The communication user, for `basic`. */
    username: z.string().min(1).max(40).optional(),
    /** The OAuth client, for `oauthClientCredentials`. Token URL default `<baseUrl>/sap/bc/sec/oauth2/token`. */
    oauth: z
      .object({ clientId: z.string().min(1), tokenUrl: endpointUrl.optional(), scope: z.string().optional() })
      .optional(),
    /** CA certificates (PEM) to trust for the system's TLS certificate, besides the system's store. */
    caCertificate: z
      .string()
      .includes("BEGIN CERTIFICATE", { message: "must be a PEM certificate" })
      .optional(),
    /** The system time zone of business partner stamps and `Edm.DateTime` dates. Default `UTC`. */
    systemTimeZone: timeZone.default("UTC"),
    sources: z
      .object({
        equipment: equipmentSource.optional(),
        fixedAssets: fixedAssetSource.optional(),
        employees: z.discriminatedUnion("mode", [businessPartnerEmployees, customEmployees]).optional(),
      })
      .meta({ anyOf: [sourceOn("equipment"), sourceOn("fixedAssets"), sourceOn("employees")] }),
    /** Rows asked per request (`$top`), at most 5000. Default 1000. */
    pageSize: z.number().int().min(1).max(5000).default(1000),
    /** Incremental reads start this many seconds before the high-water mark. Default 300. */
    overlapSeconds: z.number().int().min(0).max(86_400).default(300),
    /** Hours between full sweeps that find physically deleted rows. Default 168 (weekly). */
    fullSweepHours: z
      .number()
      .min(1)
      .max(24 * 90)
      .default(168),
  })
  .meta(crossFieldRules)
  .superRefine((settings, ctx) => {
    if (settings.auth === "basic" && !settings.username)
      ctx.addIssue({ code: "custom", path: ["username"], message: "is required for basic auth" });
    if (settings.auth === "oauthClientCredentials" && !settings.oauth)
      ctx.addIssue({ code: "custom", path: ["oauth"], message: "is required for OAuth client credentials" });
    if (settings.auth === "certificate" && !settings.baseUrl.startsWith("https:"))
      ctx.addIssue({ code: "custom", path: ["baseUrl"], message: "must be https for client certificates" });
    const { equipment, fixedAssets, employees } = settings.sources;
    if (!equipment?.enabled && !fixedAssets?.enabled && !employees?.enabled)
      ctx.addIssue({ code: "custom", path: ["sources"], message: "must enable at least one source" });
  });

/** The SAP connector's settings, as the connector works with them (defaults applied). */
export type SapSettings = z.output<typeof sapSettingsSchema>;

/** The SAP connector's settings as an admin hands them in (defaults optional). */
export type SapSettingsInput = z.input<typeof sapSettingsSchema>;

/** The SAP connector's secrets. */
export type SapSecretName =
  | "password"
  | "clientSecret"
  | "clientCertificate"
  | "clientKey"
  | "clientKeyPassphrase";

/** Zod schema of the SAP connector's secrets (sealed by the credential store). */
export const sapSecretsSchema = z.object({
  /** The communication user's password (`basic`). */
  password: z.string().min(1).max(1024).optional(),
  /** The OAuth client's secret (`oauthClientCredentials`). */
  clientSecret: z.string().min(1).max(1024).optional(),
  /** The client certificate, PEM (`certificate`). */
  clientCertificate: z
    .string()
    .includes("BEGIN CERTIFICATE", { message: "must be a PEM certificate" })
    .optional(),
  /** Its private key, PEM (`certificate`). */
  clientKey: z.string().includes("PRIVATE KEY", { message: "must be a PEM private key" }).optional(),
  /** The private key's passphrase, if it is encrypted. */
  clientKeyPassphrase: z.string().min(1).optional(),
});

declare module "@uslimato/core" {
  interface ConnectorSettingsRegistry {
    sap: SapSettingsInput;
  }
}
