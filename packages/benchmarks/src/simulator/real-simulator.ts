import type { SimulatorTls } from "./simulator-tls";

/** The part of `@uslimato/simulators`' Graph model the benchmarks use. */
export interface BenchGraphModel {
  readonly tenantId: string;
  userEntry(index: number): { user: { id: string } };
  updateUser(id: string, patch: Record<string, unknown>): unknown;
}

/** A running `@uslimato/simulators` Graph simulator, as the benchmark sees it. */
export interface RealSimulator {
  url: string;
  model: BenchGraphModel;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

interface SimulatorsModule {
  startGraphSimulator?: (options: Record<string, unknown>) => Promise<{
    url: string;
    model: BenchGraphModel;
    close(): Promise<void>;
  }>;
  DEFAULT_CLIENT_ID?: string;
  DEFAULT_CLIENT_SECRET?: string;
}

/**
 * Starts `@uslimato/simulators`' Graph simulator over TLS with `users` users, or returns null while that package
 * offers no `startGraphSimulator` (it is written in parallel).
 */
export async function startRealSimulator(users: number, tls: SimulatorTls): Promise<RealSimulator | null> {
  let mod: SimulatorsModule;
  try {
    mod = (await import("@uslimato/simulators")) as SimulatorsModule;
  } catch {
    return null;
  }
  if (typeof mod.startGraphSimulator !== "function") return null;
  // No throttling: the benchmark measures clients, not the simulator's 429s.
  const sim = await mod.startGraphSimulator({
    modelOptions: { users },
    tls,
    host: "127.0.0.1",
    resourceUnitLimit: false,
  });
  return {
    url: sim.url.replace(/\/+$/, ""),
    model: sim.model,
    clientId: mod.DEFAULT_CLIENT_ID ?? "",
    clientSecret: mod.DEFAULT_CLIENT_SECRET ?? "",
    close: () => sim.close(),
  };
}
