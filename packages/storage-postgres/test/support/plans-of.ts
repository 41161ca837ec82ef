import type pg from "pg";

/** A statement as the adapter sent it: its text and parameters. */
export interface SentStatement {
  text: string;
  values: unknown[];
}

/** The text and parameters of a `query` call's arguments, whether plain or a named statement's config. */
function sentStatement(first: string | pg.QueryConfig, values?: unknown[]): SentStatement {
  return typeof first === "string"
    ? { text: first, values: values ?? [] }
    : { text: first.text, values: first.values ?? [] };
}

type Query = (text: string | pg.QueryConfig, values?: unknown[], callback?: unknown) => Promise<unknown>;

/**
 * Records every statement the adapter sends through `pool`: by `pool.query` and on checked-out clients (a page's
 * statements), so a test can EXPLAIN them. Returns the list it fills.
 */
export function recordSent(pool: pg.Pool): SentStatement[] {
  const sent: SentStatement[] = [];
  const query = pool.query.bind(pool) as Query;
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient>;
  const wrapped = new WeakSet<pg.PoolClient>();
  Object.assign(pool, {
    query: (text: string | pg.QueryConfig, values?: unknown[]) => {
      sent.push(sentStatement(text, values));
      return query(text, values);
    },
    connect: async (callback?: unknown) => {
      // pg's own pool.query checks out with a callback: that statement is recorded above.
      if (callback !== undefined) return connect(callback);
      const client = await connect();
      if (wrapped.has(client)) return client;
      wrapped.add(client);
      const clientQuery = client.query.bind(client) as Query;
      Object.assign(client, {
        query: (text: string | pg.QueryConfig, values?: unknown[], cb?: unknown) => {
          if (cb !== undefined) return clientQuery(text, values, cb);
          sent.push(sentStatement(text, values));
          return clientQuery(text, values);
        },
      });
      return client;
    },
  });
  return sent;
}

const planText = (result: pg.QueryResult<{ "QUERY PLAN": string }>) =>
  result.rows.map((row) => row["QUERY PLAN"]).join("\n");

/**
 * The plans PostgreSQL picks for a statement the adapter sent: the custom plan for these parameters, and the
 * generic plan a named statement settles on after a few runs (what a page mostly runs with).
 */
export async function plansOf(
  pool: pg.Pool,
  statement: SentStatement,
): Promise<{ custom: string; generic: string }> {
  const client = await pool.connect();
  try {
    const custom = planText(await client.query(`EXPLAIN ${statement.text}`, statement.values));
    await client.query(`PREPARE plan_probe AS ${statement.text}`);
    try {
      await client.query("SET plan_cache_mode = force_generic_plan");
      const args = statement.values.map((value) =>
        value === null || value === undefined ? "NULL" : client.escapeLiteral(String(value)),
      );
      const generic = planText(await client.query(`EXPLAIN EXECUTE plan_probe(${args.join(", ")})`));
      return { custom, generic };
    } finally {
      await client.query("RESET plan_cache_mode");
      await client.query("DEALLOCATE plan_probe");
    }
  } finally {
    client.release();
  }
}
