import type { PageFault, SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, pageFrame, preferredPageSize } from "../graph-context";
import type { GraphUser } from "../model/graph-types";
import { advanceActiveUsers } from "../serialize/advance-active-users";
import { USER_DEFAULT_PROPERTIES, USER_PROPERTIES } from "../serialize/entity-properties";
import { encodeToken } from "../serialize/page-token";
import { renderUsersAhead, takeUsersAhead } from "../serialize/render-users-ahead";
import { streamUserPage } from "../serialize/stream-user-page";
import { createUserPageWriter } from "../serialize/user-page-writer";
import { type DeltaState, openDeltaRound } from "./open-delta-round";

/** Delta state inside the opaque tokens: initial round (`i`), incremental round (`c`) or a deltaLink (`d`). */

/** Indices of users changed in [from, to), each once, in order of their last change. */
function changedUsers(ctx: GraphContext, from: number, to: number): number[] {
  const last = new Map<number, number>();
  for (const change of ctx.model.changesBetween(from, to)) {
    if (change.resource !== "users") continue;
    last.delete(change.index);
    last.set(change.index, change.seq);
  }
  return [...last.keys()];
}

/**
 * `GET /v1.0/users/delta`: the initial round enumerates the tenant lazily, the last page carries a deltaLink
 * holding the change sequence at the start of the round; later rounds return users changed since, with
 * `@removed` (`changed` = soft-deleted, `deleted` = gone). `$deltatoken=latest` starts from now. The users of
 * the initial round's next pages are rendered ahead while the client reads (see `renderUsersAhead`).
 */
export function usersDelta(
  ctx: GraphContext,
  request: SimRequest,
  fault?: PageFault,
): SimResponse | Promise<SimResponse> {
  const { model } = ctx;
  const _query = request.url.searchParams;
  const now = model.clock().getTime();
  const opened = openDeltaRound<keyof GraphUser, { c: number }>(ctx, request, fault, {
    resource: "users",
    typeName: "Microsoft.DirectoryServices.User",
    properties: USER_PROPERTIES,
    defaults: USER_DEFAULT_PROPERTIES,
    initialCursor: { c: 0 },
  });
  if ("response" in opened) return opened.response;
  const state = opened.state;
  const pageSize = Math.min(preferredPageSize(request.headers.prefer) ?? ctx.behaviour.deltaPageSize, 999);
  const origin = request.url.origin;
  const items = createUserPageWriter(model, state.sel, state.p === "i" ? 0 : pageSize);
  const repeat = fault?.kind === "emptyPage" || fault?.kind === "duplicatePage";
  let next: DeltaState<keyof GraphUser, { c: number }> | undefined;
  let initialEnd: number | undefined;
  if (state.p === "i") {
    initialEnd = fault?.kind === "emptyPage" ? state.c : advanceActiveUsers(model, state.c, pageSize);
    if (fault?.kind === "loopNextLink") next = { ...state, c: 0 };
    else if (repeat || initialEnd < model.userSlots)
      next = { ...state, c: repeat ? state.c : initialEnd, t: now };
  } else if (state.p === "c") {
    const changed = changedUsers(ctx, state.f, state.to);
    const end = Math.min(changed.length, state.o + pageSize);
    if (fault?.kind !== "emptyPage") {
      for (let k = state.o; k < end; k++) {
        const entry = model.userEntry(changed[k] as number);
        if (!items.addUser(entry.index)) {
          const reason = entry.state === "softDeleted" ? "changed" : "deleted";
          items.addJson(
            `{"@odata.type":"#microsoft.graph.user","id":"${entry.user.id}","@removed":{"reason":"${reason}"}}`,
          );
        }
      }
    }
    if (fault?.kind === "loopNextLink") next = { ...state, o: 0 };
    else if (repeat || end < changed.length) next = { ...state, o: repeat ? state.o : end, t: now };
  }
  const roundStart = state.p === "i" ? state.s : state.p === "c" ? state.to : state.s;
  const links = next
    ? { next: `${origin}/v1.0/users/delta?$skiptoken=${encodeToken(next)}` }
    : {
        delta: `${origin}/v1.0/users/delta?$deltatoken=${encodeToken({ p: "d", s: roundStart, sel: state.sel, t: now, v: model.deltaTokenGeneration })}`,
      };
  const headers: Record<string, string> = { ...GRAPH_JSON };
  if (request.headers.prefer?.includes("odata.maxpagesize"))
    headers["preference-applied"] = `odata.maxpagesize=${pageSize}`;
  const [head, tail] = pageFrame(`${origin}/v1.0/$metadata#users(${state.sel.join(",")})`, links);
  if (state.p === "i" && !fault) {
    // the initial round enumerates the tenant like `/users`: its users are rendered ahead the same way
    const ready = takeUsersAhead(ctx, state.sel, state.c, pageSize, { headers, head, tail });
    if (initialEnd !== undefined) renderUsersAhead(ctx, state.sel, initialEnd, pageSize);
    if (ready) return ready;
  }
  return {
    status: 200,
    headers,
    body:
      state.p === "i"
        ? streamUserPage(model, state.sel, state.c, initialEnd ?? state.c, head, tail)
        : items.page(head, tail),
  };
}
