import type { Actor, Hub } from "@uslimato/core";
import type { z } from "zod";
import type { ConnectorForm } from "./api-schemas";
import type { SyncEvents } from "./sync-events";

/** What every route handler works with. */
export interface ApiContext {
  hub: Hub;
  /** The host tenant new integrations belong to; the audit log is read for it. */
  tenantId: string;
  /** Who acts, in the audit log, for requests with the admin token. */
  actor: Actor;
  /** The Configure dialogs of the registered connectors. */
  forms(): ConnectorForm[];
  events: SyncEvents;
  /** Aborted when the API closes (ends event streams). */
  closed: AbortSignal;
}

/** A request after its path, query and body were parsed. */
export interface RouteInput<Q, B> {
  params: Readonly<Record<string, string>>;
  query: Q;
  body: B;
}

/** One route of the admin API: what the OpenAPI document says about it, and how it answers. */
export interface ApiRoute<Q = unknown, B = unknown> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** OpenAPI path template, e.g. `/api/integrations/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** The success answer; `schema` absent for an empty body. */
  response: { status: number; description: string; schema?: z.ZodType; contentType?: string };
  /** Served without the admin token (the OpenAPI document only). */
  public?: boolean;
  handle(ctx: ApiContext, input: RouteInput<Q, B>): Promise<Response>;
}

/** Keeps a route's query and body types for its handler, then forgets them for the route table. */
export const defineRoute = <Q = undefined, B = undefined>(route: ApiRoute<Q, B>): ApiRoute =>
  route as unknown as ApiRoute;

/** A JSON answer (dates as ISO strings). */
export const json = (value: unknown, status = 200): Response =>
  new Response(JSON.stringify(value), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
