import { createIntuneConnector, intuneSecretsSchema, intuneSettingsSchema } from "@uslimato/connector-intune";
import { describeConnectorForm } from "@uslimato/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

// Issue 21: a host renders the Configure dialog from the JSON Schema alone, so it must accept and refuse what
// the zod schema accepts and refuses. `endpoints` needs URL parsing: it is marked server-checked, and there the
// JSON Schema only never refuses what zod accepts.
const form = describeConnectorForm(createIntuneConnector(), "professional");
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
const settingsValid = ajv.compile(form.settings);
const secretsValid = ajv.compile(form.secretsSchema);

const hex = (n: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF"), minLength: n, maxLength: n });
const guid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join("-"));
// What String.prototype.trim removes, and one it does not (U+200B).
const spaceUnit = fc.constantFrom(" ", "\t", "\n", "\u00a0", "\ufeff", "\u2028", "\u3000", "\u200b");
const space = fc.string({ unit: spaceUnit, maxLength: 2 });
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
  fc.oneof({ weight: 16, arbitrary: good }, ...bad.map((arbitrary) => ({ weight: 1, arbitrary })));
/** Numbers in range (whole ones for `int`), at the bounds, and just outside them. */
const number = (min: number, max: number, int = false) =>
  mostly(
    int ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }),
    fc.constantFrom(min, max, min - 1, max + 1, min - 0.001, max + 0.5),
    fc.double({ min: min - 1, max: max + 1, noNaN: true }),
  );
const deviceProperty = fc.constantFrom("imei", "serialNumber", "model", "totalStorageSpaceInBytes");
const badDeviceProperty = fc.constantFrom("iccid", "udid", "notes", "Imei", "");
const operatingSystem = padded(fc.constantFrom("Windows", "iOS", "Android", "macOS"));

const settingsInput = fc.record(
  {
    tenantId: mostly(
      padded(guid),
      junk,
      guid.map((g) => g.slice(1)),
    ),
    clientId: mostly(
      padded(guid),
      junk,
      guid.map((g) => `${g}0`),
    ),
    cloud: mostly(fc.constantFrom("global", "usGov", "usGovDoD", "china"), fc.constant("public"), junk),
    credential: mostly(
      fc.constantFrom("clientSecret", "certificate", "tokenCredential"),
      fc.constant("secret"),
      junk,
    ),
    certificateThumbprintSha256: mostly(hex(64), hex(63), junk),
    deviceProperties: mostly(
      fc.array(deviceProperty, { maxLength: 4 }),
      fc.array(deviceProperty, { minLength: 38, maxLength: 42 }),
      fc.tuple(fc.array(deviceProperty, { maxLength: 2 }), badDeviceProperty).map(([a, b]) => [...a, b]),
      junk,
    ),
    scope: mostly(
      fc.record(
        {
          ownerTypes: mostly(
            fc.array(fc.constantFrom("company", "personal", "unknown", "Company"), { maxLength: 3 }),
            junk,
          ),
          operatingSystems: mostly(
            fc.array(operatingSystem, { maxLength: 3 }),
            fc.array(fc.string({ unit: spaceUnit, maxLength: 3 }), { minLength: 1, maxLength: 2 }),
            junk,
          ),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    complianceDetail: mostly(fc.constantFrom("state", "perPolicy"), fc.constant("policy"), junk),
    fullSweepHours: mostly(number(1, 336), junk),
    overlapMinutes: mostly(number(0, 1440, true), junk),
    sweepDropShare: mostly(number(0, 1), junk),
    watch: mostly(
      fc.record(
        { entraDevices: fc.boolean(), auditEvents: mostly(fc.boolean(), junk) },
        { requiredKeys: [] },
      ),
      junk,
    ),
    somethingElse: junk,
  },
  { requiredKeys: ["tenantId", "clientId"] },
);
const endpoints = fc.record(
  {
    authorityHost: fc.oneof(
      fc.constantFrom("http://127.0.0.1:4010", "https://login.microsoftonline.com"),
      junk,
    ),
    graphBaseUrl: fc.oneof(
      fc.constantFrom("http://127.0.0.1:4010/v1.0", "https://graph.microsoft.com/v1.0"),
      junk,
    ),
    scope: fc.oneof(fc.constant("https://graph.microsoft.com/.default"), junk),
  },
  { requiredKeys: [] },
);

const zodAccepts = (value: unknown) => intuneSettingsSchema.safeParse(value).success;

describe("the Intune settings as a form (issue 21)", () => {
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
    expect(accepts).toBeGreaterThan(200);
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
    expect(form.ui.fields["endpoints.graphBaseUrl"]?.serverChecked).toBe(true);
    expect(form.ui.fields.tenantId?.serverChecked).toBe(false);
  });

  it("the secrets' JSON Schema accepts exactly what the zod schema accepts", () => {
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
          expect(secretsValid(input)).toBe(intuneSecretsSchema.safeParse(input).success);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("says what the Configure dialog shows: labels, titled options, advanced fields, secrets per credential", () => {
    expect(form.title).toBe("Microsoft Intune");
    expect(form.ui.order.slice(0, 3)).toEqual(["tenantId", "clientId", "complianceDetail"]);
    expect(form.ui.fields.tenantId).toMatchObject({ label: "Tenant ID", required: true, advanced: false });
    expect(form.ui.fields.complianceDetail).toMatchObject({
      widget: "select",
      default: "state",
      options: [
        { value: "state", title: "Compliance state only" },
        { value: "perPolicy", title: "Per compliance policy" },
      ],
    });
    expect(form.ui.fields["scope.operatingSystems"]).toMatchObject({
      label: "Operating systems",
      widget: "list",
    });
    for (const path of [
      "cloud",
      "credential",
      "fullSweepHours",
      "sweepDropShare",
      "watch",
      "watch.auditEvents",
    ])
      expect(form.ui.fields[path]?.advanced, path).toBe(true);
    expect(form.ui.fields.certificateThumbprintSha256?.showWhen).toEqual({
      field: "credential",
      equals: "certificate",
    });
    expect(form.secrets.map((s) => [s.name, s.label, s.showWhen?.equals])).toEqual([
      ["clientSecret", "Client secret", "clientSecret"],
      ["certificatePrivateKey", "Certificate private key (PEM)", "certificate"],
    ]);
    expect(form.interval).toEqual({ minMinutes: 60, maxMinutes: 20_160, defaultMinutes: 60 });
    expect(JSON.parse(JSON.stringify(form))).toEqual(form);
  });
});
