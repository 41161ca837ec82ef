import type { z } from "zod";
import type { Connector } from "../../connector/connector";
import { LISTING_INCOMPLETE, type SourcePage } from "../../connector/source-page";
import type { RecordKind } from "../../storage/records";
import { assertFakeApiKey, fakeApiKeySchema, fakePageSizeSchema, testFakeApiKey } from "./fake-api-key";
import type { FakeInventory } from "./fake-inventory";

/** Settings of the fake device/asset connector. */
export interface FakeRecordConnectorSettings {
  pageSize: number;
}

/** Options of {@link createFakeRecordConnector}. */
export interface FakeRecordConnectorOptions {
  /** Connector id. Default `fake-devices` (or `fake-assets`). */
  id?: string;
  /** The kind of record it lists. Default `device`. */
  kind?: RecordKind;
  /** The connector id whose links resolve the items' `ownerExternalId`, e.g. `entra`. Default `fake`. */
  ownerSource?: string;
}

/**
 * A device (or asset) connector over a {@link FakeInventory}: every read is a full, paged sweep with owners; a
 * truncated listing is marked incomplete the way the inventory says. Use it to test hosts, adapters and the runner.
 */
export function createFakeRecordConnector(
  inventory: FakeInventory,
  options: FakeRecordConnectorOptions = {},
): Connector<FakeRecordConnectorSettings, "apiKey"> {
  const kind = options.kind ?? "device";
  const source = options.ownerSource ?? "fake";
  return {
    id: options.id ?? (kind === "device" ? "fake-devices" : "fake-assets"),
    title: `Fake ${kind} inventory`,
    settingsSchema: fakePageSizeSchema as z.ZodType<FakeRecordConnectorSettings>,
    secretsSchema: fakeApiKeySchema,
    secretNames: ["apiKey"],
    entities: [kind],
    capabilities: { incremental: false, webhooks: false, directions: ["inbound"] },
    defaultMappings: {},
    async testConnection(ctx) {
      return testFakeApiKey(ctx.secrets.apiKey?.reveal(), inventory.apiKey);
    },
    async *read(ctx) {
      assertFakeApiKey(ctx.secrets.apiKey?.reveal(), inventory.apiKey);
      const all = inventory.sorted();
      const truncated = inventory.truncateAfter !== null && inventory.truncateAfter < all.length;
      const items = truncated ? all.slice(0, inventory.truncateAfter ?? 0) : all;
      const start = (ctx.checkpoint as { cursor?: number } | null)?.cursor ?? 0;
      for (let cursor = start; cursor < items.length || cursor === 0; cursor += ctx.settings.pageSize) {
        ctx.signal.throwIfAborted();
        const slice = items.slice(cursor, cursor + ctx.settings.pageSize);
        const end = cursor + slice.length;
        const last = end >= items.length;
        const page: SourcePage = {
          kind,
          upserts: slice.map((item) => ({
            externalId: item.id,
            data: { name: item.name },
            owner:
              item.ownerExternalId === null && item.ownerEmail === null
                ? null
                : {
                    ...(item.ownerExternalId === null
                      ? {}
                      : { externalUserId: item.ownerExternalId, source }),
                    ...(item.ownerEmail === null ? {} : { email: item.ownerEmail }),
                  },
          })),
          removals: [],
          checkpoint: { cursor: last ? 0 : end },
          fullScan: {
            first: cursor === 0,
            last,
            ...(last && truncated && inventory.truncationSignal === "flag" ? { complete: false } : {}),
          },
          ...(last && truncated && inventory.truncationSignal === "notice"
            ? {
                notices: [
                  { code: LISTING_INCOMPLETE, message: `the listing ended after ${items.length} items` },
                ],
              }
            : {}),
        };
        yield page;
        if (last) break;
      }
    },
  };
}
