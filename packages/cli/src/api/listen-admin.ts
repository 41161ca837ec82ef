import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { toNodeHandler } from "@uslimato/core/webhooks";
import { createConsoleHandler } from "../console/console-handler";
import type { AdminApi } from "./create-admin-api";

/** Options of {@link listenAdmin}. */
export interface ListenAdminOptions {
  api: AdminApi;
  port: number;
  host: string;
  /** Routes answered first (e.g. `/notifications`, `/health`); `undefined` passes the request on. */
  routes?: (request: Request, path: string) => Promise<Response> | undefined;
}

/** A listening admin server: its base URL, and how to stop it. */
export interface AdminServer {
  base: string;
  close(): Promise<void>;
}

/**
 * Serves the admin API at `/api/`, the console at `/` and the given routes over `node:http` (through
 * `toNodeHandler`, which streams the API's server-sent events).
 */
export async function listenAdmin(options: ListenAdminOptions): Promise<AdminServer> {
  const consoleFiles = createConsoleHandler();
  const server = createServer(
    toNodeHandler(async (request) => {
      const path = new URL(request.url).pathname;
      const routed = options.routes?.(request, path);
      if (routed) return routed;
      if (path === "/api" || path.startsWith("/api/")) return options.api.handler(request);
      return consoleFiles(request) ?? new Response("not found", { status: 404 });
    }),
  );
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    base: `http://${host}:${port}`,
    async close() {
      options.api.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
