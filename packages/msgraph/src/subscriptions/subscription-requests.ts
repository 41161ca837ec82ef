import { z } from "zod";
import type { GraphClient } from "../client/graph-client";
import { GraphError } from "../errors/graph-error";
import { iterateGraphPages } from "../paging/iterate-graph-pages";

const subscriptionSchema = z.looseObject({
  id: z.string(),
  resource: z.string(),
  changeType: z.string(),
  expirationDateTime: z.string(),
  notificationUrl: z.string().optional(),
  lifecycleNotificationUrl: z.string().nullish(),
});

/** A subscription as Graph returns it. */
export type GraphSubscription = z.infer<typeof subscriptionSchema>;

/** The body of `POST /subscriptions`. */
export interface NewGraphSubscription {
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  resource: string;
  expirationDateTime: string;
  clientState: string;
}

/** Whether an error is a Graph answer with this status. */
export const hasStatus = (error: unknown, status: number): boolean =>
  error instanceof GraphError && error.status === status;

function parse<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new GraphError("INVALID_RESPONSE", `Graph returned an unexpected ${what}`);
  return parsed.data;
}

/** `POST /subscriptions`. */
export async function postSubscription(
  client: GraphClient,
  body: NewGraphSubscription,
): Promise<GraphSubscription> {
  const { data } = await client.request("POST", "/subscriptions", { body });
  return parse(subscriptionSchema, data, "subscription");
}

/** `PATCH /subscriptions/{id}` with a new expiration. */
export async function patchSubscription(client: GraphClient, id: string, expiresAt: Date): Promise<Date> {
  const { data } = await client.request("PATCH", `/subscriptions/${encodeURIComponent(id)}`, {
    body: { expirationDateTime: expiresAt.toISOString() },
  });
  if (data === undefined) return expiresAt;
  return new Date(parse(subscriptionSchema, data, "subscription").expirationDateTime);
}

/** `DELETE /subscriptions/{id}`; a subscription Graph no longer has counts as deleted. */
export async function deleteSubscription(client: GraphClient, id: string): Promise<void> {
  try {
    await client.request("DELETE", `/subscriptions/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!hasStatus(error, 404)) throw error;
  }
}

/** `GET /subscriptions/{id}`; `undefined` when Graph no longer has it (404). */
export async function getSubscription(
  client: GraphClient,
  id: string,
): Promise<GraphSubscription | undefined> {
  try {
    const { data } = await client.get(`/subscriptions/${encodeURIComponent(id)}`);
    return parse(subscriptionSchema, data, "subscription");
  } catch (error) {
    if (hasStatus(error, 404)) return undefined;
    throw error;
  }
}

/**
 * Finds this app's existing subscription for a resource and change type, whatever its notification URL: Graph
 * allows one per resource and change type per app (its 409), and `GET /subscriptions` lists only the app's own.
 */
export async function findSubscription(
  client: GraphClient,
  resource: string,
  changeType: string,
): Promise<GraphSubscription | undefined> {
  const wanted = resource.replace(/^\//, "").toLowerCase();
  const types = (value: string) =>
    value
      .split(",")
      .map((t) => t.trim())
      .sort()
      .join(",");
  for await (const page of iterateGraphPages<unknown>(client, "/subscriptions", { prefetch: false })) {
    for (const item of page.value) {
      const found = parse(subscriptionSchema, item, "subscription");
      if (
        found.resource.replace(/^\//, "").toLowerCase() === wanted &&
        types(found.changeType) === types(changeType)
      )
        return found;
    }
  }
  return undefined;
}
