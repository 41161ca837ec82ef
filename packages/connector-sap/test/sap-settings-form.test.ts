import { createSapConnector, sapSecretsSchema, sapSettingsSchema } from "@uslimato/connector-sap";
import { describeConnectorForm } from "@uslimato/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

// Issue 21: a host renders the Configure dialog from the JSON Schema alone, so it must accept and refuse what
// the zod schema accepts and refuses. The system URL, the token URL and the time zone need parsing (URL, Intl):
// they are marked server-checked, and there the JSON Schema only never refuses what zod accepts.
const form = describeConnectorForm(createSapConnector(), "professional");
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
const settingsValid = ajv.compile(form.settings);
const secretsValid = ajv.compile(form.secretsSchema);

const junk = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
);
/** Not a string: refused by both sides whatever the server would check on a string. */
const nonString = fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.constant({}));
/** Mostly good values (so that accepted inputs are common), sometimes bad ones. */
const mostly = <T>(good: fc.Arbitrary<T>, ...bad: fc.Arbitrary<unknown>[]) =>
  fc.oneof({ weight: 20, arbitrary: good }, ...bad.map((arbitrary) => ({ weight: 1, arbitrary })));
/** Text without surrogate pairs: JSON Schema counts code points, zod UTF-16 units; they agree there. */
const text = (maxLength: number, minLength = 0) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0xd7ff }).map((c) => String.fromCharCode(c)),
    minLength,
    maxLength,
  });
const int = (min: number, max: number) =>
  mostly(fc.integer({ min, max }), fc.constantFrom(min - 1, max + 1, min + 0.5));
const num = (min: number, max: number) =>
  mostly(fc.double({ min, max, noNaN: true }), fc.constantFrom(min - 0.01, max + 1));
const servicePath = mostly(
  fc.constantFrom("/sap/opu/odata/sap/API_X", "/sap/opu/odata4/sap/x/0001/", "/"),
  fc.constantFrom("sap/opu", "/sap opu", "/sap?x"),
);
const entitySet = mostly(fc.constantFrom("Equipment", "_Set1", "A"), fc.constantFrom("1Set", "Set-1", ""));
const unit = mostly(fc.stringMatching(/^[A-Za-z0-9]{1,4}$/), fc.constantFrom("", "12345", "10 1"));
const equipment = fc.record(
  {
    enabled: mostly(fc.boolean(), junk),
    path: servicePath,
    entitySet,
    plants: mostly(fc.array(unit, { maxLength: 3 }), fc.constant(Array(51).fill("1010")), junk),
    ownerPartnerFunction: mostly(
      fc.stringMatching(/^[A-Z0-9]{1,2}$/),
      fc.constantFrom("vw", "VWX", "", "V-"),
      junk,
    ),
    scenario: mostly(text(12), junk),
  },
  { requiredKeys: [] },
);
const fixedAssets = fc.record(
  {
    enabled: mostly(fc.boolean(), junk),
    path: servicePath,
    entitySet,
    companyCodes: mostly(fc.array(unit, { minLength: 1, maxLength: 3 }), fc.constant([]), junk),
    assignment: mostly(fc.boolean(), junk),
    scenario: mostly(text(12), junk),
  },
  { requiredKeys: ["companyCodes"] },
);
const property = mostly(fc.constantFrom("PersonId", "Email", "ChangedAt", "x_1"), fc.constant("1x"));
const employees = fc.oneof(
  fc.record(
    {
      enabled: mostly(fc.boolean(), junk),
      mode: fc.constant("businessPartner"),
      path: servicePath,
      role: mostly(text(8), junk),
      scenario: mostly(text(12), junk),
    },
    { requiredKeys: ["mode"] },
  ),
  fc.record(
    {
      enabled: mostly(fc.boolean(), junk),
      mode: fc.constant("custom"),
      version: mostly(fc.constantFrom("v2", "v4"), fc.constant("v3")),
      path: servicePath,
      entitySet,
      fields: fc.record(
        { id: property, email: property, changedAt: property, endDate: property, blocked: property },
        { requiredKeys: ["id", "email", "changedAt"] },
      ),
      scenario: mostly(text(12), junk),
    },
    { requiredKeys: ["mode", "path", "entitySet", "fields"] },
  ),
  fc.constant({ mode: "other" }),
);

/** Settings; `baseUrl`, `oauth.tokenUrl` and `systemTimeZone` from `serverChecked` (valid ones, or not strings). */
const settingsInput = (serverChecked: {
  baseUrl: fc.Arbitrary<unknown>;
  tokenUrl: fc.Arbitrary<unknown>;
  timeZone: fc.Arbitrary<unknown>;
}) =>
  fc.record(
    {
      baseUrl: serverChecked.baseUrl,
      sapClient: mostly(fc.stringMatching(/^\d{3}$/), fc.constantFrom("10", "1000", "abc")),
      sapLanguage: mostly(fc.constantFrom("EN", "de"), fc.constantFrom("ENG", "1a", "")),
      auth: mostly(
        fc.constantFrom("basic", "oauthClientCredentials", "certificate", "tokenProvider"),
        fc.constant("saml"),
        junk,
      ),
      username: mostly(text(40, 1), text(45, 41), fc.constant(""), junk),
      oauth: mostly(
        fc.record(
          {
            clientId: mostly(text(10, 1), fc.constant(""), junk),
            tokenUrl: serverChecked.tokenUrl,
            scope: mostly(text(10), junk),
          },
          { requiredKeys: ["clientId"] },
        ),
        junk,
      ),
      caCertificate: mostly(
        text(20).map((t) => `-----BEGIN CERTIFICATE-----${t}`),
        text(20),
        junk,
      ),
      systemTimeZone: serverChecked.timeZone,
      sources: mostly(fc.record({ equipment, fixedAssets, employees }, { requiredKeys: [] }), junk),
      pageSize: mostly(int(1, 5000), junk),
      overlapSeconds: mostly(int(0, 86_400), junk),
      fullSweepHours: mostly(num(1, 24 * 90), junk),
      somethingElse: junk,
    },
    { requiredKeys: ["baseUrl", "sources"] },
  );

const validUrls = fc.constantFrom(
  "https://my300000-api.s4hana.cloud.sap",
  "https://sap.example.com/",
  "http://127.0.0.1:4010",
);
const exactInput = settingsInput({
  baseUrl: mostly(validUrls, nonString),
  tokenUrl: mostly(fc.constant("https://sap.example.com/oauth/token"), nonString),
  timeZone: mostly(fc.constantFrom("UTC", "Europe/Berlin", "America/New_York"), nonString),
});
const looseInput = settingsInput({
  baseUrl: fc.oneof(
    validUrls,
    fc.constantFrom("http://sap.example.com", "ftp://x", "not a url", "https://u:p@x"),
  ),
  tokenUrl: fc.oneof(validUrls, fc.constantFrom("http://sap.example.com/token", "token")),
  timeZone: fc.constantFrom("UTC", "Europe/Berlin", "Mars/Olympus", "utc+1"),
});

const zodAccepts = (value: unknown) => sapSettingsSchema.safeParse(value).success;

describe("the SAP settings as a form (issue 21)", () => {
  it("the JSON Schema accepts exactly what the zod schema accepts", () => {
    let accepts = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: exactInput }, { weight: 1, arbitrary: junk }), (input) => {
        const accepted = zodAccepts(input);
        if (accepted) accepts++;
        expect(settingsValid(input)).toBe(accepted);
      }),
      { numRuns: 4000 },
    );
    // Both sides of the property were exercised.
    expect(accepts).toBeGreaterThan(200);
    expect(accepts).toBeLessThan(3800);
  });

  it("with any system URL, token URL or time zone (checked by the server), it never refuses what zod accepts", () => {
    fc.assert(
      fc.property(looseInput, (input) => {
        if (zodAccepts(input)) expect(settingsValid(input)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    for (const path of ["baseUrl", "oauth.tokenUrl", "systemTimeZone"])
      expect(form.ui.fields[path]?.serverChecked, path).toBe(true);
    expect(form.ui.fields.sapClient?.serverChecked).toBe(false);
  });

  it("the secrets' JSON Schema accepts exactly what the zod schema accepts", () => {
    const secret = fc.oneof(
      text(1100),
      fc.constant(""),
      text(30).map((t) => `-----BEGIN CERTIFICATE-----${t}`),
      text(30).map((t) => `-----BEGIN PRIVATE KEY-----${t}`),
      junk,
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            password: secret,
            clientSecret: secret,
            clientCertificate: secret,
            clientKey: secret,
            clientKeyPassphrase: secret,
          },
          { requiredKeys: [] },
        ),
        (input) => {
          expect(secretsValid(input)).toBe(sapSecretsSchema.safeParse(input).success);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("says what the Configure dialog shows: labels, logon methods, the secrets each one needs, advanced fields", () => {
    expect(form.title).toBe("SAP S/4HANA");
    expect(form.ui.order.slice(0, 5)).toEqual(["baseUrl", "sapClient", "auth", "username", "oauth"]);
    expect(form.ui.fields.baseUrl).toMatchObject({ label: "System URL", required: true, advanced: false });
    expect(form.ui.fields.auth).toMatchObject({ widget: "select", default: "basic" });
    expect(form.ui.fields.auth?.options?.map((o) => o.value)).toEqual([
      "basic",
      "oauthClientCredentials",
      "certificate",
      "tokenProvider",
    ]);
    expect(form.ui.fields.username?.showWhen).toEqual({ field: "auth", equals: "basic" });
    expect(form.ui.fields["sources.fixedAssets.companyCodes"]).toMatchObject({
      required: true,
      widget: "list",
    });
    for (const path of ["pageSize", "systemTimeZone", "caCertificate", "sources.equipment.path"])
      expect(form.ui.fields[path]?.advanced, path).toBe(true);
    expect(form.ui.fields["sources.equipment.ownerPartnerFunction"]).toMatchObject({
      label: "Owner partner function",
      required: false,
      advanced: false,
      placeholder: "VW",
    });
    expect(form.secrets.map((s) => [s.name, s.showWhen?.equals])).toEqual([
      ["password", "basic"],
      ["clientSecret", "oauthClientCredentials"],
      ["clientCertificate", "certificate"],
      ["clientKey", "certificate"],
      ["clientKeyPassphrase", "certificate"],
    ]);
    expect(form.secrets.find((s) => s.name === "clientKey")?.widget).toBe("textarea");
    expect(form.interval).toEqual({ minMinutes: 60, maxMinutes: 20_160, defaultMinutes: 60 });
    expect(JSON.parse(JSON.stringify(form))).toEqual(form);
  });
});

describe("sources.equipment.ownerPartnerFunction", () => {
  it.each(["vw", "VWX", "", "V W"])("refuses %j, naming the field and the expected form", (value) => {
    const parsed = sapSettingsSchema.safeParse({
      baseUrl: "https://my000000-api.s4hana.cloud.sap",
      sapClient: "100",
      auth: "basic",
      username: "COMM_USER",
      sources: { equipment: { ownerPartnerFunction: value } },
    });
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues.find(
      (i) => i.path.join(".") === "sources.equipment.ownerPartnerFunction",
    );
    expect(issue?.message).toMatch(/partner function of 1-2 uppercase letters or digits/);
  });
});
