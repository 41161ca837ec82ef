import { type SapPerson, startSapSimulator } from "@uslimato/simulators";
import { formatConnectionTest } from "../../output/format-connection-test";
import { type DemoStep, requireLive } from "../demo-context";

/** The simulator's communication user and its (simulator-only) password. */
const SAP_USER = "SIM_USER";
const SAP_PASSWORD = "sim-password";

/** SAP sizes that follow the Entra tenant's, so `--users` scales both and the demo stays quick. */
function sapSizes(users: number): { equipment: number; fixedAssets: number; employees: number } {
  return {
    equipment: Math.max(20, Math.round(users / 2)),
    fixedAssets: Math.max(10, Math.round(users / 10)),
    employees: Math.max(20, Math.round(users / 5)),
  };
}

/**
 * Step 9: a SAP S/4HANA OData simulator in this process whose first employees are enabled users of the Graph
 * tenant (same names and e-mails), and an SAP integration reading equipment, fixed assets and employees, tested.
 */
export const sapSetup: DemoStep = {
  name: "sapSetup",
  title: "Start the SAP S/4HANA simulator; configure and test an SAP integration",
  async run(ctx) {
    const { sim, runtime } = requireLive(ctx);
    const sizes = sapSizes(ctx.users);
    const people: SapPerson[] = [];
    for (const user of sim.model.listUsers()) {
      if (people.length >= Math.round(sizes.employees / 2)) break;
      if (user.accountEnabled && user.mail && user.givenName && user.surname)
        people.push({ firstName: user.givenName, lastName: user.surname, email: user.mail });
    }
    ctx.sap = await startSapSimulator({
      host: "127.0.0.1",
      username: SAP_USER,
      password: SAP_PASSWORD,
      modelOptions: { ...sizes, seed: 42, people, systemTimeZone: "Europe/Berlin" },
    });
    const view = await runtime.hub.integrations.create({
      tenantId: runtime.config.tenantId,
      connectorId: "sap",
      name: "SAP S/4HANA (simulated)",
      settings: {
        baseUrl: ctx.sap.url,
        sapClient: "100",
        auth: "basic",
        username: SAP_USER,
        systemTimeZone: "Europe/Berlin",
        sources: {
          // the person responsible (partner function VW) owns the equipment: an employee, so a host user
          equipment: { ownerPartnerFunction: "VW" },
          fixedAssets: { companyCodes: ["1010", "1710"] },
          employees: { mode: "businessPartner" },
        },
      },
      secrets: { password: SAP_PASSWORD },
      intervalMinutes: 60,
    });
    ctx.sapIntegrationId = view.id;
    const { line } = ctx.output;
    line(
      `  SAP simulator at ${ctx.sap.url}: ${sizes.equipment} equipment, ${sizes.fixedAssets} fixed assets, ${sizes.employees} business partners (${people.length} of them also in Entra ID)`,
    );
    line(
      `  integration ${view.id}: ${view.name}; ${view.secrets.map((s) => `${s.name} ${s.configured ? "configured" : "not set"}`).join(", ")}`,
    );
    const result = await runtime.hub.testConnection(view.id);
    line(formatConnectionTest(result, ctx.output.colors));
    if (!result.ok) throw Object.assign(new Error(result.message), { code: result.code });
    return {
      url: ctx.sap.url,
      ...sizes,
      sharedPeople: people.length,
      integrationId: view.id,
      secrets: view.secrets.map((s) => ({ name: s.name, configured: s.configured })),
      testSteps: result.steps.map((s) => s.name),
    };
  },
};
