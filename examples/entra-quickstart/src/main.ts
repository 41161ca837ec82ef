/**
 * Entra quickstart: a host app that configures Microsoft Entra ID, tests the connection, syncs and prints the log.
 * Offline against the Graph simulator by default; against a real tenant when ENTRA_TENANT_ID, ENTRA_CLIENT_ID and
 * ENTRA_CLIENT_SECRET are set. `--sqlite FILE` stores everything in one SQLite file instead of memory; `--intune` also
 * syncs the Intune managed devices of the same tenant, owned by the Entra users just synced.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { createEntraConnector } from "@uslimato/connector-entra";
import { createIntuneConnector } from "@uslimato/connector-intune";
import { createHub, createMemoryStorage } from "@uslimato/core";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import * as simulator from "@uslimato/simulators";
import { createSqliteStorage } from "@uslimato/storage-sqlite";

const { values } = parseArgs({
  options: {
    sqlite: { type: "string" },
    users: { type: "string", default: "500" },
    intune: { type: "boolean", default: false },
  },
});
const { ENTRA_TENANT_ID, ENTRA_CLIENT_ID, ENTRA_CLIENT_SECRET } = process.env;
const realTenant = Boolean(ENTRA_TENANT_ID && ENTRA_CLIENT_ID && ENTRA_CLIENT_SECRET);

// The same code path for both: only the endpoints (and msal's network client) point at the simulator.
const sim = realTenant
  ? null
  : await simulator.startGraphSimulator({ modelOptions: { users: Number(values.users) } });
const settings = sim
  ? {
      tenantId: sim.tenantId,
      clientId: simulator.DEFAULT_CLIENT_ID,
      endpoints: {
        authorityHost: sim.url,
        graphBaseUrl: `${sim.url}/v1.0`,
        scope: "https://graph.microsoft.com/.default",
      },
    }
  : { tenantId: ENTRA_TENANT_ID ?? "", clientId: ENTRA_CLIENT_ID ?? "" };

// DEMO ONLY: a fresh key each run. In production load your ring: keyRingFromEnv(process.env.USLIMATO_KEYS).
const keyRing = createKeyRing({ keys: [{ id: "demo-only", key: generateKey() }], activeKeyId: "demo-only" });
const storage = values.sqlite ? createSqliteStorage({ filename: values.sqlite }) : createMemoryStorage();
const network = sim ? { networkClient: simulator.createSimulatorNetworkClient(sim) } : {};
const hub = createHub({
  storage,
  vault: createCredentialStore({ keyRing }),
  connectors: [createEntraConnector(network), createIntuneConnector(network)],
  mapping: fieldMappingEngine(),
  plan: "enterprise",
});

const integration = await hub.integrations.create({
  tenantId: "host-tenant-1",
  connectorId: "entra",
  name: "Microsoft Entra ID",
  settings: { ...settings, scope: "users" },
  secrets: { clientSecret: sim ? simulator.DEFAULT_CLIENT_SECRET : ENTRA_CLIENT_SECRET },
  intervalMinutes: 60,
});
const where = sim ? `the Graph simulator at ${sim.url}` : `tenant ${ENTRA_TENANT_ID}`;
console.log(`configured "${integration.name}" against ${where}, ${values.sqlite ?? "in-memory"} storage`);
console.log(`secrets: ${integration.secrets.map((s) => `${s.name} configured=${s.configured}`).join(", ")}`);

const test = await hub.testConnection(integration.id);
console.log(`test connection: ${test.ok ? "ok" : `failed (${test.code}): ${test.message} - ${test.remedy}`}`);
for (const step of test.steps) console.log(`  ${step.ok ? "✓" : "✗"} ${step.name}: ${step.message}`);

if (test.ok) {
  await hub.syncNow(integration.id);
  console.log("sync log:");
  for (const log of await hub.syncLogs(integration.id)) {
    const seconds = ((log.finishedAt?.getTime() ?? Date.now()) - log.startedAt.getTime()) / 1000;
    const counts = Object.entries(log.counts).map(([name, n]) => `${name}=${n}`);
    console.log(
      `  ${log.trigger} ${log.mode} ${log.status} ${counts.join(" ")} pages=${log.pages} ${seconds}s`,
    );
    for (const error of log.errors) console.log(`    ${error.code}: ${error.message}`);
  }
} else process.exitCode = 1;

// Intune next to Entra: the same app registration (plus DeviceManagementManagedDevices.Read.All), its own integration.
if (test.ok && values.intune) {
  const intune = await hub.integrations.create({
    tenantId: "host-tenant-1",
    connectorId: "intune",
    name: "Microsoft Intune",
    settings,
    secrets: { clientSecret: sim ? simulator.DEFAULT_CLIENT_SECRET : ENTRA_CLIENT_SECRET },
    intervalMinutes: 60,
  });
  const log = await hub.syncNow(intune.id);
  const devices = await storage.inspect.listRecords(intune.id, "device");
  const owned = devices.filter((device) => device.owner?.userId).length;
  console.log(`intune: ${log.mode} ${log.status} devices=${devices.length} owned by synced users=${owned}`);
  if (log.status === "failed") process.exitCode = 1;
}

await storage.close?.();
await sim?.close();
