import type { ConnectorState } from "../connector/connector-state";
import type { CredentialVault } from "../secrets/credential-vault";
import type { Secret } from "../secrets/secret";
import type { SecretStore } from "../storage/storage-adapter";

/** Prefix of the sealed secret names that hold connector state, apart from the connector's own secrets. */
export const STATE_PREFIX = "state:";

/** A {@link ConnectorState} over the storage adapter's secret store, every value sealed for its owner. */
export function createSealedState(
  owner: { tenantId: string; integrationId: string },
  secrets: SecretStore,
  vault: CredentialVault,
  clock: () => Date,
): ConnectorState {
  const open = (name: string, envelope: string): Promise<Secret> => vault.open({ ...owner, name }, envelope);
  return {
    async get(name) {
      const key = STATE_PREFIX + name;
      const record = (await secrets.list(owner.integrationId)).find((r) => r.name === key);
      return record ? open(key, record.envelope) : null;
    },
    async list(prefix = "") {
      const wanted = STATE_PREFIX + prefix;
      const records = (await secrets.list(owner.integrationId)).filter((r) => r.name.startsWith(wanted));
      return Promise.all(
        records.map(async (r) => ({
          name: r.name.slice(STATE_PREFIX.length),
          value: await open(r.name, r.envelope),
        })),
      );
    },
    async put(name, value) {
      const key = STATE_PREFIX + name;
      const sealed = await vault.seal({ ...owner, name: key }, value);
      await secrets.put([
        { ...owner, name: key, envelope: sealed.envelope, keyId: sealed.keyId, updatedAt: clock() },
      ]);
    },
    async delete(name) {
      await secrets.delete(owner.integrationId, [STATE_PREFIX + name]);
    },
  };
}
