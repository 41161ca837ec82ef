/** A page of Graph users as the baseline clients read it. */
export interface GraphPage {
  value: Array<{ id: string } & Record<string, unknown>>;
  "@odata.nextLink"?: string;
}

/** What the HTTP clients are given: the simulator's base URL (and whether to keep the users they read). */
export interface ClientInput {
  url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** `false` makes the client keep nothing (the memory suite); default `true` (a Map upsert per user). */
  keep?: boolean;
}

/** Gets a client-credentials token from the simulator, once, as any real client would. */
export async function fetchToken({ url, tenantId, clientId, clientSecret }: ClientInput): Promise<string> {
  const res = await fetch(`${url}/${tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope: "https://graph.microsoft.com/.default",
    }),
  });
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
