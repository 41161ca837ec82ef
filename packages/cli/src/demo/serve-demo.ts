import { adminToken } from "../api/admin-token";
import { createAdminApi } from "../api/create-admin-api";
import { listenAdmin } from "../api/listen-admin";
import type { CliIo } from "../cli/cli-io";
import type { DemoContext } from "./demo-context";

/** Where the demo serves its console: `--serve` with `--port`/`--host`. */
export interface DemoServeOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/**
 * After a successful demo: the admin API and console on the demo's hub, store and simulator (still running),
 * until the process is asked to stop. Prints the console's address with a token for this run only in its
 * fragment (never sent to the server, dropped from the address once read).
 */
export async function serveDemo(
  ctx: DemoContext,
  io: CliIo,
  options: DemoServeOptions,
): Promise<{ url: string }> {
  if (!ctx.runtime) throw new Error("the demo's runtime is not open");
  const { token } = await adminToken(io, undefined);
  const api = createAdminApi({
    hub: ctx.runtime.hub,
    token,
    tenantId: ctx.runtime.config.tenantId,
    plan: ctx.runtime.config.plan,
  });
  const server = await listenAdmin({ api, port: options.port ?? 8080, host: options.host ?? "127.0.0.1" });
  const url = `${server.base}/#token=${encodeURIComponent(token)}`;
  const { bold, dim } = ctx.output.colors;
  const out = ctx.output.json ? io.stderr : ctx.output.stream;
  out.write(`\n${bold("The admin console, on the demo's data")} ${dim("(Ctrl-C stops)")}\n`);
  out.write(`  ${bold("console")}   ${url}\n`);
  out.write(
    `  ${bold("admin API")} ${server.base}/api ${dim("(Authorization: Bearer <the token above>)")}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = io.onShutdown?.(resolve);
    if (!stop) resolve();
  });
  await server.close();
  out.write("  console stopped\n");
  return { url: `${server.base}/` };
}
