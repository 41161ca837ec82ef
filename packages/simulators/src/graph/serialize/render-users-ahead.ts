import type { SimResponse, StreamedBody } from "../../http/sim-exchange";
import type { GraphContext } from "../graph-context";
import type { GraphUser } from "../model/graph-types";
import { advanceActiveUsers } from "./advance-active-users";

/** Pages rendered ahead of the client: the next one and the one after, so a request never waits for a render. */
const AHEAD = 2;

/**
 * What a page's users (without its head and tail, which carry next links and tokens) are a function of: the
 * `$select`, the first slot and the page size. The model's change sequence is checked on top.
 */
const keyOf = (select: readonly (keyof GraphUser)[], from: number, count: number): string =>
  `${select.join(",")}|${from}|${count}`;

/**
 * On the next turn of the event loop (the current page goes out first), renders the users of the {@link AHEAD}
 * pages of `count` active users from slot `from` on, unless held already, the model changed, or a page holds
 * changed users (those are rendered on request). Used by `/users` and the initial round of `/users/delta`.
 */
export function renderUsersAhead(
  ctx: GraphContext,
  select: (keyof GraphUser)[],
  from: number,
  count: number,
): void {
  const { model, pagesAhead, renderPool } = ctx;
  if (!pagesAhead || !renderPool) return;
  const sequence = model.sequence;
  setImmediate(() => {
    let start = from;
    for (let depth = 0; depth < AHEAD && start < model.userSlots && model.sequence === sequence; depth++) {
      const end = advanceActiveUsers(model, start, count);
      const key = keyOf(select, start, count);
      if (!pagesAhead.has(key)) {
        if (!model.isPristineRange(start, end)) return;
        const job = {
          seed: model.seed,
          domain: model.domain,
          select,
          from: start,
          to: end,
          head: "",
          tail: "",
        };
        pagesAhead.put(key, sequence, renderPool.render(job));
      }
      start = end;
    }
  });
}

/**
 * The page of `count` users from slot `from`, if its users were rendered ahead at the model's current change
 * sequence: a response with the given head and tail around them (a `Content-Length` body, whose memory goes
 * back to the render pool once sent). `undefined` when the page must be rendered now.
 */
export function takeUsersAhead(
  ctx: GraphContext,
  select: readonly (keyof GraphUser)[],
  from: number,
  count: number,
  response: { headers: Record<string, string>; head: string; tail: string },
): SimResponse | Promise<SimResponse> | undefined {
  const { model, pagesAhead, renderPool } = ctx;
  const users = pagesAhead?.take(keyOf(select, from, count), model.sequence);
  if (!users) return undefined;
  const respond = (bytes: Uint8Array): SimResponse => {
    const head = Buffer.from(response.head, "utf8");
    const tail = Buffer.from(response.tail, "utf8");
    const body: StreamedBody = {
      chunks: [head, bytes, tail],
      length: head.length + bytes.length + tail.length,
    };
    return {
      status: 200,
      headers: response.headers,
      body,
      ...(renderPool ? { sent: () => renderPool.recycle(bytes) } : {}),
    };
  };
  return users instanceof Promise ? users.then(respond) : respond(users);
}
