import { type ClientInput, fetchToken, type GraphPage } from "./graph-page";

const NEXT_LINK = '"@odata.nextLink":"';

/** Finds the next link in a page's text without parsing it, so the next request can leave first. */
function nextLinkOf(text: string): string | undefined {
  const at = text.lastIndexOf(NEXT_LINK);
  if (at < 0) return undefined;
  const start = at + NEXT_LINK.length;
  return JSON.parse(`"${text.slice(start, text.indexOf('"', start))}"`) as string;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The pipelined floor: the floor loop, but the request for page k+1 leaves before page k is parsed and applied.
 * The `setImmediate` after starting it matters: without it the request waits until the page is done.
 */
export async function pipelinedFloor(input: ClientInput): Promise<{ count: number }> {
  const headers = { authorization: `Bearer ${await fetchToken(input)}` };
  const { url, keep = true } = input;
  const get = async (link: string) => {
    const res = await fetch(link, { headers });
    if (!res.ok) throw new Error(`Graph answered ${res.status}`);
    return res.text();
  };
  const users = new Map<string, unknown>();
  let count = 0;
  let pending: Promise<string> | undefined = get(`${url}/v1.0/users?$top=999`);
  while (pending) {
    const text = await pending;
    const next = nextLinkOf(text);
    pending = next ? get(next) : undefined;
    if (pending) await yieldToIo();
    const page = JSON.parse(text) as GraphPage;
    for (const user of page.value) {
      if (keep) users.set(user.id, user);
      count += 1;
    }
  }
  return { count };
}
