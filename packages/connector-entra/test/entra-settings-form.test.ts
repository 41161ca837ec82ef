import { describeConnectorForm } from "@uslimato/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEntraConnector, entraSecretsSchema, entraSettingsSchema } from "../src/index";

// Issue 21: a host renders the Configure dialog from the JSON Schema alone, so it must accept and refuse what
// the zod schema accepts and refuses.
const form = describeConnectorForm(createEntraConnector(), "professional");
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
const settingsValid = ajv.compile(form.settings);
const secretsValid = ajv.compile(form.secretsSchema);

const hex = (n: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF"), minLength: n, maxLength: n });
const guid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join("-"));
const label = fc.string({ unit: fc.constantFrom(..."abcxyz019-"), minLength: 1, maxLength: 65 });
const domain = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 4 }),
    fc.string({ unit: fc.constantFrom(..."comCOMx9"), minLength: 1, maxLength: 64 }),
  )
  .map(([labels, tld]) => [...labels, tld].join("."));
// What String.prototype.trim removes, and some it does not (U+200B).
const space = fc.string({
  unit: fc.constantFrom(" ", "\t", "\n", "\r", "\u00a0", "\ufeff", "\u2028", "\u3000", "\u200b"),
  maxLength: 2,
});
const padded = (value: fc.Arbitrary<string>) =>
  fc.tuple(space, value, space).map(([a, v, b]) => `${a}${v}${b}`);
const junk = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
);

/** Mostly good values (so that accepted inputs are common), sometimes bad ones. */
const mostly = <T>(good: fc.Arbitrary<T>, ...bad: fc.Arbitrary<unknown>[]) =>
  fc.oneof({ weight: 6, arbitrary: good }, ...bad.map((arbitrary) => ({ weight: 1, arbitrary })));
const propertyName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("department", "jobTitle", "extension_1_x") },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const settingsInput = fc.record(
  {
    tenantId: mostly(
      padded(guid),
      padded(domain),
      junk,
      domain.map((d) => `${d}_`),
    ),
    clientId: mostly(
      padded(guid),
      guid.map((g) => g.slice(1)),
      junk,
    ),
    scope: mostly(fc.constantFrom("users", "usersAndGroups"), fc.constantFrom("Users", "groups"), junk),
    cloud: mostly(fc.constantFrom("global", "usGov", "usGovDoD", "china"), fc.constant("public"), junk),
    credential: mostly(
      fc.constantFrom("clientSecret", "certificate", "tokenCredential"),
      fc.constant("secret"),
      junk,
    ),
    certificateThumbprintSha256: mostly(hex(64), hex(63), hex(65), junk),
    userProperties: mostly(fc.array(propertyName, { maxLength: 44 }), junk),
    somethingElse: junk,
  },
  { requiredKeys: [] },
);

const loopback = fc.constantFrom(
  "http://127.0.0.1:4010",
  "https://login.microsoftonline.com",
  "https://proxy.example.com/login",
);
const endpoints = fc.record(
  {
    authorityHost: fc.oneof(loopback, junk),
    graphBaseUrl: fc.oneof(
      loopback.map((u) => `${u}/v1.0`),
      fc.constant("https://graph.microsoft.com/v1.0"),
      junk,
    ),
    scope: fc.oneof(fc.constant("https://graph.microsoft.com/.default"), junk),
  },
  { requiredKeys: [] },
);

const zodAccepts = (value: unknown) => entraSettingsSchema.safeParse(value).success;

describe("the Entra settings as a form (issue 21)", () => {
  it("the JSON Schema accepts exactly what the zod schema accepts", () => {
    let accepts = 0;
    fc.assert(
      fc.property(
        fc.oneof({ weight: 9, arbitrary: settingsInput }, { weight: 1, arbitrary: junk }),
        (input) => {
          const accepted = zodAccepts(input);
          if (accepted) accepts++;
          expect(settingsValid(input)).toBe(accepted);
        },
      ),
      { numRuns: 4000 },
    );
    // Both sides of the property were exercised.
    expect(accepts).toBeGreaterThan(100);
    expect(accepts).toBeLessThan(3800);
  });

  it("with explicit endpoints (checked by the server), it never refuses what the zod schema accepts", () => {
    fc.assert(
      fc.property(settingsInput, endpoints, (input, ends) => {
        const value = { ...input, endpoints: ends };
        if (zodAccepts(value)) expect(settingsValid(value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(form.ui.fields.endpoints?.serverChecked).toBe(true);
    expect(form.ui.fields["endpoints.graphBaseUrl"]?.serverChecked).toBe(true);
  });

  it("the secrets' JSON Schema accepts exactly what the zod schema accepts", () => {
    // Strings without surrogate pairs: JSON Schema counts code points, zod UTF-16 units; they agree there.
    const text = fc.string({
      unit: fc.integer({ min: 0, max: 0xd7ff }).map((c) => String.fromCharCode(c)),
      maxLength: 1100,
    });
    const secret = fc.oneof(
      text,
      fc.constant(""),
      text.map((t) => `-----BEGIN PRIVATE KEY-----${t}`),
      junk,
    );
    fc.assert(
      fc.property(
        fc.record({ clientSecret: secret, certificatePrivateKey: secret }, { requiredKeys: [] }),
        (input) => {
          expect(secretsValid(input)).toBe(entraSecretsSchema.safeParse(input).success);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("says what the seed's Configure dialog shows: labels, scope titles, write-only secrets, the plan's bounds", () => {
    expect(form.ui.order.slice(0, 3)).toEqual(["tenantId", "clientId", "scope"]);
    expect(form.ui.fields.tenantId).toMatchObject({ label: "Tenant ID", required: true, widget: "text" });
    expect(form.ui.fields.scope).toMatchObject({
      label: "Sync scope",
      widget: "select",
      default: "users",
      options: [
        { value: "users", title: "Users" },
        { value: "usersAndGroups", title: "Users and Groups" },
      ],
    });
    expect(form.ui.fields.cloud?.advanced).toBe(true);
    expect(form.ui.fields["endpoints.authorityHost"]).toMatchObject({ advanced: true, required: true });
    expect(form.secrets.map((s) => [s.name, s.label, s.writeOnly])).toEqual([
      ["clientSecret", "Client secret", true],
      ["certificatePrivateKey", "Certificate private key (PEM)", true],
    ]);
    expect(form.secretsSchema).toMatchObject({ properties: { clientSecret: { writeOnly: true } } });
    expect(form.interval).toEqual({ minMinutes: 60, maxMinutes: 20_160, defaultMinutes: 60 });
    expect(describeConnectorForm(createEntraConnector(), "enterprise").interval.minMinutes).toBe(30);
    expect(form.entitled).toBe(true);
    expect(JSON.parse(JSON.stringify(form))).toEqual(form);
  });
});
