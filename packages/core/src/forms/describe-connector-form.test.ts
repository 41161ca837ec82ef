import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type Connector, defineConnector } from "../connector";
import { describeConnectorForm, isUslimatoError } from "../index";

const hr = (form?: Connector["form"]) =>
  defineConnector({
    id: "hr",
    title: "HR system",
    settingsSchema: z.object({
      baseUrl: z.string().meta({ title: "Base URL", description: "Where the HR API lives" }),
      region: z.enum(["eu", "us"]).default("eu"),
      pageSize: z.number().int().min(1).max(500).default(100),
      includeContractors: z.boolean().optional(),
    }),
    secretsSchema: z.object({ apiKey: z.string().min(1).optional() }),
    secretNames: ["apiKey"],
    entities: ["user"],
    capabilities: { incremental: false, webhooks: false, directions: ["inbound"] },
    defaultMappings: {},
    testConnection: async () => ({ ok: true, steps: [] }),
    async *read() {},
    ...(form ? { form } : {}),
  });

describe("describeConnectorForm (issue 21)", () => {
  it("makes a form from the schemas and their .meta() alone", () => {
    const form = describeConnectorForm(hr(), "starter");
    expect(form.ui.order).toEqual(["baseUrl", "region", "pageSize", "includeContractors"]);
    expect(form.ui.fields.baseUrl).toMatchObject({
      label: "Base URL",
      help: "Where the HR API lives",
      required: true,
    });
    expect(form.ui.fields.region).toMatchObject({
      label: "Region",
      widget: "select",
      default: "eu",
      required: false,
    });
    expect(form.ui.fields.pageSize).toMatchObject({ label: "Page size", widget: "number" });
    expect(form.ui.fields.includeContractors).toMatchObject({
      label: "Include contractors",
      widget: "checkbox",
    });
    expect(form.secrets).toEqual([{ name: "apiKey", label: "Api key", widget: "password", writeOnly: true }]);
    expect(form.secretsSchema).toMatchObject({ properties: { apiKey: { type: "string", writeOnly: true } } });
    expect(form.interval).toEqual({ minMinutes: 240, maxMinutes: 20_160, defaultMinutes: 240 });
    expect(form.entitled).toBe(false);
  });

  it("applies the connector's hints: labels, enum titles, order, advanced fields and conditions", () => {
    const form = describeConnectorForm(
      hr({
        order: ["region"],
        fields: {
          region: { label: "Data region", options: { eu: "Europe", us: "United States" } },
          pageSize: { advanced: true, showWhen: { field: "region", equals: "us" } },
        },
        secrets: { apiKey: { label: "API key", help: "Settings > API" } },
      }),
    );
    expect(form.ui.order[0]).toBe("region");
    expect(form.ui.fields.region?.options).toEqual([
      { value: "eu", title: "Europe" },
      { value: "us", title: "United States" },
    ]);
    expect(form.settings).toMatchObject({
      properties: {
        region: {
          title: "Data region",
          oneOf: [
            { const: "eu", title: "Europe" },
            { const: "us", title: "United States" },
          ],
        },
      },
    });
    expect(form.ui.fields.pageSize).toMatchObject({
      advanced: true,
      showWhen: { field: "region", equals: "us" },
    });
    expect(form.secrets[0]).toMatchObject({ label: "API key", help: "Settings > API" });
  });

  it("refuses a hint for a field the settings do not have (CONFIG_INVALID)", () => {
    const error = (() => {
      try {
        describeConnectorForm(hr({ fields: { baseURL: { label: "typo" } } }));
      } catch (e) {
        return e;
      }
    })();
    expect(isUslimatoError(error, "CONFIG_INVALID")).toBe(true);
    expect((error as Error).message).toContain('"baseURL"');
  });
});
