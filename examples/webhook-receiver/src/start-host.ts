import { createEntraConnector, type EntraConnectorOptions } from "@uslimato/connector-entra";
import { createHub, createMemoryStorage, type Hub, type SyncLog, type SyncTrigger } from "@uslimato/core";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import {
  createSimulatorNetworkClient,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type GraphSimulator,
  startGraphSimulator,
} from "@uslimato/simulators";

/** A host app with one Entra integration against an in-process Graph simulator. */
export interface Host {
  sim: GraphSimulator;
  hub: Hub;
  integrationId: string;
  /** The connector's options; the webhook module needs the same ones (msal's network client). */
  connectorOptions: EntraConnectorOptions;
  /** Resolves with the next finished sync started by `trigger`; rejects after `timeoutMs` (default 10 s). */
  nextSync(trigger: SyncTrigger, timeoutMs?: number): Promise<SyncLog>;
  close(): Promise<void>;
}

/** Starts the Graph simulator and a hub (memory storage, demo-only key ring) with one Entra integration. */
export async function startHost(options: { users?: number } = {}): Promise<Host> {
  const sim = await startGraphSimulator({ modelOptions: { users: options.users ?? 200 } });
  const waiting = new Set<{ trigger: SyncTrigger; resolve: (log: SyncLog) => void }>();
  const connectorOptions: EntraConnectorOptions = { networkClient: createSimulatorNetworkClient(sim) };
  const hub = createHub({
    storage: createMemoryStorage(),
    // DEMO ONLY: a fresh key each run; a real host loads its key ring (keyRingFromEnv).
    vault: createCredentialStore({
      keyRing: createKeyRing({ keys: [{ id: "demo-only", key: generateKey() }], activeKeyId: "demo-only" }),
    }),
    connectors: [createEntraConnector(connectorOptions)],
    mapping: fieldMappingEngine(),
    onSyncFinished: (log) => {
      for (const waiter of waiting) if (waiter.trigger === log.trigger) waiter.resolve(log);
    },
  });
  const integration = await hub.integrations.create({
    tenantId: "host-tenant-1",
    connectorId: "entra",
    name: "Microsoft Entra ID (simulated)",
    settings: {
      tenantId: sim.tenantId,
      clientId: DEFAULT_CLIENT_ID,
      endpoints: {
        authorityHost: sim.url,
        graphBaseUrl: `${sim.url}/v1.0`,
        scope: "https://graph.microsoft.com/.default",
      },
    },
    secrets: { clientSecret: DEFAULT_CLIENT_SECRET },
    intervalMinutes: 60,
  });
  return {
    sim,
    hub,
    integrationId: integration.id,
    connectorOptions,
    nextSync: (trigger, timeoutMs = 10_000) =>
      new Promise<SyncLog>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(waiter);
          reject(new Error(`no ${trigger}-triggered sync within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = {
          trigger,
          resolve: (log: SyncLog) => {
            clearTimeout(timer);
            waiting.delete(waiter);
            resolve(log);
          },
        };
        waiting.add(waiter);
      }),
    close: () => sim.close(),
  };
}
