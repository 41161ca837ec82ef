#!/usr/bin/env node
import { parseArgs } from "node:util";
import { createGraphModel } from "./graph/model/create-graph-model";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "./graph/model/graph-model";
import { startGraphSimulator } from "./graph/start-graph-simulator";
import { createSapModel } from "./sap/create-sap-model";
import { startSapSimulator } from "./sap/start-sap-simulator";

const USAGE = `uslimato-sim: local simulators of Microsoft Graph and SAP S/4HANA (never a real tenant)

  uslimato-sim graph [--users 100000] [--groups N] [--devices N] [--seed 1] [--port 4010] [--host 127.0.0.1]
  uslimato-sim sap   [--equipment 1000] [--assets 1000] [--employees 1000] [--seed 1] [--port 4020]
                     [--user SIM_USER] [--password sim-password] [--client 100]
`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      users: { type: "string" },
      groups: { type: "string" },
      devices: { type: "string" },
      equipment: { type: "string" },
      assets: { type: "string" },
      employees: { type: "string" },
      seed: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      user: { type: "string" },
      password: { type: "string" },
      client: { type: "string" },
    },
  });
  const num = (value: string | undefined, fallback: number): number =>
    value === undefined ? fallback : Number(value);
  let close: () => Promise<void>;
  if (command === "graph") {
    const started = Date.now();
    const model = createGraphModel({
      seed: values.seed ?? 1,
      users: num(values.users, 1000),
      ...(values.groups ? { groups: num(values.groups, 0) } : {}),
      ...(values.devices ? { devices: num(values.devices, 0) } : {}),
    });
    const sim = await startGraphSimulator({
      model,
      port: num(values.port, 4010),
      host: values.host ?? "127.0.0.1",
    });
    close = sim.close;
    console.log(
      `Graph simulator on ${sim.url} (${model.counts().users} users, started in ${Date.now() - started} ms)`,
    );
    console.log(`  tenant id:      ${sim.tenantId}`);
    console.log(`  token endpoint: ${sim.url}/${sim.tenantId}/oauth2/v2.0/token`);
    console.log(`  users:          ${sim.graphBaseUrl}/v1.0/users`);
    console.log(`  SIMULATOR-ONLY demo app: client id ${DEFAULT_CLIENT_ID}  secret ${DEFAULT_CLIENT_SECRET}`);
  } else if (command === "sap") {
    const model = createSapModel({
      seed: values.seed ?? 1,
      equipment: num(values.equipment, 1000),
      fixedAssets: num(values.assets, 1000),
      employees: num(values.employees, 1000),
    });
    const username = values.user ?? "SIM_USER";
    const password = values.password ?? "sim-password";
    const sapClient = values.client ?? "100";
    const sim = await startSapSimulator({
      model,
      port: num(values.port, 4020),
      host: values.host ?? "127.0.0.1",
      username,
      password,
      sapClient,
    });
    close = sim.close;
    console.log(`SAP simulator on ${sim.url}`);
    console.log(`  ${sim.url}/sap/opu/odata/sap/API_EQUIPMENT/Equipment`);
    console.log(`  ${sim.url}/sap/opu/odata4/sap/api_fixedasset/srvd_a2x/sap/fixedasset/0001/FixedAsset`);
    console.log(`  ${sim.url}/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner`);
    console.log(`  SIMULATOR-ONLY basic auth: ${username} / ${password}, sap-client ${sapClient}`);
  } else {
    console.log(USAGE);
    process.exitCode = command === undefined || command === "--help" ? 0 : 1;
    return;
  }
  process.once("SIGINT", () => {
    void close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
