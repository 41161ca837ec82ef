import { describe, expect, it } from "vitest";
import { GraphError } from "../errors/graph-error";
import { defaultGraphScope, resolveGraphEndpoints } from "./resolve-graph-endpoints";

describe("resolveGraphEndpoints' token scope", () => {
  it("is the cloud's Graph origin for a named cloud or a Microsoft Graph base URL", () => {
    expect(resolveGraphEndpoints().scope).toBe("https://graph.microsoft.com/.default");
    expect(resolveGraphEndpoints("usGov").scope).toBe("https://graph.microsoft.us/.default");
    expect(
      resolveGraphEndpoints({
        authorityHost: "https://login.chinacloudapi.cn",
        graphBaseUrl: "https://microsoftgraph.chinacloudapi.cn/beta",
      }).scope,
    ).toBe("https://microsoftgraph.chinacloudapi.cn/.default");
  });

  it("is the configured scope when one is given", () => {
    expect(
      resolveGraphEndpoints({
        authorityHost: "http://127.0.0.1:4010",
        graphBaseUrl: "http://127.0.0.1:4010/v1.0",
        scope: "https://graph.microsoft.com/.default",
      }).scope,
    ).toBe("https://graph.microsoft.com/.default");
  });

  it("is refused, naming endpoints.scope, for a proxy or simulator URL without one", () => {
    const resolve = () =>
      resolveGraphEndpoints({
        authorityHost: "http://127.0.0.1:4010",
        graphBaseUrl: "http://127.0.0.1:4010/v1.0",
      });
    expect(resolve).toThrow(GraphError);
    expect(resolve).toThrow(/endpoints\.scope is required/);
    expect(() => resolve()).toThrow(expect.objectContaining({ code: "INVALID_ENDPOINT", path: ["scope"] }));
    expect(defaultGraphScope(new URL("https://graph-proxy.contoso.example/v1.0"))).toBeUndefined();
  });
});
