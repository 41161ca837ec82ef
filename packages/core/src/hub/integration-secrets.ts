import type { OpenSecrets } from "../connector/connector";
import type { CredentialVault } from "../secrets/credential-vault";
import { Secret } from "../secrets/secret";
import type { IntegrationRecord, SealedSecretRecord } from "../storage/records";
import type { SecretStore } from "../storage/storage-adapter";
import { STATE_PREFIX } from "./create-sealed-state";

/** Secret values as an admin hands them in: plaintext, a {@link Secret}, `null` to remove, `undefined` to keep. */
export type SecretInput = Readonly<Record<string, string | Secret | null | undefined>>;

/** Seals, stores and opens an integration's secrets; remembers every opened value so logs can redact it. */
export interface IntegrationSecrets {
  /** Seals and stores the given secrets, removes the `null` ones; returns the names set and removed. */
  store(record: IntegrationRecord, secrets: SecretInput): Promise<{ set: string[]; removed: string[] }>;
  /** Opens the connector's secrets (not its sealed state) just in time. */
  open(record: IntegrationRecord): Promise<OpenSecrets>;
  /** Values opened so far, for the redacting logger. */
  readonly opened: ReadonlySet<string>;
}

/** Creates the hub's {@link IntegrationSecrets} over the storage adapter's secret store and the vault. */
export function createIntegrationSecrets(
  secrets: SecretStore,
  vault: CredentialVault,
  clock: () => Date,
): IntegrationSecrets {
  const opened = new Set<string>();
  return {
    opened,
    async store(record, input) {
      const sealed: SealedSecretRecord[] = [];
      const removed: string[] = [];
      for (const [name, value] of Object.entries(input)) {
        if (value === undefined) continue;
        if (value === null) {
          removed.push(name);
          continue;
        }
        const owner = { tenantId: record.tenantId, integrationId: record.id, name };
        const { envelope, keyId } = await vault.seal(owner, value);
        sealed.push({ ...owner, envelope, keyId, updatedAt: clock() });
      }
      if (sealed.length) await secrets.put(sealed);
      if (removed.length) await secrets.delete(record.id, removed);
      return { set: sealed.map((s) => s.name), removed };
    },
    async open(record) {
      const open: Record<string, Secret> = {};
      for (const sealed of await secrets.list(record.id)) {
        if (sealed.name.startsWith(STATE_PREFIX)) continue;
        const owner = { tenantId: record.tenantId, integrationId: record.id, name: sealed.name };
        const secret = await vault.open(owner, sealed.envelope);
        open[sealed.name] = secret;
        opened.add(secret.reveal());
      }
      return open;
    },
  };
}

/** The plaintext of given secrets, for schema validation only (never stored or logged). */
export function plainSecrets(secrets: SecretInput): Record<string, string> {
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(secrets)) {
    if (value != null) plain[name] = Secret.isSecret(value) ? value.reveal() : value;
  }
  return plain;
}
