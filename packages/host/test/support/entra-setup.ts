import { randomBytes } from "node:crypto";
import type { AnyConnector, Hub } from "@uslimato/core";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type GraphSimulator } from "@uslimato/simulators";
import pg from "pg";

/** The real PostgreSQL the tests use (trust auth). Override with `USLIMATO_TEST_POSTGRES_URL`. */
export const TEST_DATABASE_URL =
  process.env["USLIMATO_TEST_POSTGRES_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

/** A fresh name: `host_<random>`. */
export const randomName = (): string => `host_${randomBytes(6).toString("hex")}`;

/** Runs one statement on the test database and closes the connection. */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The connection string of another database on the test server. */
export function databaseUrl(database: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates an Entra integration against the simulator. */
export async function createSimulatedEntra(hub: Hub<AnyConnector>, sim: GraphSimulator): Promise<string> {
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
  return integration.id;
}
