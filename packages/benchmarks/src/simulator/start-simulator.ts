import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { forkTs } from "../runner/fork-ts";
import type { SimulatorReady } from "./simulator-ready";

const CHILD = fileURLToPath(new URL("./simulator-child.ts", import.meta.url));

/** The Graph server every HTTP case talks to, as the report names it. */
export const GRAPH_SERVER = "@uslimato/simulators";

/** A running simulator process. */
export interface RunningSimulator extends SimulatorReady {
  users: number;
  /** Environment a client needs to trust the simulator's certificate. */
  env: NodeJS.ProcessEnv;
  /** What an HTTP client case is given: URL, credentials and the control URL. */
  input: { url: string; tenantId: string; clientId: string; clientSecret: string; controlUrl: string };
  close(): Promise<void>;
}

/**
 * Starts the Graph simulator with `users` users (and `options.devices` Intune managed devices) in its own process
 * (TLS, self-signed certificate); with `delayMs`, each users page is answered that much later (Graph's latency).
 */
export function startSimulator(
  users: number,
  options: { delayMs?: number; devices?: number } = {},
): Promise<RunningSimulator> {
  const child = forkTs(CHILD, [JSON.stringify({ users, ...options, delayMs: options.delayMs ?? 0 })]);
  return new Promise((resolve, reject) => {
    child.once("message", (message: SimulatorReady | { error: string }) => {
      if ("error" in message) return reject(new Error(message.error));
      resolve({
        ...message,
        users,
        env: { NODE_EXTRA_CA_CERTS: message.caFile },
        input: {
          url: message.url,
          tenantId: message.tenantId,
          clientId: message.clientId,
          clientSecret: message.clientSecret,
          controlUrl: message.controlUrl,
        },
        close: () =>
          new Promise<void>((done) => {
            child.once("exit", () => done());
            child.kill();
            rmSync(message.caFile, { force: true });
          }),
      });
    });
    child.once("exit", (code) => reject(new Error(`simulator exited with code ${code}`)));
  });
}
