import type pg from "pg";
import { testPool } from "./test-database";

/** What to do to the n-th statement sent on a checked-out client. */
export type Fault = "throw" | "terminate";

/** A test pool that counts statements on checked-out clients and can break the n-th one. */
export interface InstrumentedPool {
  pool: pg.Pool;
  /** Statements sent on checked-out clients so far (BEGIN and COMMIT included). */
  readonly clientQueries: number;
  /** Statements sent through `pool.query` so far. */
  readonly poolQueries: number;
  /** Breaks the n-th client statement from now on (1-based), by throwing or by killing the connection. */
  failAt(n: number, fault: Fault): void;
}

type Query = (text: string, values?: unknown[], callback?: unknown) => Promise<pg.QueryResult>;

/** Wraps a fresh pool's `connect` and `query`. A killed connection's client is destroyed by the adapter. */
export function instrumentedPool(max = 4): InstrumentedPool {
  const pool = testPool(max);
  pool.on("error", () => {});
  const counters = { client: 0, pool: 0, failAt: 0, fault: "throw" as Fault };
  const wrapped = new WeakSet<pg.PoolClient>();
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient>;
  const poolQuery = pool.query.bind(pool) as Query;
  Object.assign(pool, {
    query: (text: string, values?: unknown[]) => {
      counters.pool += 1;
      return poolQuery(text, values);
    },
    // pg's own pool.query calls connect with a callback: leave that path (counted above) alone.
    connect: async (callback?: unknown) => {
      if (callback !== undefined) return connect(callback);
      const client = await connect();
      if (wrapped.has(client)) return client;
      wrapped.add(client);
      const query = client.query.bind(client) as Query;
      Object.assign(client, {
        query: async (text: string, values?: unknown[], callback?: unknown) => {
          // pool.query borrows idle clients and passes a callback: that path is counted as a pool query.
          if (callback !== undefined) return query(text, values, callback);
          counters.client += 1;
          if (counters.client === counters.failAt) {
            if (counters.fault === "throw")
              throw new Error(`Injected failure at statement ${counters.failAt}`);
            await query("SELECT pg_terminate_backend(pg_backend_pid())").catch(() => {});
          }
          return query(text, values);
        },
      });
      return client;
    },
  });
  return {
    pool,
    get clientQueries() {
      return counters.client;
    },
    get poolQueries() {
      return counters.pool;
    },
    failAt(n, fault) {
      counters.failAt = counters.client + n;
      counters.fault = fault;
    },
  };
}
