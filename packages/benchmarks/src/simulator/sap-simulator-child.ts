import { startSapSimulator } from "@uslimato/simulators";
import type { SapSimulatorReady } from "./sap-simulator-ready";

const USER = "BENCH_USER";
const PASSWORD = "bench-password";

/**
 * Child entry: serves `@uslimato/simulators`' SAP simulator with `equipment` equipment numbers (no fixed assets,
 * no business partners) over plain http on the loopback, and reports its URL and communication user to the
 * parent. Pages up to 5,000 rows, so both loops get exactly the `$top` they ask for.
 */
async function main(): Promise<void> {
  const { equipment } = JSON.parse(process.argv[2] ?? "{}") as { equipment: number };
  const sim = await startSapSimulator({
    host: "127.0.0.1",
    username: USER,
    password: PASSWORD,
    sapClient: "100",
    modelOptions: { equipment, fixedAssets: 0, employees: 0, customEmployees: false, seed: 7 },
    services: { equipment: { maxPageSize: 5000 } },
  });
  const ready: SapSimulatorReady = {
    url: sim.url.replace(/\/+$/, ""),
    username: USER,
    password: PASSWORD,
    sapClient: "100",
  };
  process.send?.(ready);
  process.on("disconnect", () => process.exit(0));
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
