import { Client, PageIterator } from "@microsoft/microsoft-graph-client";
import { type ClientInput, fetchToken, type GraphPage } from "./graph-page";

/**
 * What users write today: the official Graph SDK (3.x) with `PageIterator`, a Map upsert per user. The token is
 * fetched once and handed to the SDK's auth provider, which the SDK calls once per page. `customHosts` lets the
 * SDK talk to the simulator; the simulator serves TLS because the SDK follows only `https://` next links.
 */
export async function graphSdkLoop(input: ClientInput): Promise<{ count: number }> {
  const token = await fetchToken(input);
  const { url, keep = true } = input;
  const client = Client.init({
    baseUrl: `${url}/`,
    defaultVersion: "v1.0",
    customHosts: new Set([new URL(url).hostname]),
    authProvider: (done) => done(null, token),
  });
  const users = new Map<string, unknown>();
  let count = 0;
  const first = (await client.api("/users").top(999).get()) as GraphPage;
  const iterator = new PageIterator(client, first, (user: { id: string }) => {
    if (keep) users.set(user.id, user);
    count += 1;
    return true;
  });
  await iterator.iterate();
  return { count };
}
