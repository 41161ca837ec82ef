import { createIntuneConnector } from "@uslimato/connector-intune";
import { createHub, createMemoryStorage, type Hub, type SyncLog } from "@uslimato/core";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import { createSimulatorNetworkClient } from "@uslimato/simulators";
import type { ClientInput } from "./graph-page";

/**
 * A hub over the memory adapter with the Intune connector (msal through the simulator's network client, as in the
 * Entra cases) and one Intune integration on the simulator.
 */
export async function intuneHub(
  input: ClientInput,
  settings: Record<string, unknown> = {},
): Promise<{ hub: Hub; id: string }> {
  const keyRing = createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" });
  const hub = createHub({
    storage: createMemoryStorage(),
    vault: createCredentialStore({ keyRing }),
    connectors: [createIntuneConnector({ networkClient: createSimulatorNetworkClient({ url: input.url }) })],
    mapping: fieldMappingEngine(),
    plan: "enterprise",
  });
  const integration = await hub.integrations.create({
    tenantId: "bench-host-tenant",
    connectorId: "intune",
    name: "Intune (benchmark)",
    settings: {
      tenantId: input.tenantId,
      clientId: input.clientId,
      endpoints: {
        authorityHost: input.url,
        graphBaseUrl: `${input.url}/v1.0`,
        scope: "https://graph.microsoft.com/.default",
      },
      ...settings,
    },
    secrets: { clientSecret: input.clientSecret },
    intervalMinutes: 60,
  });
  return { hub, id: integration.id };
}

/** The log of a run that succeeded, or an error with its first problems. */
export function succeeded(log: SyncLog): SyncLog {
  if (log.status !== "success")
    throw new Error(`sync ended ${log.status}: ${JSON.stringify(log.errors?.slice(0, 3) ?? [])}`);
  return log;
}
