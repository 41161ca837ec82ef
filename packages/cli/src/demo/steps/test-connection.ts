import { formatConnectionTest } from "../../output/format-connection-test";
import { type DemoStep, requireLive } from "../demo-context";

/** Step 3: "Test connection": token, permissions, a first read. */
export const testConnection: DemoStep = {
  name: "testConnection",
  title: "Test the connection",
  async run(ctx) {
    const { runtime, integrationId } = requireLive(ctx);
    const result = await runtime.hub.testConnection(integrationId);
    ctx.output.line(formatConnectionTest(result, ctx.output.colors));
    if (!result.ok) throw Object.assign(new Error(result.message), { code: result.code });
    return { ok: true, steps: result.steps };
  },
};
