import { z } from "zod";
import type { GraphClient } from "../client/graph-client";
import { GraphError } from "../errors/graph-error";

const subscriptionSchema = z.looseObject({
  id: z.string(),
  resource: z.string(),
  changeType: z.string(),
  expirationDateTime: z.string(),
  notificationUrl: z.string().optional(),
});
const subscriptionListSchema = z.looseObject({ value: z.array(subscriptionSchema) });

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

/** Finds this app's existing subscription for the same resource and notification URL (after a 409). */
export async function findSubscription(
  client: GraphClient,
  resource: string,
  notificationUrl: string,
): Promise<GraphSubscription | undefined> {
  const { data } = await client.get("/subscriptions");
  const { value } = parse(subscriptionListSchema, data, "subscription list");
  return value.find(
    (s) =>
      s.resource.toLowerCase() === resource.toLowerCase() &&
      (s.notificationUrl === undefined || s.notificationUrl === notificationUrl),
  );
}
