import { fileURLToPath } from "node:url";
import { forkTs } from "../runner/fork-ts";
import type { SapSimulatorReady } from "./sap-simulator-ready";

const CHILD = fileURLToPath(new URL("./sap-simulator-child.ts", import.meta.url));

/** A running SAP simulator process. */
export interface RunningSapSimulator extends SapSimulatorReady {
  equipment: number;
  close(): Promise<void>;
}

/** Starts the SAP simulator with `equipment` equipment numbers in its own process (plain http, loopback). */
export function startSapSimulator(equipment: number): Promise<RunningSapSimulator> {
  const child = forkTs(CHILD, [JSON.stringify({ equipment })]);
  return new Promise((resolve, reject) => {
    child.once("message", (message: SapSimulatorReady | { error: string }) => {
      if ("error" in message) return reject(new Error(message.error));
      resolve({
        ...message,
        equipment,
        close: () =>
          new Promise<void>((done) => {
            child.once("exit", () => done());
            child.kill();
          }),
      });
    });
    child.once("exit", (code) => reject(new Error(`SAP simulator exited with code ${code}`)));
  });
}
