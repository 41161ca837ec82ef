import { randomUUID } from "node:crypto";
import { createIntuneBudgets, createIntuneConnector } from "@uslimato/connector-intune";
import { runConnectorContract } from "@uslimato/core/testing";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import { DEFAULT_CLIENT_SECRET, startGraphSimulator } from "@uslimato/simulators";
import { intuneSettings } from "./fixtures/setup-intune";

const sim = await startGraphSimulator({ modelOptions: { users: 300, devices: 450, seed: 9 } });
let truncation: { remove(): void } | undefined;

runConnectorContract({
  connector: createIntuneConnector({
    pageSize: 100,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    budgets: createIntuneBudgets(),
  }),
  mapping: fieldMappingEngine(),
  setup: async () => ({
    settings: intuneSettings(sim),
    secrets: { clientSecret: DEFAULT_CLIENT_SECRET },
    badSecrets: { clientSecret: `wrong-${randomUUID()}` },
    mutate: async () => {
      sim.model.syncDevice(sim.model.device(3).id);
    },
    teardown: () => sim.close(),
  }),
  records: {
    ownerSource: "entra",
    truncate: () => {
      truncation = sim.faults.inject({
        kind: "truncatedListing",
        match: "/v1.0/deviceManagement/managedDevices",
        after: 2,
      });
    },
    restore: () => truncation?.remove(),
    removeOne: () => {
      const device = sim.model.device(sim.model.deviceSlots - 1);
      sim.model.deleteDevice(device.id);
      sim.model.completeDeviceAction(device.id);
      return device.id;
    },
  },
});
