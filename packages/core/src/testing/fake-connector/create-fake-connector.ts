import type { Connector } from "../../connector/connector";
import type { JsonValue } from "../../connector/json";
import type { SourcePage } from "../../connector/source-page";
import { assertFakeApiKey, fakeApiKeySchema, fakePageSizeSchema, testFakeApiKey } from "./fake-api-key";
import type { FakeDirectory, FakePerson } from "./fake-directory";

/** Settings of the fake connector. */
export interface FakeConnectorSettings {
  pageSize: number;
}

/** Settings an admin hands in for the fake connector (`pageSize` defaults to 100). */
export interface FakeConnectorSettingsInput {
  pageSize?: number | undefined;
}

type FakeCheckpoint = { phase: "full"; cursor: number; startSeq: number } | { phase: "delta"; seq: number };

/**
 * A connector over a {@link FakeDirectory}: full reads with sweep markers, incremental reads from a change
 * sequence, records already in internal field names (`email`, `displayName`, `active`). Use it to test hosts,
 * storage adapters and the runner. Its id is `fake` unless `options.id` says otherwise.
 */
export function createFakeConnector<const Id extends string = "fake">(
  directory: FakeDirectory,
  options: { id?: Id } = {},
): Connector<FakeConnectorSettings, "apiKey", Id, FakeConnectorSettingsInput> {
  return {
    id: options.id ?? ("fake" as Id),
    title: "Fake directory",
    settingsSchema: fakePageSizeSchema,
    secretsSchema: fakeApiKeySchema,
    secretNames: ["apiKey"],
    entities: ["user"],
    capabilities: { incremental: true, webhooks: false, directions: ["inbound"] },
    defaultMappings: {},
    async testConnection(ctx) {
      return testFakeApiKey(ctx.secrets.apiKey?.reveal(), directory.apiKey);
    },
    async *read(ctx) {
      assertFakeApiKey(ctx.secrets.apiKey?.reveal(), directory.apiKey);
      const checkpoint = (ctx.checkpoint as FakeCheckpoint | null) ?? {
        phase: "full",
        cursor: 0,
        startSeq: directory.sequence,
      };
      let yielded = 0;
      const emit = function* (page: SourcePage) {
        if (directory.failAfterPages !== null && yielded >= directory.failAfterPages)
          throw new Error("simulated crash while reading");
        yielded++;
        if (directory.malformedPage === yielded) {
          yield { ...page, upserts: [{ externalId: "", data: {} }] } as SourcePage;
          return;
        }
        yield page;
      };
      if (checkpoint.phase === "full") {
        const people = directory.sorted();
        for (
          let cursor = checkpoint.cursor;
          cursor < people.length || cursor === 0;
          cursor += ctx.settings.pageSize
        ) {
          ctx.signal.throwIfAborted();
          const slice = people.slice(cursor, cursor + ctx.settings.pageSize);
          const end = cursor + slice.length;
          const last = end >= people.length;
          const next: FakeCheckpoint = last
            ? { phase: "delta", seq: checkpoint.startSeq }
            : { phase: "full", cursor: end, startSeq: checkpoint.startSeq };
          yield* emit({
            kind: "user",
            upserts: slice.map(toRecord),
            removals: [],
            checkpoint: next as unknown as JsonValue,
            fullScan: { first: cursor === 0, last },
          });
          if (last) break;
        }
        return;
      }
      const changes = directory.changesSince(checkpoint.seq);
      for (let i = 0; i < changes.length; i += ctx.settings.pageSize) {
        ctx.signal.throwIfAborted();
        const slice = changes.slice(i, i + ctx.settings.pageSize);
        const upserts = slice
          .filter((c) => !c.removed && directory.people.has(c.id))
          .map((c) => toRecord(directory.people.get(c.id)!));
        const removals = slice
          .filter((c) => c.removed)
          .map((c) => ({ externalId: c.id, reason: "deleted" as const }));
        yield* emit({
          kind: "user",
          upserts,
          removals,
          checkpoint: { phase: "delta", seq: slice.at(-1)!.seq },
        });
      }
    },
  };
}

function toRecord(person: FakePerson) {
  return {
    externalId: person.id,
    data: { ...person.extra, email: person.email, displayName: person.displayName, active: person.active },
  };
}
