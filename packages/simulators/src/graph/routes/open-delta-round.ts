import type { PageFault, SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, pageBody } from "../graph-context";
import { graphError } from "../graph-error";
import { decodeToken, encodeToken } from "../serialize/page-token";
import { parseSelect } from "../serialize/parse-select";
import { expiredAnswer, isExpired } from "./delta-expiry";

/** What every delta state carries: the `$select` baked into the token, its issue time and token generation. */
interface DeltaStamp<P extends string> {
  sel: P[];
  t: number;
  v: number;
}

/**
 * Delta state inside the opaque tokens: initial round (`i`, with resource-specific cursors `C`), incremental
 * round (`c`: changes from sequence `f` to `to`, at offset `o`) or a deltaLink (`d`, the sequence it starts from).
 */
export type DeltaState<P extends string, C extends object> =
  | (DeltaStamp<P> & C & { p: "i"; s: number })
  | (DeltaStamp<P> & { p: "c"; f: number; to: number; o: number })
  | (DeltaStamp<P> & { p: "d"; s: number });

/** How one resource's delta round starts. */
export interface DeltaRoundSpec<P extends string, C extends object> {
  resource: "users" | "groups" | "devices";
  /** The directory type named in a bad-`$select` error, e.g. `Microsoft.DirectoryServices.User`. */
  typeName: string;
  properties: readonly P[];
  defaults: readonly P[];
  /** The cursors of a fresh initial round. */
  initialCursor: C;
}

/**
 * Opens the delta round a request asks for: a new initial round (checks `$select` and refuses `$top`, `$orderby`,
 * `$expand` as Graph does), `$deltatoken=latest` (answered at once with a deltaLink from now), the round a
 * `$skiptoken` continues, or the changes since a deltaLink. Unreadable tokens get `syncStateNotFound`; expired
 * ones the configured expiry answer. Returns the state to serve from, or the answer to give.
 */
export function openDeltaRound<P extends string, C extends object>(
  ctx: GraphContext,
  request: SimRequest,
  fault: PageFault | undefined,
  spec: DeltaRoundSpec<P, C>,
): { state: DeltaState<P, C> } | { response: SimResponse } {
  const { model } = ctx;
  const query = request.url.searchParams;
  const t = model.clock().getTime();
  const v = model.deltaTokenGeneration;
  const token = query.get("$skiptoken") ?? query.get("$deltatoken") ?? query.get("$deltaToken");
  if (token === null || token === "" || token === "latest") {
    const select = parseSelect(query.get("$select"), spec.properties, spec.defaults);
    if (!select.ok) {
      const message = `Could not find a property named '${select.unknown}' on type '${spec.typeName}'.`;
      return { response: graphError(request, 400, "Request_BadRequest", message) };
    }
    if (query.has("$top") || query.has("$orderby") || query.has("$expand")) {
      const message = "Unsupported query option for delta: $top, $orderby and $expand are not supported.";
      return { response: graphError(request, 400, "Request_UnsupportedQuery", message) };
    }
    const sel = select.properties.includes("id" as P) ? select.properties : ["id" as P, ...select.properties];
    if (token !== "latest") return { state: { ...spec.initialCursor, p: "i", s: model.sequence, sel, t, v } };
    const link = `${request.url.origin}/v1.0/${spec.resource}/delta?$deltatoken=${encodeToken({ p: "d", s: model.sequence, sel, t, v })}`;
    const body = pageBody(`${request.url.origin}/v1.0/$metadata#${spec.resource}`, [], { delta: link });
    return { response: { status: 200, headers: GRAPH_JSON, body } };
  }
  const decoded = decodeToken<DeltaState<P, C>>(token);
  if (!decoded || !("p" in decoded) || typeof decoded.t !== "number") {
    return {
      response: graphError(request, 400, "syncStateNotFound", "The sync state generation is not found."),
    };
  }
  if (isExpired(ctx, decoded, fault))
    return { response: expiredAnswer(ctx, request, spec.resource, decoded.sel, fault) };
  if (decoded.p !== "d") return { state: decoded };
  return { state: { p: "c", f: decoded.s, to: model.sequence, o: 0, sel: decoded.sel, t, v } };
}
