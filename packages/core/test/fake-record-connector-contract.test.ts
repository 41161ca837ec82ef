import { createFakeRecordConnector, FakeInventory, runConnectorContract } from "@uslimato/core/testing";

const inventory = new FakeInventory({
  items: 30,
  owners: (n) => ({ ownerExternalId: `p${n}`, ownerEmail: `person.${n}@example.com` }),
});

runConnectorContract({
  connector: createFakeRecordConnector(inventory, { id: "fake-devices", ownerSource: "entra" }),
  setup: async () => ({
    settings: { pageSize: 7 },
    secrets: { apiKey: inventory.apiKey },
    badSecrets: { apiKey: "wrong-api-key-000" },
  }),
  records: {
    ownerSource: "entra",
    truncate: () => {
      inventory.truncateAfter = 10;
    },
    restore: () => {
      inventory.truncateAfter = null;
    },
    removeOne: () => {
      const [first] = inventory.sorted();
      inventory.remove(first!.id);
      return first!.id;
    },
  },
});
