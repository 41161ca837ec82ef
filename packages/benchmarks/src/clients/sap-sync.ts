import { createSapConnector } from "@uslimato/connector-sap";
import { createHub, createMemoryStorage } from "@uslimato/core";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import type { SapClientInput } from "./sap-floor-loop";

/**
 * A first SAP sync of equipment through the hub, the real connector (keyset paging, current segments), field
 * mapping, reconciliation and checkpoints, into the memory adapter. Returns `count` (equipment processed) and
 * `workMs` (the sync alone, set-up excluded).
 */
export async function sapSync(input: SapClientInput): Promise<Record<string, number>> {
  const keyRing = createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" });
  const hub = createHub({
    storage: createMemoryStorage(),
    vault: createCredentialStore({ keyRing }),
    connectors: [createSapConnector()],
    mapping: fieldMappingEngine(),
    plan: "enterprise",
  });
  const integration = await hub.integrations.create({
    tenantId: "bench-host-tenant",
    connectorId: "sap",
    name: "SAP (benchmark)",
    settings: {
      baseUrl: input.url,
      sapClient: input.sapClient,
      auth: "basic",
      username: input.username,
      sources: { equipment: {} },
      pageSize: input.pageSize,
    },
    secrets: { password: input.password },
    intervalMinutes: 60,
  });
  const started = performance.now();
  const log = await hub.syncNow(integration.id, { full: true });
  const workMs = performance.now() - started;
  if (log.status !== "success")
    throw new Error(`sync ended ${log.status}: ${JSON.stringify(log.errors?.slice(0, 3) ?? [])}`);
  return { count: log.counts.processed, workMs };
}
