import { createSapConnector } from "@uslimato/connector-sap";
import { runConnectorContract } from "@uslimato/core/testing";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import { startSapSimulator } from "@uslimato/simulators";
import { SAP_PASSWORD, sapSettings, testOptions } from "./fixtures/setup-sap";

const sim = await startSapSimulator({
  modelOptions: { equipment: 120, fixedAssets: 40, employees: 60, seed: 11 },
  services: { equipment: { maxPageSize: 50 } },
});

runConnectorContract({
  connector: createSapConnector(testOptions),
  mapping: fieldMappingEngine(),
  setup: async () => ({
    settings: sapSettings(sim, { pageSize: 40 }),
    secrets: { password: SAP_PASSWORD },
    badSecrets: { password: "definitely-wrong-password" },
    mutate: async () => {
      sim.model.updateEquipment("10000007", { EquipmentName: "Contract change" });
    },
    teardown: () => sim.close(),
  }),
  records: {
    removeOne: () => {
      const id = ["10000011", "10000012", "10000013"].find(
        (e) => sim.model.equipment(e)?.EquipmentIsMarkedForDeletion === false,
      ) as string;
      sim.model.markEquipmentDeleted(id);
      return `equipment/${id}`;
    },
  },
});
