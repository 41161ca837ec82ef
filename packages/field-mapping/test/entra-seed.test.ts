import { compileMapping, defineMappingSet, mergeMappingSets } from "@uslimato/field-mapping";
import { describe, expect, it } from "vitest";
import { graphUser, seedMappingSet } from "./fixtures/index";

describe("the seed's Entra field table", () => {
  for (const codegen of ["always", "never"] as const) {
    it(`maps displayName, email (mail or UPN, trimmed, lower case) and active with ${codegen} codegen`, () => {
      const mapping = compileMapping(defineMappingSet(seedMappingSet), { codegen });
      expect(mapping.engine).toBe(codegen === "always" ? "codegen" : "closures");
      expect(mapping.map(graphUser, { mode: "create" })).toEqual({
        values: { displayName: "Adele Vance", email: "adelev@contoso.onmicrosoft.com", active: true },
        skipped: [],
        errors: [],
      });
      const withMail = { ...graphUser, mail: "Adele@Contoso.com", accountEnabled: false };
      expect(mapping.map(withMail, { mode: "update" }).values).toEqual({
        displayName: "Adele Vance",
        email: "adele@contoso.com",
        active: false,
      });
      expect(mapping.map({}, { mode: "create" }).values).toEqual({
        displayName: null,
        email: null,
        active: false,
      });
    });
  }

  it("lets an admin override, extend and remove default rules", () => {
    const merged = mergeMappingSets(seedMappingSet, {
      version: 7,
      rules: [
        { target: "displayName", source: 'Join(" ", [givenName], [surname])' },
        { target: "active", remove: true },
        {
          target: "country",
          source: 'Switch([country], "Other", "US", "United States")',
          flow: "createOnly",
        },
      ],
    });
    expect(merged.version).toBe(7);
    expect(merged.baseVersion).toBe(1);
    expect(merged.integrationId).toBe("entra-test");
    expect(merged.rules.map((r) => r.target)).toEqual(["displayName", "email", "country"]);
    const mapping = compileMapping(defineMappingSet(merged));
    expect(mapping.map(graphUser, { mode: "create" }).values).toEqual({
      displayName: "Adele Vance",
      email: "adelev@contoso.onmicrosoft.com",
      country: "United States",
    });
    const update = mapping.map(graphUser, { mode: "update" });
    expect(update.skipped).toEqual(["country"]);
    expect(update.values).not.toHaveProperty("country");
  });
});
