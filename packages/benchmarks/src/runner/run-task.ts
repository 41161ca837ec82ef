import { fileURLToPath } from "node:url";
import { forkTs } from "./fork-ts";
import type { Measurement, Task } from "./measurement";

const CHILD = fileURLToPath(new URL("./task-child.ts", import.meta.url));

/** Runs one task in a fresh child process and resolves with its measurement; rejects with the child's error. */
export function runTask(task: Task, env: NodeJS.ProcessEnv = {}): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = forkTs(CHILD, [JSON.stringify(task)], env);
    let settled = false;
    child.on("message", (message: Measurement | { error: string }) => {
      settled = true;
      if ("error" in message) reject(new Error(message.error));
      else resolve(message);
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (!settled) reject(new Error(`${task.exportName} exited with code ${code} before reporting`));
    });
  });
}
