import type { JsonValue } from "@uslimato/core/connector";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import { describe, expect, it } from "vitest";
import { entraGroupMapping, entraUserMapping } from "./entra-default-mappings";

describe("Entra default mappings (the seed's field table)", () => {
  const engine = fieldMappingEngine();

  it("maps displayName, mail or userPrincipalName (normalized) and accountEnabled", () => {
    const mapper = engine.compile({ kind: "user", defaults: entraUserMapping, overrides: undefined });
    const [withMail, upnOnly, disabled] = mapper.mapPage([
      {
        id: "1",
        displayName: "Zoë Müller",
        mail: " Zoe.Mueller@Contoso.com ",
        userPrincipalName: "zoe@contoso.onmicrosoft.com",
        accountEnabled: true,
      },
      {
        id: "2",
        displayName: "Guest",
        mail: null,
        userPrincipalName: "Guest_fabrikam.com#EXT#@contoso.onmicrosoft.com",
        accountEnabled: true,
      },
      {
        id: "3",
        displayName: "Off",
        mail: "off@contoso.com",
        userPrincipalName: "off@contoso.com",
        accountEnabled: false,
      },
    ]);
    expect(withMail?.values).toEqual({
      displayName: "Zoë Müller",
      email: "zoe.mueller@contoso.com",
      active: true,
    });
    expect(upnOnly?.values.email).toBe("guest_fabrikam.com#ext#@contoso.onmicrosoft.com");
    expect(disabled?.values.active).toBe(false);
    expect(mapper.createOnly.size).toBe(0);
  });

  it("lets admins override and extend the defaults, and validates overrides with paths", () => {
    const overrides: JsonValue = {
      version: 2,
      rules: [
        { target: "department", source: 'Coalesce([department], "none")' },
        { target: "displayName", source: 'Join(" ", [givenName], [surname])', flow: "createOnly" },
      ],
    };
    const mapper = engine.compile({ kind: "user", defaults: entraUserMapping, overrides });
    const [mapped] = mapper.mapPage([
      { givenName: "Ada", surname: "Lovelace", mail: "ada@x.com", accountEnabled: true },
    ]);
    expect(mapped?.values).toMatchObject({
      displayName: "Ada Lovelace",
      department: "none",
      email: "ada@x.com",
    });
    expect([...mapper.createOnly]).toEqual(["displayName"]);
    const issues = engine.validate({
      kind: "user",
      defaults: entraUserMapping,
      overrides: { version: 2, rules: [{ target: "x", source: "Nope([a])" }] },
    });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.path).toEqual(expect.arrayContaining(["rules"]));
  });

  it("maps groups", () => {
    const mapper = engine.compile({ kind: "group", defaults: entraGroupMapping, overrides: undefined });
    expect(mapper.mapPage([{ displayName: "Sales", description: null }])[0]?.values).toEqual({
      displayName: "Sales",
      description: null,
    });
  });
});
