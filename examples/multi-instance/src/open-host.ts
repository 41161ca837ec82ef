import { type AnyConnector, createHub, type Hub, type PlanTable } from "@uslimato/core";
import { createFakeConnector, FakeDirectory } from "@uslimato/core/testing";
import { createCredentialStore, keyRingFromEnv } from "@uslimato/credential-store";
import { createPostgresStorage, type PostgresStorage } from "@uslimato/storage-postgres";

/** A plan whose minimum interval is one unit: with `intervalUnitMs: 1000` slots come seconds apart. */
export const DEMO_PLANS: PlanTable = { demo: { name: "Demo", interfaceHub: true, minIntervalMinutes: 1 } };

/** One interval unit of the demo: a second instead of a minute. */
export const INTERVAL_UNIT_MS = 1_000;

/** Where a host process finds its database and keys. */
export interface HostConfig {
  connectionString: string;
  /** Schema of the hub's tables; pg-boss uses `<schema>_boss`. */
  schema: string;
  /** The key ring in `keyRingFromEnv` form (`id:BASE64`); every instance needs the same one. */
  keys: string;
  /** How many HR systems (connectors `hr-1` ... `hr-N`, each with its own people) every instance offers. */
  systems: number;
}

/**
 * A hub on the shared PostgreSQL schema offering `systems` fake HR systems as connectors `hr-1` ... `hr-N`, each
 * with its own people. Every instance builds the same ones, so any instance can run any integration. Each page is
 * answered after `latencyMs`, like a remote system, so runs take long enough to collide if nothing prevented it.
 */
export async function openHost(
  config: HostConfig,
  options: { latencyMs?: number } = {},
): Promise<{ hub: Hub; storage: PostgresStorage; apiKey: string }> {
  const storage = await createPostgresStorage({
    connectionString: config.connectionString,
    schema: config.schema,
  });
  const systems = Array.from({ length: config.systems }, (_, i) => {
    const directory = new FakeDirectory({ apiKey: "demo-hr-api-key-0123456789" });
    for (let n = 0; n < 300; n++)
      directory.upsert({
        id: `p${n}`,
        email: `person.${n}@hr-${i + 1}.example`,
        displayName: `Person ${n}`,
        active: true,
      });
    return withLatency(createFakeConnector(directory, { id: `hr-${i + 1}` }), options.latencyMs ?? 40);
  });
  const hub = createHub({
    storage,
    vault: createCredentialStore({ keyRing: keyRingFromEnv(config.keys) }),
    connectors: systems,
    plan: "demo",
    plans: DEMO_PLANS,
  });
  return { hub, storage, apiKey: "demo-hr-api-key-0123456789" };
}

function withLatency(connector: AnyConnector, latencyMs: number): AnyConnector {
  return {
    ...connector,
    async *read(ctx) {
      for await (const page of connector.read(ctx)) {
        await new Promise((resolve) => setTimeout(resolve, latencyMs));
        yield page;
      }
    },
  };
}
