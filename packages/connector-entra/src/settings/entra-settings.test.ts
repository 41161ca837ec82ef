import { describe, expect, it } from "vitest";
import { entraSettingsSchema } from "./entra-settings";

describe("entraSettingsSchema", () => {
  it("defaults scope, cloud and credential and says what is wrong where", () => {
    const ok = entraSettingsSchema.parse({
      tenantId: "contoso.onmicrosoft.com",
      clientId: "11111111-2222-3333-4444-555555555555",
    });
    expect(ok).toMatchObject({
      scope: "users",
      cloud: "global",
      credential: "clientSecret",
      userProperties: [],
    });
    const bad = entraSettingsSchema.safeParse({
      tenantId: "common x",
      clientId: "nope",
      credential: "certificate",
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["tenantId", "clientId"]));
  });
});

describe("entraSettingsSchema endpoints (issue 15 item 14)", () => {
  const base = { tenantId: "contoso.onmicrosoft.com", clientId: "11111111-2222-3333-4444-555555555555" };
  const withEndpoints = (authorityHost: string, graphBaseUrl: string) =>
    entraSettingsSchema.safeParse({
      ...base,
      // A scope, which a Graph base URL outside Microsoft's clouds requires (checked by its own test)
      endpoints: { authorityHost, graphBaseUrl, scope: "https://graph.microsoft.com/.default" },
    });

  it("accepts https anywhere and plain http on loopback (the simulator)", () => {
    for (const [authority, graph] of [
      ["https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0"],
      ["https://proxy.example.com/login", "https://proxy.example.com/graph/v1.0"],
      ["http://127.0.0.1:4010", "http://127.0.0.1:4010/v1.0"],
      ["http://localhost:4010", "http://[::1]:4010/v1.0"],
    ] as const)
      expect(withEndpoints(authority, graph).success).toBe(true);
  });

  it("refuses non-loopback http, javascript:, file: and credentials in the URL, naming the field", () => {
    const cases = [
      [
        "http://login.example.com",
        "https://graph.microsoft.com/v1.0",
        "endpoints.authorityHost",
        /plain http/,
      ],
      [
        "https://login.microsoftonline.com",
        "http://10.0.0.5:4010/v1.0",
        "endpoints.graphBaseUrl",
        /plain http/,
      ],
      ["javascript:alert(1)", "https://graph.microsoft.com/v1.0", "endpoints.authorityHost", /javascript:/],
      ["https://login.microsoftonline.com", "file:///etc/passwd", "endpoints.graphBaseUrl", /file:/],
      [
        "https://user:pw@login.example.com",
        "https://graph.microsoft.com/v1.0",
        "endpoints.authorityHost",
        /password/,
      ],
      ["not a url", "https://graph.microsoft.com/v1.0", "endpoints.authorityHost", /valid URL/],
    ] as const;
    for (const [authority, graph, path, message] of cases) {
      const result = withEndpoints(authority, graph);
      expect(result.success, `${authority} ${graph}`).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([path]);
      expect(result.error?.issues[0]?.message).toMatch(message);
    }
  });
});
