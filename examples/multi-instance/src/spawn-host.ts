import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { HostConfig } from "./open-host";
import type { HostEvent } from "./run-record";

/** A host process started with tsx, and what it printed so far. */
export interface SpawnedHost {
  instance: string;
  child: ChildProcess;
  events: HostEvent[];
  /** When its scheduler was started (epoch ms). */
  readyAt: number;
  /** SIGTERM (a graceful stop), then waits for the process to exit; SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Starts `host-process.ts` as a child process (`tsx --conditions=@uslimato/source`) and waits until it is ready. */
export async function spawnHost(
  instance: string,
  config: HostConfig,
  readyTimeoutMs = 30_000,
): Promise<SpawnedHost> {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const entry = fileURLToPath(new URL("./host-process.ts", import.meta.url));
  const child = spawn(process.execPath, [tsx, "--conditions=@uslimato/source", entry], {
    env: {
      ...process.env,
      DATABASE_URL: config.connectionString,
      USLIMATO_SCHEMA: config.schema,
      USLIMATO_KEYS: config.keys,
      USLIMATO_SYSTEMS: String(config.systems),
      INSTANCE: instance,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const events: HostEvent[] = [];
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, "exit");
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${instance} not ready after ${readyTimeoutMs} ms`)),
      readyTimeoutMs,
    );
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const event = JSON.parse(line) as HostEvent;
      events.push(event);
      if (event.event === "ready") {
        clearTimeout(timer);
        resolve(Date.now());
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${instance} exited before it was ready: ${stderr}`));
    });
  });
  const readyAt = await ready;
  return {
    instance,
    child,
    events,
    readyAt,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
