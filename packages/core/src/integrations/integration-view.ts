import type { IntegrationRecord, SealedSecretRecord } from "../storage/records";

/** One secret field of an integration as an admin may see it: configured or not, and since when. Never the value. */
export interface ConfiguredSecret {
  name: string;
  configured: boolean;
  updatedAt: Date | null;
}

/** An integration as the hub returns it: its configuration and a "configured" indicator per secret. */
export interface IntegrationView extends IntegrationRecord {
  secrets: ConfiguredSecret[];
}

/**
 * Builds the view of an integration from its record and its sealed secrets (only names and dates are read).
 * Only the connector's own secret names are shown; internal sealed values (e.g. webhook client states) are not.
 */
export function toIntegrationView(
  record: IntegrationRecord,
  sealed: ReadonlyArray<SealedSecretRecord>,
  secretNames: ReadonlyArray<string>,
): IntegrationView {
  const byName = new Map(sealed.map((s) => [s.name, s.updatedAt]));
  const names = [...new Set(secretNames)];
  return {
    ...structuredClone(record),
    secrets: names.map((name) => ({
      name,
      configured: byName.has(name),
      updatedAt: byName.get(name) ?? null,
    })),
  };
}
