import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { GraphModel } from "@uslimato/simulators";

/**
 * A small control server beside the simulator: `POST /mutate?percent=1` updates that share of the users (spread
 * evenly over the tenant) in the simulator's model, so the delta suite can change a tenant between two syncs.
 * Answers `{ changed }`.
 */
export async function serveControl(model: GraphModel, users: number): Promise<string> {
  let round = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "POST" || url.pathname !== "/mutate") {
      res.writeHead(404).end();
      return;
    }
    const percent = Number(url.searchParams.get("percent") ?? 1);
    const changed = Math.max(1, Math.round((users * percent) / 100));
    const stride = users / changed;
    round += 1;
    for (let i = 0; i < changed; i += 1) {
      const { user } = model.userEntry(Math.floor(i * stride));
      model.updateUser(user.id, { jobTitle: `Benchmark change ${round}` });
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ changed }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
