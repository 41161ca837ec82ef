import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startGraphSimulator } from "@uslimato/simulators";
import { createSelfSignedCert } from "./self-signed-cert";
import { serveControl } from "./serve-control";
import type { SimulatorReady } from "./simulator-ready";

/**
 * Child entry: serves `@uslimato/simulators`' Graph simulator with a tenant of `users` users (and `devices` Intune
 * managed devices, default the simulator's) over TLS, with the
 * control server beside it, and reports both URLs to the parent. No throttling: the benchmark measures clients,
 * not the simulator's 429s. With `delayMs`, every users request (listing, delta, next pages) is answered that
 * much later, through the simulator's `slow` fault: Graph's latency per page.
 */
async function main(): Promise<void> {
  const {
    users,
    delayMs = 0,
    devices,
  } = JSON.parse(process.argv[2] ?? "{}") as { users: number; delayMs?: number; devices?: number };
  const tls = createSelfSignedCert();
  const caFile = join(tmpdir(), `uslimato-bench-ca-${process.pid}.pem`);
  writeFileSync(caFile, tls.cert);
  const sim = await startGraphSimulator({
    modelOptions: { users, ...(devices !== undefined ? { devices } : {}) },
    tls,
    host: "127.0.0.1",
    resourceUnitLimit: false,
  });
  if (delayMs > 0) sim.faults.inject({ kind: "slow", match: "/v1.0/users", delayMs });
  const ready: SimulatorReady = {
    url: sim.url.replace(/\/+$/, ""),
    caFile,
    tenantId: sim.tenantId,
    clientId: DEFAULT_CLIENT_ID,
    clientSecret: DEFAULT_CLIENT_SECRET,
    controlUrl: await serveControl(sim.model, users),
  };
  process.send?.(ready);
  process.on("disconnect", () => process.exit(0));
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
