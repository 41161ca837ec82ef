import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { toNodeHandler } from "@uslimato/core/webhooks";
import type { RunningServer, WebHandler } from "./running-server";

/** Mounts the webhook receiver on plain `node:http` with `toNodeHandler`; every other path gets 404. */
export function serveWithNode(
  receive: WebHandler,
  options: { port?: number; path: string },
): Promise<RunningServer> {
  const handle = toNodeHandler(receive);
  const server = createServer((req, res) => {
    if (req.method === "POST" && new URL(req.url ?? "/", "http://localhost").pathname === options.path)
      return handle(req, res);
    res.writeHead(req.url === "/healthz" ? 200 : 404).end(req.url === "/healthz" ? "ok" : "");
  });
  return new Promise((resolve) => {
    server.listen(options.port ?? 0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${options.path}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}
