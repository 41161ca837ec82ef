import { LISTING_INCOMPLETE, type SourcePage, SWEEP_INCOMPLETE } from "../../connector/source-page";
import type { RecordKind } from "../../storage/records";
import type { ResolvedTestApi } from "../runner/test-api";
import type { ConnectorContractOptions } from "./connector-contract-options";
import { contractHub } from "./contract-hub";
import { readAll } from "./read-all";

type Config = { settings: unknown; secrets: Record<string, string> };

const isRecordKind = (kind: string): kind is RecordKind => kind === "device" || kind === "asset";

/**
 * The connector contract's cases for device and asset connectors: full reads are sweeps, owners are well formed,
 * an incomplete listing is marked and removes nothing, a record gone from the source is removed with a reason.
 */
export function describeRecordCases(
  options: ConnectorContractOptions,
  config: () => Config,
  { it, expect }: ResolvedTestApi,
): void {
  const { connector } = options;
  const timeout = options.timeoutMs ?? 30_000;
  const timed = (name: string, body: () => Promise<void>) => it(name, body, timeout);
  const hooks = options.records ?? {};
  const kinds = connector.entities.filter(isRecordKind);

  timed(
    "reads each device/asset kind as a full sweep from no checkpoint (first and last marked)",
    async () => {
      const pages = await readAll(connector, config(), null);
      for (const kind of kinds) {
        const ofKind = pages.filter((p) => p.kind === kind);
        expect(ofKind.length, `pages of kind ${kind}`).toBeGreaterThan(0);
        expect(ofKind[0]?.fullScan?.first, `first ${kind} page marks fullScan.first`).toBe(true);
        expect(ofKind.at(-1)?.fullScan?.last, `last ${kind} page marks fullScan.last`).toBe(true);
      }
    },
  );

  timed("gives owners an email or an external user id with its source", async () => {
    const pages = await readAll(connector, config(), null);
    const owners = pages
      .filter((p) => isRecordKind(p.kind))
      .flatMap((p) => p.upserts.flatMap((u) => (u.owner ? [u.owner] : [])));
    if (hooks.ownerSource) expect(owners.length).toBeGreaterThan(0);
    for (const owner of owners) {
      expect(owner.email !== undefined || owner.externalUserId !== undefined).toBe(true);
      if (owner.email !== undefined) expect(owner.email).toMatch(/^[^@\s]+@[^@\s]+$/);
      if (owner.externalUserId !== undefined) {
        expect(owner.externalUserId.length).toBeGreaterThan(0);
        expect(owner.source ?? "").not.toBe("");
        if (hooks.ownerSource) expect(owner.source).toBe(hooks.ownerSource);
      }
    }
  });

  timed("marks a truncated listing incomplete, and a sync then removes nothing", async () => {
    if (!hooks.truncate) return;
    const { hub, storage, integration } = await contractHub(options, config());
    await hub.syncNow(integration.id);
    await hooks.truncate();
    try {
      const pages = await readAll(connector, config(), null);
      for (const kind of kinds) {
        const last = pages.filter((p) => p.kind === kind).at(-1) as SourcePage;
        const marked =
          last.fullScan?.complete === false ||
          (last.notices ?? []).some((n) => n.code === LISTING_INCOMPLETE);
        expect(marked, `the last ${kind} page of a truncated listing is marked incomplete`).toBe(true);
      }
      const log = await hub.syncNow(integration.id, { full: true });
      expect(log.notices.map((n) => n.code)).toContain(SWEEP_INCOMPLETE);
      for (const kind of kinds) {
        const records = await storage.inspect.listRecords(integration.id, kind);
        expect(records.filter((r) => r.removed || r.pendingRemoval)).toEqual([]);
      }
    } finally {
      await hooks.restore?.();
    }
  });

  timed("removes a record that left the source, and names valid removal reasons", async () => {
    if (!hooks.removeOne) return;
    const { hub, storage, integration } = await contractHub(options, config());
    await hub.syncNow(integration.id);
    const gone = await hooks.removeOne();
    const log = await hub.syncNow(integration.id);
    expect(log.status === "success" || log.status === "partial").toBe(true);
    const records = (
      await Promise.all(kinds.map((k) => storage.inspect.listRecords(integration.id, k)))
    ).flat();
    expect(records.find((r) => r.externalId === gone)?.removed).toBe(true);
    for (const page of await readAll(connector, config(), null)) {
      for (const removal of page.removals)
        expect(["deleted", "softDeleted", "outOfScope"]).toContain(removal.reason);
    }
  });
}
