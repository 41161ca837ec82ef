import { DEFAULT_USER_PROPERTIES } from "@uslimato/connector-entra";
import { type ClientInput, fetchToken, type GraphPage } from "./graph-page";
import { openPlainSink, type PlainUser } from "./plain-sink";

/** Input of {@link plainLoop}. */
export interface PlainLoopInput extends ClientInput {
  sink: "sqlite" | "postgres";
}

/**
 * The hand-written loop a developer writes without the SDK: a token, then sequentially `fetch` + `res.text()` +
 * `JSON.parse` of each page of the same users delta query the Entra connector reads (same `$select`, same page
 * size), one upsert of the page into an equivalent users table (SQLite or PostgreSQL), then the next link.
 * Returns `count`, `pages` and `workMs` (token and pages; opening the table excluded).
 */
export async function plainLoop(input: PlainLoopInput): Promise<Record<string, number>> {
  const sink = await openPlainSink(input.sink);
  try {
    const started = performance.now();
    const headers = {
      authorization: `Bearer ${await fetchToken(input)}`,
      prefer: "odata.maxpagesize=999",
    };
    let next: string | undefined =
      `${input.url}/v1.0/users/delta?$select=${DEFAULT_USER_PROPERTIES.join(",")}`;
    let count = 0;
    let pages = 0;
    while (next) {
      const res = await fetch(next, { headers });
      if (!res.ok) throw new Error(`Graph answered ${res.status}`);
      const page = JSON.parse(await res.text()) as GraphPage;
      const users: PlainUser[] = page.value.map((u) => ({
        id: u.id,
        email: String(u.mail ?? u.userPrincipalName),
        displayName: typeof u.displayName === "string" ? u.displayName : null,
        active: u.accountEnabled !== false,
        attributes: JSON.stringify(u),
      }));
      await sink.upsertPage(users);
      count += users.length;
      pages += 1;
      next = page["@odata.nextLink"];
    }
    return { count, pages, workMs: performance.now() - started };
  } finally {
    await sink.close();
  }
}
