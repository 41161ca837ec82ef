import type { FaultRule } from "@uslimato/simulators";
import type { CliIo } from "../cli/cli-io";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import type { Colors } from "../output/colors";
import { progressMode } from "../output/progress-mode";
import type { DemoContext, DemoOutput, DemoStep, DemoStepResult } from "./demo-context";
import { type DemoServeOptions, serveDemo } from "./serve-demo";
import { changeTenant } from "./steps/change-tenant";
import { configureIntegration } from "./steps/configure-integration";
import { fullSync } from "./steps/full-sync";
import { incrementalSync } from "./steps/incremental-sync";
import { intuneDevices } from "./steps/intune-devices";
import { intuneWatcher } from "./steps/intune-watcher";
import { sapFullSync } from "./steps/sap-full-sync";
import { sapIncrementalSync } from "./steps/sap-incremental-sync";
import { sapSetup } from "./steps/sap-setup";
import { showSyncLog } from "./steps/show-sync-log";
import { startSimulator } from "./steps/start-simulator";
import { summary } from "./steps/summary";
import { testConnection } from "./steps/test-connection";
import { webhookRoundTrip } from "./steps/webhook-round-trip";

/** The demo's steps, in order. */
export const DEMO_STEPS: ReadonlyArray<DemoStep> = [
  startSimulator,
  configureIntegration,
  testConnection,
  fullSync,
  showSyncLog,
  changeTenant,
  incrementalSync,
  webhookRoundTrip,
  intuneDevices,
  intuneWatcher,
  sapSetup,
  sapFullSync,
  sapIncrementalSync,
  summary,
];

/** Options of {@link runDemo}. */
export interface DemoOptions {
  io: CliIo;
  colors: Colors;
  /** Users in the simulated tenant. Default 5,000. */
  users?: number;
  /** Print one JSON document of all step results instead of human output. */
  json?: boolean;
  /** Quiet time before the webhook-triggered sync. Default 500 ms. */
  debounceMs?: number;
  /**
   * Faults the simulated tenant injects from the start (`@uslimato/simulators` rules: throttling, 5xx, slow or
   * malformed answers...), to watch retries, or a step failing and the demo ending with exit code 1.
   */
  faults?: ReadonlyArray<FaultRule>;
  /**
   * After a successful run, serve the admin console and API on the demo's data (simulator and store still
   * there) until the process is asked to stop, then clean up.
   */
  serve?: DemoServeOptions;
  /**
   * A database server to run on instead of the temp SQLite file: a `postgres://` or `mysql://` URL without a password
   * (the server's own defaults supply one). Default: `demo.db` in the demo's temp folder.
   */
  database?: string;
}

/** What {@link runDemo} reports (the `--json` document). */
export interface DemoReport {
  ok: boolean;
  users: number;
  durationMs: number;
  steps: DemoStepResult[];
}

const failureOf = (error: unknown): { code: string; message: string } => ({
  code: String((error as { code?: unknown } | null)?.code ?? "DEMO_STEP_FAILED"),
  message: error instanceof Error ? error.message : String(error),
});

/**
 * The demo: a simulated Entra ID tenant synchronized into a SQLite store and kept in step by delta sync and
 * webhooks, then a simulated SAP S/4HANA system (assets and employees, by polling) beside it, whose employees also
 * in Entra ID land on the same host users; on embedded defaults, without setup or network. Stops at the first failed step; always cleans up
 * the simulator and the store (the temp folder is kept so its data can be looked at).
 */
export async function runDemo(options: DemoOptions): Promise<{ exitCode: ExitCode; report: DemoReport }> {
  const json = options.json === true;
  const { colors } = options;
  const stream = options.io.stdout;
  const output: DemoOutput = {
    stream,
    colors,
    json,
    progress: progressMode(stream, json),
    line: (text = "") => {
      if (!json) stream.write(`${text}\n`);
    },
  };
  const ctx: DemoContext = {
    users: options.users ?? 5000,
    output,
    debounceMs: options.debounceMs ?? 500,
    faults: options.faults ?? [],
    ...(options.database === undefined ? {} : { database: options.database }),
  };
  const started = Date.now();
  const steps: DemoStepResult[] = [];
  let served = false;
  output.line(
    colors.bold(
      `uslimato demo: a simulated Entra ID tenant of ${ctx.users.toLocaleString("en-US")} users and a simulated SAP S/4HANA system, kept in step`,
    ),
  );
  try {
    for (const [index, step] of DEMO_STEPS.entries()) {
      output.line();
      output.line(colors.cyan(colors.bold(`▶ ${index + 1}/${DEMO_STEPS.length} ${step.title}`)));
      const stepStarted = Date.now();
      try {
        const details = await step.run(ctx);
        steps.push({
          step: step.name,
          title: step.title,
          ok: true,
          durationMs: Date.now() - stepStarted,
          details,
        });
      } catch (error) {
        const failure = failureOf(error);
        steps.push({
          step: step.name,
          title: step.title,
          ok: false,
          durationMs: Date.now() - stepStarted,
          details: {},
          error: failure,
        });
        output.line(`  ${colors.red("✗ failed")} ${failure.code}: ${failure.message}`);
        break;
      }
    }
    if (options.serve && steps.length === DEMO_STEPS.length && steps.every((s) => s.ok)) {
      output.line();
      output.line(
        colors.green(colors.bold(`✓ demo complete in ${((Date.now() - started) / 1000).toFixed(1)} s`)),
      );
      served = true;
      await serveDemo(ctx, options.io, options.serve);
    }
  } finally {
    await ctx.runtime?.close();
    await ctx.sim?.close();
    await ctx.sap?.close();
  }
  const ok = steps.length === DEMO_STEPS.length && steps.every((s) => s.ok);
  const report: DemoReport = { ok, users: ctx.users, durationMs: Date.now() - started, steps };
  if (!served) {
    output.line();
    output.line(
      ok
        ? colors.green(colors.bold(`✓ demo complete in ${(report.durationMs / 1000).toFixed(1)} s`))
        : colors.red(colors.bold(`✗ demo failed at step "${steps.at(-1)?.title}"`)),
    );
  }
  if (json) stream.write(`${JSON.stringify(report, null, 2)}\n`);
  return { exitCode: ok ? EXIT_CODES.ok : EXIT_CODES.failed, report };
}
