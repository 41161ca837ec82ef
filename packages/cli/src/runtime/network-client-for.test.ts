import { afterEach, describe, expect, it, vi } from "vitest";
import { networkClientFor } from "./network-client-for";

describe("networkClientFor", () => {
  afterEach(() => vi.restoreAllMocks());

  it("gives Microsoft's and any https authority no client (msal's default), a loopback http one its own", () => {
    expect(networkClientFor({})).toBeUndefined();
    expect(
      networkClientFor({
        endpoints: {
          authorityHost: "https://login.microsoftonline.com",
          graphBaseUrl: "https://graph.microsoft.com/v1.0",
        },
      }),
    ).toBeUndefined();
    expect(
      networkClientFor({
        endpoints: { authorityHost: "https://127.0.0.1:8443", graphBaseUrl: "https://127.0.0.1:8443/v1.0" },
      }),
    ).toBeUndefined();
    const sim = {
      endpoints: { authorityHost: "http://127.0.0.1:4010", graphBaseUrl: "http://127.0.0.1:4010/v1.0" },
    };
    expect(networkClientFor(sim)).toBeDefined();
    expect(networkClientFor(sim)).toBe(networkClientFor(sim));
  });

  it("a loopback client refuses every other host (Microsoft's included) without sending anything", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(Response.json({}));
    const client = networkClientFor({
      endpoints: { authorityHost: "http://127.0.0.1:4010", graphBaseUrl: "http://127.0.0.1:4010/v1.0" },
    });
    for (const url of [
      "https://login.microsoftonline.com/t/oauth2/v2.0/token",
      "https://127.0.0.1:4011/t/oauth2/v2.0/token",
    ])
      await expect(client?.sendPostRequestAsync(url, { body: "client_secret=x" })).rejects.toThrow(/refused/);
    expect(fetch).not.toHaveBeenCalled();
    await client?.sendGetRequestAsync("https://127.0.0.1:4010/t/v2.0/.well-known/openid-configuration");
    expect(String(fetch.mock.calls[0]?.[0])).toBe(
      "http://127.0.0.1:4010/t/v2.0/.well-known/openid-configuration",
    );
  });
});
