import { inspect } from "node:util";
import { createHub, createMemoryStorage, Secret } from "@uslimato/core";
import { createFakeConnector, FakeDirectory } from "@uslimato/core/testing";
import { describe, expect, it } from "vitest";
import { createRecordingLogger } from "./fixtures/recording-logger";
import { createTestVault } from "./fixtures/test-vault";

const SECRET = "sup3r-s3cret-api-key-value-9f2c";
const forms = [SECRET, Buffer.from(SECRET).toString("base64"), Buffer.from(SECRET).toString("base64url")];

function expectNoSecret(text: string) {
  for (const form of forms) expect(text).not.toContain(form);
}

describe("no secret appears in any log line, error, sync log or audit entry", () => {
  it("through configure, test connection, a failing and a succeeding sync", async () => {
    const directory = new FakeDirectory({ apiKey: SECRET, people: 5 });
    const storage = createMemoryStorage();
    const logger = createRecordingLogger();
    const hub = createHub({
      storage,
      vault: createTestVault(),
      connectors: [createFakeConnector(directory)],
      logger,
    });
    const view = await hub.integrations.create({
      tenantId: "t",
      connectorId: "fake",
      name: "F",
      settings: { pageSize: 2 },
      secrets: { apiKey: SECRET },
      intervalMinutes: 30,
    });
    expect(view.secrets).toEqual([{ name: "apiKey", configured: true, updatedAt: expect.any(Date) }]);
    expectNoSecret(JSON.stringify(view));
    expect((await hub.testConnection(view.id)).ok).toBe(true);

    // A connector error that quotes the secret must be scrubbed.
    const leaky = createFakeConnector(directory, { id: "leaky" });
    // biome-ignore lint/correctness/useYield: this connector fails before its first page, on purpose
    leaky.read = async function* (ctx) {
      ctx.logger.info(
        { apiKey: ctx.secrets.apiKey, header: `Bearer ${ctx.secrets.apiKey?.reveal()}` },
        `calling with ${ctx.secrets.apiKey?.reveal()}`,
      );
      throw new Error(`request failed with key=${ctx.secrets.apiKey?.reveal()}`);
    };
    const hub2 = createHub({ storage, vault: createTestVault(), connectors: [leaky], logger });
    const leakyView = await hub2.integrations.create({
      tenantId: "t",
      connectorId: "leaky",
      name: "L",
      settings: {},
      secrets: { apiKey: SECRET },
      intervalMinutes: 30,
    });
    const failed = await hub2.syncNow(leakyView.id);
    expect(failed.status).toBe("failed");
    const ok = await hub.syncNow(view.id);
    expect(ok.status).toBe("success");

    await expect(hub.integrations.update(view.id, { secrets: { apiKey: "short" } })).rejects.toMatchObject({
      code: "CONFIG_INVALID",
    });

    const everything = [
      ...logger.lines,
      JSON.stringify(await hub.syncLogs(view.id)),
      JSON.stringify(await hub2.syncLogs(leakyView.id)),
      JSON.stringify(await hub.auditLog({})),
      JSON.stringify(await hub.integrations.list({ connectorId: "fake" })),
      JSON.stringify(await hub2.integrations.list({ connectorId: "leaky" })),
      JSON.stringify(await storage.secrets.list(view.id)),
      inspect(await storage.integrations.list(), { depth: 10 }),
    ].join("\n");
    expect(logger.lines.length).toBeGreaterThan(4);
    expectNoSecret(everything);
    expect(everything).toContain("[REDACTED]");
  });

  it("Secret prints as [REDACTED] everywhere but reveal()", () => {
    const secret = new Secret(SECRET);
    const printed = [
      String(secret),
      `${secret}`,
      JSON.stringify({ secret }),
      inspect(secret),
      inspect({ nested: { secret } }),
    ];
    for (const text of printed) expectNoSecret(text);
    expect(secret.reveal()).toBe(SECRET);
    expect(Object.keys(secret)).toEqual([]);
  });
});
