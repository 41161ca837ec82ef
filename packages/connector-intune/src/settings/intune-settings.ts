import {
  checkGraphAppSettings,
  type GraphAppSecretName,
  graphAppSecretsSchema,
  graphAppSettingsFields,
  graphAppSettingsJsonRules,
} from "@uslimato/msgraph";
import { z } from "zod";
import { LISTABLE_DEVICE_PROPERTIES, UNLISTED_DEVICE_PROPERTIES } from "./managed-device-properties";

const unlisted = new Set<string>(UNLISTED_DEVICE_PROPERTIES);

const deviceProperty = z.enum(LISTABLE_DEVICE_PROPERTIES, {
  error: (issue) =>
    typeof issue.input === "string" && unlisted.has(issue.input)
      ? `"${issue.input}" is null in Intune's list pages (only a GET of one device returns it), so a sweep cannot read it`
      : `${JSON.stringify(issue.input)} is not a managedDevice property a listing returns (see LISTABLE_DEVICE_PROPERTIES)`,
});

/** Zod schema of the Intune connector's settings (never secret): the app registration's, plus what to read. */
export const intuneSettingsSchema = z
  .object({
    ...graphAppSettingsFields,
    /** Extra `managedDevice` properties to read (for custom mappings), besides the ones the defaults need. */
    deviceProperties: z.array(deviceProperty).max(40).default([]),
    /**
     * Client-side scope: only devices of these owner types and operating systems (case-insensitive) are synced.
     * Intune ignores most `$filter`s silently, so the scope is never sent as one.
     */
    scope: z
      .object({
        ownerTypes: z
          .array(z.enum(["company", "personal", "unknown"]))
          .min(1)
          .optional(),
        // Not only white space: the JSON Schema states the trimmed length as a pattern (`\s` is what trim removes).
        operatingSystems: z
          .array(z.string().trim().min(1).meta({ pattern: "\\S" }))
          .min(1)
          .optional(),
      })
      .prefault({}),
    /**
     * `state` (default): the device's compliance verdict only. `perPolicy`: also each compliance policy's status for
     * the device (`compliancePolicies`), read policy by policy (never one request per device); needs
     * `DeviceManagementConfiguration.Read.All`.
     */
    complianceDetail: z.enum(["state", "perPolicy"]).default("state"),
    /** Hours between full sweeps (the only runs that notice deleted devices). Default 24. */
    fullSweepHours: z.number().min(1).max(336).default(24),
    /** Minutes an incremental read reaches back before its high-water mark (late check-ins). Default 10. */
    overlapMinutes: z.number().int().min(0).max(1440).default(10),
    /**
     * A sweep that lists this share fewer devices than the last complete sweep (with no `@odata.count` to say
     * otherwise) is treated as cut short: it removes nothing. Default 0.1.
     */
    sweepDropShare: z.number().min(0).max(1).default(0.1),
    /** Extra probes of the change watcher (each one request per interval). */
    watch: z
      .object({
        /** Entra `/devices/delta`: compliance flips and deletions on the Entra side (needs `Device.Read.All`). */
        entraDevices: z.boolean().default(false),
        /** Intune audit events: retire, wipe, delete, owner changes (needs `DeviceManagementApps.Read.All`). */
        auditEvents: z.boolean().default(false),
      })
      .prefault({}),
  })
  .meta(graphAppSettingsJsonRules)
  .superRefine(checkGraphAppSettings);

/** The Intune connector's settings, as the connector works with them (defaults applied). */
export type IntuneSettings = z.output<typeof intuneSettingsSchema>;

/** The Intune connector's settings as an admin hands them to `hub.integrations.create` (defaults optional). */
export type IntuneSettingsInput = z.input<typeof intuneSettingsSchema>;

/** The Intune connector's secrets: a client secret, or a certificate's private key (PEM). */
export type IntuneSecretName = GraphAppSecretName;

/** Zod schema of the Intune connector's secrets (sealed by the credential store, never kept in settings). */
export const intuneSecretsSchema = graphAppSecretsSchema;

declare module "@uslimato/core" {
  // Types `connectorId: "intune"` also on a hub whose connectors are typed loosely (`AnyConnector`).
  interface ConnectorSettingsRegistry {
    intune: IntuneSettingsInput;
  }
}
