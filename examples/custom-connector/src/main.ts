/**
 * Custom connector: the Acme HR connector against its own tiny HR server, through a hub: test connection, a full
 * sync, changes in HR, an incremental sync, and a full resync that notices a deleted person.
 *
 * @module
 */
import { createHub, createMemoryStorage, type SyncLog } from "@uslimato/core";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import { createHrConnector } from "./connector/create-hr-connector";
import { startHrServer } from "./hr-server/start-hr-server";

const hr = await startHrServer({ people: 250 });
const hub = createHub({
  storage: createMemoryStorage(),
  // DEMO ONLY: a fresh key each run; a real host loads its key ring (keyRingFromEnv).
  vault: createCredentialStore({
    keyRing: createKeyRing({ keys: [{ id: "demo-only", key: generateKey() }], activeKeyId: "demo-only" }),
  }),
  connectors: [createHrConnector()],
  mapping: fieldMappingEngine(),
});
const print = (label: string, log: SyncLog) => {
  const counts = Object.entries(log.counts).map(([name, n]) => `${name}=${n}`);
  console.log(`${label}: ${log.mode} ${log.status} ${counts.join(" ")} pages=${log.pages}`);
};

try {
  const integration = await hub.integrations.create({
    tenantId: "host-tenant-1",
    connectorId: "acme-hr",
    name: "Acme HR",
    settings: { baseUrl: hr.url, pageSize: 100 },
    secrets: { apiKey: hr.apiKey },
    intervalMinutes: 60,
  });
  const test = await hub.testConnection(integration.id);
  console.log(`test connection: ${test.ok ? "ok" : `${test.code} - ${test.remedy}`}`);
  print("first sync", await hub.syncNow(integration.id));

  const [renamed, leaving, deleted] = hr.directory.all();
  hr.directory.update(renamed!.id, { name: "Ada King" });
  hr.directory.update(leaving!.id, { active: false });
  hr.directory.remove(deleted!.id);
  hr.directory.add({ email: "new.hire@acme-hr.example", name: "New Hire" });
  console.log("in HR: 1 renamed, 1 set inactive, 1 deleted, 1 hired");
  print("incremental sync", await hub.syncNow(integration.id));
  print("full resync", await hub.syncNow(integration.id, { full: true }));
} finally {
  await hr.close();
}
