import { randomUUID } from "node:crypto";
import { createEntraConnector } from "@uslimato/connector-entra";
import { runConnectorContract } from "@uslimato/core/testing";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import {
  createSimulatorNetworkClient,
  DEFAULT_CLIENT_SECRET,
  startGraphSimulator,
} from "@uslimato/simulators";
import { simulatorSettings } from "./fixtures/setup-entra";

const sim = await startGraphSimulator({ modelOptions: { users: 450, seed: 9 } });

runConnectorContract({
  connector: createEntraConnector({
    networkClient: createSimulatorNetworkClient(sim),
    pageSize: 100,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
  }),
  mapping: fieldMappingEngine(),
  setup: async () => ({
    settings: simulatorSettings(sim, { scope: "usersAndGroups" }),
    secrets: { clientSecret: DEFAULT_CLIENT_SECRET },
    badSecrets: { clientSecret: `wrong-${randomUUID()}` },
    mutate: async () => {
      sim.model.updateUser([...sim.model.listUsers()][3]!.id, { displayName: "Contract Change" });
    },
    teardown: () => sim.close(),
  }),
});
