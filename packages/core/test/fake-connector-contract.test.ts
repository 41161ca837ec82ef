import { createFakeConnector, FakeDirectory, runConnectorContract } from "@uslimato/core/testing";

const directory = new FakeDirectory({ people: 42 });

runConnectorContract({
  connector: createFakeConnector(directory),
  setup: async () => ({
    settings: { pageSize: 10 },
    secrets: { apiKey: directory.apiKey },
    badSecrets: { apiKey: "wrong-api-key-000" },
    mutate: async () => directory.update("p000003", { displayName: "Changed" }),
  }),
});
