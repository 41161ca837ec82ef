import { startGraphSimulator } from "@uslimato/simulators";
import type { DemoStep } from "../demo-context";

/** Step 1: a Microsoft Graph + Entra token endpoint simulator in this process, on a free port. */
export const startSimulator: DemoStep = {
  name: "simulator",
  title: "Start the Microsoft Graph simulator (in-process, no network)",
  async run(ctx) {
    ctx.sim = await startGraphSimulator({ host: "127.0.0.1", modelOptions: { users: ctx.users, seed: 42 } });
    for (const rule of ctx.faults) ctx.sim.faults.inject(rule);
    const { users, groups } = ctx.sim.model.counts();
    ctx.output.line(
      `  Graph simulator at ${ctx.sim.url}: tenant ${ctx.sim.tenantId}, ${users.toLocaleString("en-US")} users, ${groups} groups`,
    );
    if (ctx.faults.length > 0)
      ctx.output.line(`  faults injected: ${ctx.faults.map((f) => f.kind).join(", ")}`);
    return { url: ctx.sim.url, tenantId: ctx.sim.tenantId, users, groups, faults: ctx.faults.length };
  },
};
