import type { IncomingMessage, ServerResponse } from "node:http";

/** A deterministic Entra-like user of the benchmark's own Graph-like server (about 200 bytes of JSON). */
export function benchUser(index: number, revision = 0): Record<string, unknown> {
  const hex = index.toString(16).padStart(12, "0");
  const first = `Given${index % 997}`;
  const last = `Surname${index}`;
  return {
    id: `00000000-0000-4000-8000-${hex}`,
    displayName: revision === 0 ? `${first} ${last}` : `${first} ${last} (r${revision})`,
    givenName: first,
    surname: last,
    mail: `user${index}@contoso.example`,
    userPrincipalName: `user${index}@contoso.example`,
    jobTitle: `Engineer ${index % 13}`,
    department: `Dept ${index % 41}`,
    accountEnabled: true,
  };
}

/**
 * The request handler of a minimal Graph-like tenant (token endpoint and `/v1.0/users` pages with
 * `@odata.nextLink`), used only while `@uslimato/simulators` offers no Graph simulator, so the baseline loops can
 * still be measured. Pages are built and `JSON.stringify`-ed per request, like a real server.
 */
export function graphLikeHandler(users: number, baseUrl: () => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "POST" && url.pathname.endsWith("/oauth2/v2.0/token")) {
      req.resume();
      req.on("end", () => send(res, 200, { token_type: "Bearer", expires_in: 3600, access_token: "bench" }));
      return;
    }
    if (req.method === "GET" && url.pathname === "/v1.0/users") {
      const top = Math.min(Number(url.searchParams.get("$top") ?? 100) || 100, 999);
      const skip = Number(url.searchParams.get("$skiptoken") ?? 0) || 0;
      const end = Math.min(skip + top, users);
      const value: Array<Record<string, unknown>> = [];
      for (let i = skip; i < end; i += 1) value.push(benchUser(i));
      const body: Record<string, unknown> = { "@odata.context": `${baseUrl()}/v1.0/$metadata#users`, value };
      if (end < users) body["@odata.nextLink"] = `${baseUrl()}/v1.0/users?$top=${top}&$skiptoken=${end}`;
      send(res, 200, body);
      return;
    }
    send(res, 404, { error: { code: "Request_ResourceNotFound", message: "Not found." } });
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
