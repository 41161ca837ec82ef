import { createEntraConnector } from "@uslimato/connector-entra";
import { createHub, type SyncLog } from "@uslimato/core";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import { createSimulatorNetworkClient } from "@uslimato/simulators";
import { type BenchStorageKind, createBenchStorage } from "../sync/bench-storage";
import type { ClientInput } from "./graph-page";

/** Input of {@link entraSync}. */
export interface EntraSyncInput extends ClientInput {
  storage: BenchStorageKind;
  /** With `percent`: after the full sync, change that share of users in the simulator, then sync incrementally. */
  delta?: { percent: number };
  controlUrl?: string;
}

/**
 * A full Entra sync through the hub, the real connector, field mapping, reconciliation and checkpoints, into the
 * given storage. Returns `count` (users processed), `pages` and `workMs` (the sync alone, set-up excluded); with
 * `delta`, also the incremental run's figures (`deltaWallMs`, `deltaUsers`, `deltaPages`).
 */
export async function entraSync(input: EntraSyncInput): Promise<Record<string, number>> {
  const { storage, dispose } = await createBenchStorage(input.storage);
  try {
    const keyRing = createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" });
    const hub = createHub({
      storage,
      vault: createCredentialStore({ keyRing }),
      connectors: [createEntraConnector({ networkClient: createSimulatorNetworkClient({ url: input.url }) })],
      mapping: fieldMappingEngine(),
      plan: "enterprise",
    });
    const integration = await hub.integrations.create({
      tenantId: "bench-host-tenant",
      connectorId: "entra",
      name: "Entra (benchmark)",
      settings: {
        tenantId: input.tenantId,
        clientId: input.clientId,
        endpoints: {
          authorityHost: input.url,
          graphBaseUrl: `${input.url}/v1.0`,
          scope: "https://graph.microsoft.com/.default",
        },
      },
      secrets: { clientSecret: input.clientSecret },
      intervalMinutes: 60,
    });
    const started = performance.now();
    const full = checked(await hub.syncNow(integration.id, { full: true }));
    const workMs = performance.now() - started;
    const pages = full.pages;
    if (!input.delta) return { count: full.counts.processed, workMs, pages };
    if (!input.controlUrl) throw new Error("a delta run needs the simulator's control URL");
    const res = await fetch(`${input.controlUrl}/mutate?percent=${input.delta.percent}`, { method: "POST" });
    const { changed } = (await res.json()) as { changed: number };
    const deltaStarted = performance.now();
    const delta = checked(await hub.syncNow(integration.id));
    const deltaWallMs = performance.now() - deltaStarted;
    return {
      count: full.counts.processed,
      workMs,
      pages,
      deltaWallMs,
      deltaUsers: delta.counts.processed,
      deltaPages: delta.pages,
      changed,
    };
  } finally {
    await dispose();
  }
}

function checked(log: SyncLog): SyncLog {
  if (log.status !== "success") {
    throw new Error(`sync ended ${log.status}: ${JSON.stringify(log.errors?.slice(0, 3) ?? [])}`);
  }
  return log;
}
