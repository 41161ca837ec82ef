import { type ClientInput, fetchToken, type GraphPage } from "./graph-page";

/**
 * The floor: what a careful developer writes by hand. A sequential loop of `fetch` + `res.text()` + `JSON.parse`
 * + a Map upsert per user, following `@odata.nextLink`. Every other client is compared with it.
 */
export async function floorLoop(input: ClientInput): Promise<{ count: number }> {
  const headers = { authorization: `Bearer ${await fetchToken(input)}` };
  const { url, keep = true } = input;
  const users = new Map<string, unknown>();
  let count = 0;
  let next: string | undefined = `${url}/v1.0/users?$top=999`;
  while (next) {
    const res = await fetch(next, { headers });
    if (!res.ok) throw new Error(`Graph answered ${res.status}`);
    const page = JSON.parse(await res.text()) as GraphPage;
    for (const user of page.value) {
      if (keep) users.set(user.id, user);
      count += 1;
    }
    next = page["@odata.nextLink"];
  }
  return { count };
}
