import type { FaultRule, GraphSimulator, SapSimulator } from "@uslimato/simulators";
import type { OutputStream } from "../cli/cli-io";
import type { Colors } from "../output/colors";
import type { Runtime } from "../runtime/open-runtime";

/** How the demo talks: human lines (bars on a TTY, plain lines in CI) or nothing until the final JSON. */
export interface DemoOutput {
  stream: OutputStream;
  colors: Colors;
  json: boolean;
  progress: "bar" | "lines" | "silent";
  /** Writes a human line (nothing in `--json` mode). */
  line(text?: string): void;
}

/** What the demo's steps share; each step fills in what the next ones need. */
export interface DemoContext {
  users: number;
  output: DemoOutput;
  /** Temp folder holding config, demo key ring and SQLite file. */
  dataDir?: string;
  configPath?: string;
  databasePath?: string;
  keyRingPath?: string;
  sim?: GraphSimulator;
  runtime?: Runtime;
  integrationId?: string;
  /** The SAP S/4HANA simulator and the SAP integration (the SAP steps). */
  sap?: SapSimulator;
  sapIntegrationId?: string;
  /** How many users the tenant holds after the changes step. */
  expectedUsers?: number;
  /** Quiet time of the webhook-triggered sync. */
  debounceMs: number;
  /** A database server URL to run on instead of the temp SQLite file. */
  database?: string;
  /** Faults the simulator injects from its start. */
  faults: ReadonlyArray<FaultRule>;
}

/** The one result every step returns (`--json` prints them all). */
export interface DemoStepResult {
  step: string;
  title: string;
  ok: boolean;
  durationMs: number;
  details: Record<string, unknown>;
  error?: { code: string; message: string };
}

/** A step of the demo: does one thing, prints it, returns facts for `--json`. Throws when it fails. */
export interface DemoStep {
  name: string;
  title: string;
  run(ctx: DemoContext): Promise<Record<string, unknown>>;
}

/** The demo context's simulator, runtime and integration, or an error if an earlier step did not set them. */
export function requireLive(ctx: DemoContext): {
  sim: GraphSimulator;
  runtime: Runtime;
  integrationId: string;
} {
  if (!ctx.sim || !ctx.runtime || !ctx.integrationId) throw new Error("an earlier step did not complete");
  return { sim: ctx.sim, runtime: ctx.runtime, integrationId: ctx.integrationId };
}

/** The demo context's SAP simulator, runtime and integrations (Entra's too), or an error if an earlier step did not set them. */
export function requireSap(ctx: DemoContext): {
  sap: SapSimulator;
  runtime: Runtime;
  sapIntegrationId: string;
  entraIntegrationId: string;
} {
  const live = requireLive(ctx);
  if (!ctx.sap || !ctx.sapIntegrationId) throw new Error("an earlier step did not complete");
  return {
    sap: ctx.sap,
    runtime: live.runtime,
    sapIntegrationId: ctx.sapIntegrationId,
    entraIntegrationId: live.integrationId,
  };
}
