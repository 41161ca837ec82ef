import { z } from "zod";

/** Settings of an Acme HR integration (never secret). */
export const hrSettingsSchema = z.object({
  /** Base URL of the HR system, e.g. `https://hr.acme.example` (the API lives under `/api`). */
  baseUrl: z.url(),
  /** People per page, 1..500. */
  pageSize: z.number().int().min(1).max(500).default(200),
});

/** The HR connector's settings (defaults applied). */
export type HrSettings = z.output<typeof hrSettingsSchema>;

/** The HR connector's settings as an admin hands them in (`pageSize` optional). */
export type HrSettingsInput = z.input<typeof hrSettingsSchema>;

/** The HR connector's only secret. */
export type HrSecretName = "apiKey";

/** The API key, sealed by the credential store; optional here so an update can leave it unchanged. */
export const hrSecretsSchema = z
  .object({ apiKey: z.string().min(16, "must be an Acme HR API key") })
  .partial();

declare module "@uslimato/core" {
  // Types `connectorId: "acme-hr"` also on hubs whose connectors are typed loosely (`AnyConnector[]`).
  interface ConnectorSettingsRegistry {
    "acme-hr": HrSettingsInput;
  }
}
