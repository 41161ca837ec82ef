import { clientModule } from "../clients/client-module";
import type { BenchRow } from "../report/bench-row";
import { caseRows } from "../report/case-rows";
import { spreadOf } from "../runner/median";
import { type BenchCase, runRounds } from "../runner/run-rounds";
import { GRAPH_SERVER, startSimulator } from "../simulator/start-simulator";
import { BENCH_MYSQL_SERVER, BENCH_POSTGRES_URL } from "../sync/bench-storage";
import { checkGoal } from "./check-goal";
import { repoPath } from "./repo-path";
import type { GoalCheck, Suite } from "./suite";

const ID = "7 storage";
const SQLITE = repoPath("packages/storage-sqlite/bench/upserts.bench.ts");
const POSTGRES = repoPath("packages/storage-postgres/bench/upserts.bench.ts");
const MYSQL = repoPath("packages/storage-mysql/bench/upserts.bench.ts");

/**
 * Suite 7: user upserts per second in batches of 999 into memory, SQLite, PostgreSQL and MySQL/MariaDB, and a full
 * sync into each. Goals: SQLite >= 100k upserts/s, PostgreSQL >= 50k upserts/s (MySQL: reported, no goal yet).
 */
export const storageSuite: Suite = {
  id: ID,
  title: "Storage adapters: upserts and full sync",
  async run({ quick, runs, warmups, log }) {
    const users = quick ? 10_000 : 100_000;
    const input = { users, batch: 999 };
    const adapters = [
      {
        name: "memory",
        storage: "memory",
        module: clientModule("memory-upserts"),
        exportName: "memoryUpserts",
        goal: 0,
      },
      { name: "SQLite", storage: "sqlite", module: SQLITE, exportName: "benchSqliteUpserts", goal: 100_000 },
      {
        name: "PostgreSQL",
        storage: "postgres",
        module: POSTGRES,
        exportName: "benchPostgresUpserts",
        goal: 50_000,
      },
      { name: "MySQL", storage: "mysql", module: MYSQL, exportName: "benchMysqlUpserts", goal: 0 },
    ];
    const upsertCases: BenchCase[] = adapters.map((a) => ({
      name: `${a.name} upserts`,
      n: users,
      task: {
        module: a.module,
        exportName: a.exportName,
        input:
          a.storage === "postgres"
            ? { ...input, connectionString: BENCH_POSTGRES_URL }
            : a.storage === "mysql"
              ? { ...input, server: BENCH_MYSQL_SERVER }
              : input,
      },
    }));
    const measured = await runRounds(upsertCases, { runs, warmups, log });
    const rows: BenchRow[] = upsertCases.flatMap((c, i) => caseRows(ID, c.name, c.n, measured[i] ?? []));
    const goals: GoalCheck[] = [];
    for (const [i, a] of adapters.entries()) {
      const rate = spreadOf((measured[i] ?? []).map((m) => m.result.upsertsPerSecond ?? Number.NaN)).median;
      if (a.goal > 0) goals.push(checkGoal(`${a.name} upserts per second`, rate, a.goal, "atLeast", "/s"));
    }
    const sim = await startSimulator(users);
    try {
      const syncCases: BenchCase[] = adapters.map((a) => ({
        name: `sync into ${a.name}`,
        n: users,
        env: sim.env,
        task: {
          module: clientModule("entra-sync"),
          exportName: "entraSync",
          input: { ...sim.input, storage: a.storage },
        },
      }));
      const synced = await runRounds(syncCases, { runs, warmups, log });
      rows.push(...syncCases.flatMap((c, i) => caseRows(ID, c.name, c.n, synced[i] ?? [])));
    } finally {
      await sim.close();
    }
    return { rows, goals, notes: [`Graph server: ${GRAPH_SERVER}`] };
  },
};
