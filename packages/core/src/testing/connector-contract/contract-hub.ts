import { createHub } from "../../hub/create-hub";
import type { Hub } from "../../hub/hub";
import type { IntegrationView } from "../../integrations/integration-view";
import type { CredentialVault } from "../../secrets/credential-vault";
import { Secret } from "../../secrets/secret";
import { createMemoryStorage } from "../../storage/memory/create-memory-storage";
import type { InspectableStorage } from "../../storage/storage-adapter";
import type { ConnectorContractOptions } from "./connector-contract-options";

/** A hub over memory storage with the connector under test and one integration of the setup configuration. */
export async function contractHub(
  options: ConnectorContractOptions,
  config: { settings: unknown; secrets: Record<string, string> },
): Promise<{ hub: Hub; storage: InspectableStorage; integration: IntegrationView }> {
  const sealed = new Map<string, string>();
  const vault: CredentialVault = {
    async seal(owner, value) {
      const envelope = `${owner.integrationId}/${owner.name}`;
      sealed.set(envelope, Secret.isSecret(value) ? value.reveal() : value);
      return { envelope, keyId: "contract" };
    },
    async open(_owner, envelope) {
      return new Secret(sealed.get(envelope) ?? "");
    },
  };
  const storage = createMemoryStorage();
  const hub = createHub({
    storage,
    vault,
    connectors: [options.connector],
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  const integration = await hub.integrations.create({
    tenantId: "contract-tenant",
    connectorId: options.connector.id,
    name: "contract",
    settings: config.settings,
    secrets: config.secrets,
    intervalMinutes: 60,
  });
  return { hub, storage, integration };
}
