import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { createEntraConnector } from "@uslimato/connector-entra";
import { createSapConnector } from "@uslimato/connector-sap";
import { createMemoryStorage } from "@uslimato/core";
import { createKeyRing, generateKey } from "@uslimato/credential-store";
import { DEFAULT_CLIENT_SECRET, startGraphSimulator, startSapSimulator } from "@uslimato/simulators";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createInterfaceHub } from "../src/index";
import { createSimulatedEntra } from "./support/entra-setup";

// Issue 21: with OpenTelemetry's in-memory exporters, a sync yields its spans and metrics, and no attribute
// carries a secret or an e-mail address.
const spans = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({
  exporter: metricExporter,
  exportIntervalMillis: 3_600_000,
});
const meterProvider = new MeterProvider({ readers: [reader] });
let sim: Awaited<ReturnType<typeof startGraphSimulator>>;

beforeAll(async () => {
  sim = await startGraphSimulator({ modelOptions: { users: 300, seed: 3 } });
});
afterAll(async () => {
  await sim?.close();
  await meterProvider.shutdown();
  await tracerProvider.shutdown();
});

it("a sync yields spans per sync, page and request, and the metrics; no secret or e-mail in any attribute", async () => {
  const app = createInterfaceHub({
    connectors: [createEntraConnector({ pageSize: 100, retry: { baseDelayMs: 1, maxDelayMs: 20 } })],
    storage: createMemoryStorage(),
    keyRing: createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" }),
    scheduler: false,
    webhooks: { publicUrl: "http://127.0.0.1:1", subscribe: false },
    telemetry: { tracer: tracerProvider.getTracer("test"), meter: meterProvider.getMeter("test") },
  });
  await app.start();
  const id = await createSimulatedEntra(app.hub, sim);
  // One throttled page: a retry and a throttling wait.
  sim.faults.inject({ kind: "throttle", match: "/v1.0/users", times: 1, after: 1, retryAfterSeconds: 1 });
  const log = await app.hub.syncNow(id);
  expect(log.status).toBe("success");
  // Most of the tenant disappears: the guard holds the deactivations back.
  for (const user of [...sim.model.listUsers()].slice(0, 200)) sim.model.hardDeleteUser(user.id);
  const blocked = await app.hub.syncNow(id);
  expect(blocked.failureCode).toBe("MASS_DEACTIVATION_BLOCKED");
  // A validation handshake through the one handler: webhook latency.
  const handshake = await app.handler(
    new Request("http://127.0.0.1:1/webhooks/entra?validationToken=abc", { method: "POST" }),
  );
  expect(handshake.status).toBe(200);
  await app.stop();

  const finished = spans.getFinishedSpans();
  const named = (name: string) => finished.filter((s) => s.name === name);
  const [sync] = named("uslimato.sync");
  expect(sync?.attributes).toMatchObject({
    "uslimato.integration.id": id,
    "uslimato.connector.id": "entra",
    "uslimato.sync.mode": "full",
    "uslimato.sync.trigger": "manual",
    "uslimato.sync.status": "success",
    "uslimato.sync.created": log.counts.created,
    "uslimato.sync.pages": log.pages,
  });
  expect(named("uslimato.sync")[1]?.status).toMatchObject({ code: 2, message: "MASS_DEACTIVATION_BLOCKED" });
  expect(named("uslimato.sync.page").length).toBe(log.pages + blocked.pages);
  expect(named("uslimato.sync.page")[0]?.attributes).toMatchObject({
    "uslimato.page.kind": "user",
    "uslimato.page.upserts": 100,
  });
  const graph = named("Graph GET");
  expect(graph.length).toBeGreaterThanOrEqual(log.pages);
  expect(graph.some((s) => s.attributes["uslimato.http.attempts"] === 2)).toBe(true);
  expect(named("uslimato.token").length).toBeGreaterThan(0);

  await reader.forceFlush();
  const points = metricExporter
    .getMetrics()
    .flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics))
    .map((m) => ({ name: m.descriptor.name, points: m.dataPoints }));
  const names = new Set(points.map((p) => p.name));
  for (const name of [
    "uslimato.sync.records_per_second",
    "uslimato.http.retries",
    "uslimato.http.throttle_wait",
    "uslimato.webhook.latency",
    "uslimato.guard.blocks",
  ])
    expect(names, name).toContain(name);

  // Nothing personal or secret: no e-mail, no UPN, no display name, no client secret, anywhere.
  const values = [
    ...finished.flatMap((s) => [...Object.values(s.attributes), s.status.message, s.name]),
    ...points.flatMap((p) => p.points.flatMap((d) => Object.values(d.attributes))),
  ].map(String);
  const personal = [...sim.model.listUsers()].flatMap((u) => [u.mail, u.userPrincipalName, u.displayName]);
  for (const value of values) {
    expect(value).not.toContain("@");
    expect(value).not.toContain(DEFAULT_CLIENT_SECRET);
  }
  const all = new Set(values);
  for (const p of personal) if (p) expect(all.has(p)).toBe(false);
});

it("an SAP sync yields a span per OData request, with no secret or e-mail in any attribute", async () => {
  const SAP_PASSWORD = "sap-telemetry-password";
  const sap = await startSapSimulator({
    username: "TELEMETRY_USER",
    password: SAP_PASSWORD,
    sapClient: "100",
    modelOptions: { equipment: 30, fixedAssets: 20, employees: 60, seed: 4 },
  });
  spans.reset();
  const app = createInterfaceHub({
    connectors: [createSapConnector({ retry: { baseDelayMs: 1, maxDelayMs: 20 } })],
    storage: createMemoryStorage(),
    keyRing: createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" }),
    scheduler: false,
    telemetry: { tracer: tracerProvider.getTracer("test"), meter: meterProvider.getMeter("test") },
  });
  try {
    await app.start();
    const { id } = await app.hub.integrations.create({
      tenantId: "host-tenant-1",
      connectorId: "sap",
      name: "SAP S/4HANA (simulated)",
      settings: {
        baseUrl: sap.url,
        sapClient: "100",
        auth: "basic",
        username: "TELEMETRY_USER",
        sources: {
          equipment: {},
          fixedAssets: { companyCodes: ["1010", "1710"] },
          employees: { mode: "businessPartner" },
        },
        pageSize: 10,
      },
      secrets: { password: SAP_PASSWORD },
      intervalMinutes: 60,
    });
    // One throttled request: a retry on the SAP client too.
    sap.faults.inject({ kind: "throttle", match: /API_EQUIPMENT/, times: 1, retryAfterSeconds: 1 });
    const log = await app.hub.syncNow(id);
    expect(log.status).toBe("success");
    expect(log.counts.created).toBeGreaterThan(0);
    await app.stop();

    const finished = spans.getFinishedSpans();
    const [sync] = finished.filter((s) => s.name === "uslimato.sync");
    expect(sync?.attributes).toMatchObject({
      "uslimato.integration.id": id,
      "uslimato.connector.id": "sap",
      "uslimato.sync.status": "success",
    });
    const requests = finished.filter(
      (s) => s.name === "HTTP GET" && s.attributes["uslimato.http.service"] === "sap",
    );
    expect(requests.length).toBeGreaterThanOrEqual(log.pages);
    expect(requests.some((s) => s.attributes["uslimato.http.attempts"] === 2)).toBe(true);
    // The employees carry e-mail addresses: none of them, nor the password or the user, reaches an attribute.
    const values = finished
      .flatMap((s) => [...Object.values(s.attributes), s.status.message, s.name])
      .map(String);
    for (const value of values) {
      expect(value).not.toContain("@");
      expect(value).not.toContain(SAP_PASSWORD);
      expect(value).not.toContain("TELEMETRY_USER");
    }
  } finally {
    await app.stop();
    await sap.close();
  }
});
