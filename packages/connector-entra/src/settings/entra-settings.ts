import {
  checkGraphAppSettings,
  type GraphAppSecretName,
  graphAppSecretsSchema,
  graphAppSettingsFields,
  graphAppSettingsJsonRules,
} from "@uslimato/msgraph";
import { z } from "zod";

/** Zod schema of the Entra connector's settings (never secret): the app registration's, plus what to read. */
export const entraSettingsSchema = z
  .object({
    ...graphAppSettingsFields,
    /** What to synchronize: `users` or `usersAndGroups`. */
    scope: z.enum(["users", "usersAndGroups"]).default("users"),
    /** Extra user properties to read (for custom mappings), besides the ones the defaults need. */
    userProperties: z
      .array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, "must be a Graph property name"))
      .max(40)
      .default([]),
  })
  .meta(graphAppSettingsJsonRules)
  .superRefine(checkGraphAppSettings);

/** The Entra connector's settings, as the connector works with them (defaults applied). */
export type EntraSettings = z.output<typeof entraSettingsSchema>;

/** The Entra connector's settings as an admin hands them to `hub.integrations.create` (defaults optional). */
export type EntraSettingsInput = z.input<typeof entraSettingsSchema>;

/** The Entra connector's secrets: a client secret, or a certificate's private key (PEM). */
export type EntraSecretName = GraphAppSecretName;

/** Zod schema of the Entra connector's secrets (sealed by the credential store, never kept in settings). */
export const entraSecretsSchema = graphAppSecretsSchema;

declare module "@uslimato/core" {
  // Types `connectorId: "entra"` also on a hub whose connectors are typed loosely (`AnyConnector`).
  interface ConnectorSettingsRegistry {
    entra: EntraSettingsInput;
  }
}
