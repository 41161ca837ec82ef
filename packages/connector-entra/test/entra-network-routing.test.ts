import { createEntraConnector, entraSettingsSchema } from "@uslimato/connector-entra";
import { noopLogger } from "@uslimato/core/connector";
import { createMemoryState, openSecretsOf } from "@uslimato/core/testing";
import {
  createSimulatorNetworkClient,
  DEFAULT_CLIENT_SECRET,
  type GraphSimulator,
  startGraphSimulator,
} from "@uslimato/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulatorSettings } from "./fixtures/setup-entra";

const REAL_SECRET = "real-tenant-secret-must-stay-home";

describe("one Entra connector for a simulator integration and a Microsoft one", () => {
  let sim: GraphSimulator;
  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 10, seed: 2 } });
  });
  afterAll(() => sim?.close());

  const ctx = (settings: Record<string, unknown>, secret: string) => ({
    integrationId: "i",
    tenantId: "host",
    settings: entraSettingsSchema.parse(settings),
    secrets: openSecretsOf({ clientSecret: secret }),
    logger: noopLogger,
    signal: new AbortController().signal,
    state: createMemoryState(),
  });
  const real = {
    tenantId: "33333333-3333-4333-8333-333333333333",
    clientId: "44444444-4444-4444-8444-444444444444",
    scope: "users",
  };

  it("never sends the Microsoft integration's secret to the simulator, even given its network client", async () => {
    const connector = createEntraConnector({ networkClient: createSimulatorNetworkClient(sim) });
    const result = await connector.testConnection(ctx(real, REAL_SECRET));
    expect(result).toMatchObject({ ok: false, failedStep: "token", code: "INVALID_ENDPOINT" });
    expect(sim.requests.entries.some((r) => r.path.includes("/oauth2/"))).toBe(false);
  });

  it("routes each integration by its own endpoints when no network client is given", async () => {
    const connector = createEntraConnector({ maxRetries: 0 });
    const simulated = await connector.testConnection(ctx(simulatorSettings(sim), DEFAULT_CLIENT_SECRET));
    expect(simulated.ok).toBe(true);
    const before = sim.requests.entries.length;
    // the Microsoft integration goes to Microsoft (unreachable here): never to the simulator
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop")), 300);
    await connector.testConnection({ ...ctx(real, REAL_SECRET), signal: controller.signal });
    expect(sim.requests.entries.slice(before).some((r) => r.path.includes("/oauth2/"))).toBe(false);
  });
});
