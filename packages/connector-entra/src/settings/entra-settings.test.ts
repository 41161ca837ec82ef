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
