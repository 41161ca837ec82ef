import { writeFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { graphLikeHandler } from "./graph-like-server";
import { startRealSimulator } from "./real-simulator";
import { createSelfSignedCert } from "./self-signed-cert";
import { serveControl } from "./serve-control";
import type { SimulatorReady } from "./simulator-ready";
import type { SimulatorTls } from "./simulator-tls";

/**
 * Child entry: serves a Graph tenant of `users` users over TLS and reports its URL to the parent. It runs
 * `@uslimato/simulators` when that package offers `startGraphSimulator`, else the benchmark's Graph-like server.
 */
async function main(): Promise<void> {
  const { users } = JSON.parse(process.argv[2] ?? "{}") as { users: number };
  const tls = createSelfSignedCert();
  const caFile = join(tmpdir(), `uslimato-bench-ca-${process.pid}.pem`);
  writeFileSync(caFile, tls.cert);
  const real = await startRealSimulator(users, tls);
  const ready: SimulatorReady = real
    ? {
        url: real.url,
        caFile,
        source: "@uslimato/simulators",
        tenantId: real.model.tenantId,
        clientId: real.clientId,
        clientSecret: real.clientSecret,
        controlUrl: await serveControl(real.model, users),
      }
    : { ...(await serveFallback(users, tls)), caFile };
  process.send?.(ready);
  process.on("disconnect", () => process.exit(0));
}

async function serveFallback(users: number, tls: SimulatorTls): Promise<Omit<SimulatorReady, "caFile">> {
  let url = "";
  const server = createServer(
    { ...tls, keepAlive: true },
    graphLikeHandler(users, () => url),
  );
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const source = "benchmark Graph-like server (@uslimato/simulators not available yet)";
  return {
    url,
    source,
    tenantId: "bench-tenant",
    clientId: "bench",
    clientSecret: "bench",
    controlUrl: null,
  };
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
