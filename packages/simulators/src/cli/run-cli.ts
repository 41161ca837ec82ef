import { parseArgs } from "node:util";
import { createGraphModel } from "../graph/model/create-graph-model";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "../graph/model/graph-model";
import { type GraphSimulator, startGraphSimulator } from "../graph/start-graph-simulator";
import { createSapModel } from "../sap/create-sap-model";
import { type SapSimulator, startSapSimulator } from "../sap/start-sap-simulator";

/** Usage text of `uslimato-sim`. */
const CLI_USAGE = `uslimato-sim: local simulators of Microsoft Graph and SAP S/4HANA (never a real tenant)

  uslimato-sim graph [--users 1000] [--groups N] [--devices N] [--seed 1] [--port 4010] [--host 127.0.0.1]
  uslimato-sim sap   [--equipment 1000] [--fixed-assets 1000] [--employees 1000] [--seed 1] [--port 4020]
                     [--user SIM_USER] [--password sim-password] [--client 100] [--time-zone UTC]
                     [--max-page 5000] [--default-page 100] [--skiptoken offset|cursor]
                     [--oauth-client ID --oauth-secret SECRET] [--custom-employees v2|v4|off]
                     [--email-stamps-partner] [--partner-stamps-equipment]

  --port 0 picks a free port.
`;

/** What `uslimato-sim` started: a simulator to stop, or nothing (usage printed; `exitCode` says how). */
export type CliRun =
  | { kind: "graph"; simulator: GraphSimulator }
  | { kind: "sap"; simulator: SapSimulator }
  | { kind: "usage"; exitCode: number };

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative integer`);
  return parsed;
}

/**
 * Runs the `uslimato-sim` command line (`graph` or `sap` plus options) and prints where the simulator listens.
 * The simulator keeps running until the caller closes it (the bin closes it on Ctrl-C).
 */
export async function runCli(args: readonly string[], print: (line: string) => void): Promise<CliRun> {
  const [command, ...rest] = args;
  if (command !== "graph" && command !== "sap") {
    print(CLI_USAGE);
    return { kind: "usage", exitCode: command === undefined || command === "--help" ? 0 : 1 };
  }
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
      "fixed-assets": { type: "string" },
      "time-zone": { type: "string" },
      "max-page": { type: "string" },
      "default-page": { type: "string" },
      skiptoken: { type: "string" },
      "oauth-client": { type: "string" },
      "oauth-secret": { type: "string" },
      "custom-employees": { type: "string" },
      "email-stamps-partner": { type: "boolean" },
      "partner-stamps-equipment": { type: "boolean" },
    },
  });
  const host = values.host ?? "127.0.0.1";
  if (command === "graph") {
    const started = performance.now();
    const model = createGraphModel({
      seed: values.seed ?? 1,
      users: count("users", values.users, 1000),
      ...(values.groups !== undefined ? { groups: count("groups", values.groups, 0) } : {}),
      ...(values.devices !== undefined ? { devices: count("devices", values.devices, 0) } : {}),
    });
    const simulator = await startGraphSimulator({ model, port: count("port", values.port, 4010), host });
    const ms = Math.round(performance.now() - started);
    const counts = model.counts();
    print(
      `Graph simulator on ${simulator.url} (${counts.users} users, ${counts.devices} devices, started in ${ms} ms)`,
    );
    print(`  tenant id:      ${simulator.tenantId}`);
    print(`  token endpoint: ${simulator.url}/${simulator.tenantId}/oauth2/v2.0/token`);
    print(`  users:          ${simulator.graphBaseUrl}/v1.0/users`);
    print(`  Intune devices: ${simulator.graphBaseUrl}/v1.0/deviceManagement/managedDevices`);
    print(`  SIMULATOR-ONLY demo app: client id ${DEFAULT_CLIENT_ID}  secret ${DEFAULT_CLIENT_SECRET}`);
    return { kind: "graph", simulator };
  }
  const custom = values["custom-employees"] ?? "v2";
  if (custom !== "v2" && custom !== "v4" && custom !== "off")
    throw new Error("--custom-employees must be v2, v4 or off");
  const skiptoken = values.skiptoken ?? "offset";
  if (skiptoken !== "offset" && skiptoken !== "cursor")
    throw new Error("--skiptoken must be offset or cursor");
  if ((values["oauth-client"] === undefined) !== (values["oauth-secret"] === undefined)) {
    throw new Error("--oauth-client and --oauth-secret go together");
  }
  const model = createSapModel({
    seed: values.seed ?? 1,
    equipment: count("equipment", values.equipment, 1000),
    fixedAssets: count("fixed-assets", values["fixed-assets"] ?? values.assets, 1000),
    employees: count("employees", values.employees, 1000),
    ...(values["time-zone"] ? { systemTimeZone: values["time-zone"] } : {}),
    ...(values["email-stamps-partner"] ? { addressChangesStampPartner: true } : {}),
    ...(values["partner-stamps-equipment"] ? { partnerChangesStampEquipment: true } : {}),
    customEmployees: custom === "off" ? false : { version: custom },
  });
  const username = values.user ?? "SIM_USER";
  const password = values.password ?? "sim-password";
  const sapClient = values.client ?? "100";
  const oauth =
    values["oauth-client"] !== undefined && values["oauth-secret"] !== undefined
      ? { clientId: values["oauth-client"], clientSecret: values["oauth-secret"] }
      : undefined;
  const simulator = await startSapSimulator({
    model,
    port: count("port", values.port, 4020),
    host,
    username,
    password,
    sapClient,
    skiptoken,
    ...(values["max-page"] !== undefined ? { maxPageSize: count("max-page", values["max-page"], 5000) } : {}),
    ...(values["default-page"] !== undefined
      ? { defaultPageSize: count("default-page", values["default-page"], 100) }
      : {}),
    ...(oauth ? { oauth } : {}),
  });
  print(
    `SAP simulator on ${simulator.url} (system time zone ${model.systemTimeZone}, ${skiptoken} skiptokens)`,
  );
  for (const service of model.services) {
    print(`  ${simulator.url}${service.path}/${service.sets[0]?.name ?? ""}  (OData ${service.version})`);
  }
  if (oauth)
    print(`  OAuth token endpoint: ${simulator.url}/sap/bc/sec/oauth2/token (client ${oauth.clientId})`);
  print(`  SIMULATOR-ONLY basic auth: ${username} / ${password}, sap-client ${sapClient}`);
  return { kind: "sap", simulator };
}
