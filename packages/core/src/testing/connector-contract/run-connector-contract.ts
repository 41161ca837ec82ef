import { noopLogger } from "../../logging/noop-logger";
import { resolveTestApi } from "../runner/resolve-test-api";
import type { TestApi } from "../runner/test-api";
import type { ConnectorContractOptions } from "./connector-contract-options";
import { contractHub } from "./contract-hub";
import { createMemoryState } from "./create-memory-state";
import { describeRecordCases } from "./describe-record-cases";
import { openSecretsOf, readAll } from "./read-all";

type Config = Awaited<ReturnType<ConnectorContractOptions["setup"]>>;

/**
 * Registers the test cases that prove a connector keeps core's contract: its description, schemas, connection
 * test, valid pages with JSON checkpoints, resuming from a checkpoint without losing records, incremental reads,
 * abort, and a full sync through a hub; for device and asset connectors also sweeps, owners, incomplete listings
 * and removals (see {@link ConnectorContractOptions.records}). Call it at the top level of a test file. The cases
 * register with `runner` (`node:test`: `{ describe, it, before, after }`), else with vitest or the runner's
 * globals, as `runStorageConformance` does.
 *
 * @example
 * ```ts
 * runConnectorContract({ connector: myConnector(), setup: async () => ({ settings: { baseUrl }, secrets: { apiKey } }) });
 * ```
 */
export function runConnectorContract(options: ConnectorContractOptions, runner?: TestApi): void {
  const t = resolveTestApi(runner);
  const { describe, it, expect, beforeAll, afterAll } = t;
  const { connector } = options;
  const timeout = options.timeoutMs ?? 30_000;
  const timed = (name: string, body: () => Promise<void>) => it(name, body, timeout);
  describe(`connector contract: ${options.name ?? connector.id}`, () => {
    let config: Config;
    beforeAll(async () => {
      config = await options.setup();
    }, timeout);
    afterAll(async () => {
      await config?.teardown?.();
    });

    it("describes itself", () => {
      expect(connector.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(connector.title.length).toBeGreaterThan(0);
      expect(connector.entities.length).toBeGreaterThan(0);
      expect(connector.capabilities.directions.length).toBeGreaterThan(0);
      for (const kind of Object.keys(connector.defaultMappings)) expect(connector.entities).toContain(kind);
      expect(new Set(connector.secretNames).size).toBe(connector.secretNames.length);
    });

    it("accepts its setup configuration and names every secret it validates", () => {
      expect(connector.settingsSchema.safeParse(config.settings).success).toBe(true);
      expect(connector.secretsSchema.safeParse(config.secrets).success).toBe(true);
      for (const name of Object.keys(config.secrets)) expect(connector.secretNames).toContain(name);
    });

    timed("passes the connection test, and fails it with a remedy on bad secrets", async () => {
      const ctx = {
        integrationId: "contract-integration",
        tenantId: "contract-tenant",
        settings: connector.settingsSchema.parse(config.settings),
        logger: noopLogger,
        signal: new AbortController().signal,
        state: createMemoryState(),
      };
      const ok = await connector.testConnection({ ...ctx, secrets: openSecretsOf(config.secrets) });
      expect(ok.ok).toBe(true);
      if (!config.badSecrets) return;
      const bad = await connector.testConnection({ ...ctx, secrets: openSecretsOf(config.badSecrets) });
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        expect(bad.code.length).toBeGreaterThan(0);
        expect(bad.remedy.length).toBeGreaterThan(0);
        for (const value of Object.values(config.badSecrets))
          expect(JSON.stringify(bad)).not.toContain(value);
      }
    });

    timed("yields valid pages with JSON checkpoints, of the kinds it declares", async () => {
      const pages = await readAll(connector, config, null);
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        expect(connector.entities).toContain(page.kind);
        expect(JSON.parse(JSON.stringify(page.checkpoint))).toEqual(page.checkpoint);
      }
      expect(pages.some((p) => p.upserts.length > 0)).toBe(true);
    });

    timed("resumes from a page's checkpoint without losing records", async () => {
      const all = await readAll(connector, config, null);
      const first = all[0]!;
      const ids = (pages: typeof all) =>
        new Set(pages.flatMap((p) => p.upserts.map((u) => `${p.kind}:${u.externalId}`)));
      const resumed = await readAll(connector, config, first.checkpoint);
      const union = new Set([...ids([first]), ...ids(resumed)]);
      for (const id of ids(all)) expect(union.has(id)).toBe(true);
    });

    timed("reads only changes from its last checkpoint when it is incremental", async () => {
      if (!connector.capabilities.incremental) return;
      const all = await readAll(connector, config, null);
      const last = all.at(-1)!.checkpoint;
      await config.mutate?.();
      const changes = await readAll(connector, config, last);
      const changed = changes.reduce((n, p) => n + p.upserts.length + p.removals.length, 0);
      const total = all.reduce((n, p) => n + p.upserts.length, 0);
      if (config.mutate) expect(changed).toBeGreaterThan(0);
      expect(changed).toBeLessThan(Math.max(total, 2));
    });

    timed("stops when its signal is aborted", async () => {
      const controller = new AbortController();
      controller.abort(new Error("stop"));
      await expect(readAll(connector, config, null, { signal: controller.signal })).rejects.toBeDefined();
    });

    timed("syncs through a hub", async () => {
      const { hub, integration } = await contractHub(options, config);
      const log = await hub.syncNow(integration.id);
      expect(log.status === "success" || log.status === "partial").toBe(true);
      expect(log.counts.processed).toBeGreaterThan(0);
    });

    if (connector.entities.some((kind) => kind === "device" || kind === "asset"))
      describeRecordCases(options, () => config, t);
  });
}
