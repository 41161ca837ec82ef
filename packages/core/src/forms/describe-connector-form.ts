import type { Connector } from "../connector/connector";
import type { JsonObject, JsonValue } from "../connector/json";
import { CoreError } from "../errors/core-error";
import { DEFAULT_PLANS, MAX_INTERVAL_MINUTES, type PlanId, type PlanTable } from "../plans/plan";
import { resolvePlan } from "../plans/resolve-plan";
import type { ConnectorFormDescription, FormField, FormSecretField } from "./connector-form";
import type { FormFieldHint, FormWidget } from "./form-hints";
import { humanizeKey } from "./humanize-key";
import { toJsonSchema } from "./to-json-schema";

/** Options of {@link describeConnectorForm}. */
export interface DescribeConnectorFormOptions {
  /** The plan table; default the seed's plans. */
  plans?: PlanTable;
}

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function widgetOf(node: JsonObject): FormWidget {
  if (Array.isArray(node.enum) || Array.isArray(node.oneOf)) return "select";
  if (node.type === "boolean") return "checkbox";
  if (node.type === "number" || node.type === "integer") return "number";
  if (node.type === "array") return "list";
  if (node.type === "object" && isObject(node.properties)) return "group";
  return "text";
}

/** Replaces `enum` by `oneOf` of `const` + `title` (the same values, now with titles a generic renderer shows). */
function titleEnum(node: JsonObject, options: Readonly<Record<string, string>>): void {
  if (!Array.isArray(node.enum)) return;
  node.oneOf = node.enum.map((value) => ({ const: value, title: options[String(value)] ?? String(value) }));
  delete node.enum;
}

/**
 * Describes a connector's Configure dialog for the tenant's plan: the JSON Schemas of its settings and secrets
 * (from its zod schemas, via zod's `z.toJSONSchema`), the labels, help texts, enum titles and conditions of its
 * `form` hints and `.meta()`, the secrets as write-only fields, and the interval bounds of the plan. A host, or
 * the reference console, renders any connector's form from this alone. A hint naming a field the settings do not
 * have is a connector bug: `CONFIG_INVALID`, naming it.
 *
 * @example
 * ```ts
 * const form = describeConnectorForm(createEntraConnector(), "professional");
 * form.interval; // { minMinutes: 60, maxMinutes: 20160, defaultMinutes: 60 }
 * form.secrets.map((s) => s.label); // ["Client secret", "Certificate private key (PEM)"]
 * ```
 */
export function describeConnectorForm(
  connector: Connector<unknown, string, string, unknown>,
  plan: PlanId = "enterprise",
  options: DescribeConnectorFormOptions = {},
): ConnectorFormDescription {
  const hints = connector.form ?? {};
  const fieldHints: Readonly<Record<string, FormFieldHint>> = hints.fields ?? {};
  const serverChecked = new Set(hints.serverChecked ?? []);
  const settings = toJsonSchema(connector.settingsSchema);
  const fields: Record<string, FormField> = {};

  const walk = (node: JsonObject, prefix: string, advancedParent: boolean): string[] => {
    const properties = isObject(node.properties) ? node.properties : {};
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    const paths: string[] = [];
    for (const [key, child] of Object.entries(properties)) {
      if (!isObject(child)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const hint = fieldHints[path] ?? {};
      if (hint.options) titleEnum(child, hint.options);
      const widget = hint.widget ?? widgetOf(child);
      const advanced = advancedParent || hint.advanced === true;
      const field: FormField = {
        path,
        label: hint.label ?? (typeof child.title === "string" ? child.title : humanizeKey(key)),
        widget,
        required: required.has(key),
        advanced,
        serverChecked: [...serverChecked].some((p) => path === p || path.startsWith(`${p}.`)),
      };
      const help = hint.help ?? (typeof child.description === "string" ? child.description : undefined);
      if (help !== undefined) field.help = help;
      // Generic JSON Schema form renderers show `title` and `description`.
      child.title = field.label;
      if (help !== undefined) child.description = help;
      if (hint.placeholder !== undefined) field.placeholder = hint.placeholder;
      if (child.default !== undefined) field.default = child.default;
      if (hint.showWhen) field.showWhen = hint.showWhen;
      const values = Array.isArray(child.oneOf) ? child.oneOf : undefined;
      if (values)
        field.options = values.filter(isObject).flatMap((o) => {
          const value = o.const;
          if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return [];
          return [{ value, title: typeof o.title === "string" ? o.title : String(value) }];
        });
      else if (Array.isArray(child.enum))
        field.options = child.enum.flatMap((value) =>
          typeof value === "string" || typeof value === "number" || typeof value === "boolean"
            ? [{ value, title: String(value) }]
            : [],
        );
      fields[path] = field;
      if (widget === "group") field.children = walk(child, path, advanced);
      paths.push(path);
    }
    return paths;
  };
  const topLevel = walk(settings, "", false);
  for (const path of Object.keys(fieldHints))
    if (!fields[path])
      throw new CoreError(
        "CONFIG_INVALID",
        `Connector "${connector.id}" has a form hint for "${path}", which is not one of its settings`,
        { details: { connectorId: connector.id, path } },
      );
  const named = (hints.order ?? []).filter((p) => topLevel.includes(p));
  const order = [...named, ...topLevel.filter((p) => !named.includes(p))];

  const secretsSchema = toJsonSchema(connector.secretsSchema);
  const secretProps = isObject(secretsSchema.properties) ? secretsSchema.properties : {};
  const secretHints: Readonly<Record<string, FormFieldHint | undefined>> = hints.secrets ?? {};
  const secrets: FormSecretField[] = connector.secretNames.map((name) => {
    const node = secretProps[name];
    const hint = secretHints[name] ?? {};
    const field: FormSecretField = {
      name,
      label:
        hint.label ?? (isObject(node) && typeof node.title === "string" ? node.title : humanizeKey(name)),
      widget: hint.widget === "textarea" ? "textarea" : "password",
      writeOnly: true,
    };
    const help =
      hint.help ?? (isObject(node) && typeof node.description === "string" ? node.description : undefined);
    if (help !== undefined) field.help = help;
    if (hint.placeholder !== undefined) field.placeholder = hint.placeholder;
    if (hint.showWhen) field.showWhen = hint.showWhen;
    return field;
  });
  for (const field of secrets) {
    const node = secretProps[field.name];
    if (!isObject(node)) continue;
    node.writeOnly = true;
    node.title = field.label;
    if (field.help !== undefined) node.description = field.help;
  }

  const rules = resolvePlan(plan, options.plans ?? DEFAULT_PLANS);
  const minMinutes = rules.minIntervalMinutes;
  const description: ConnectorFormDescription = {
    connectorId: connector.id,
    title: connector.title,
    settings,
    secretsSchema,
    secrets,
    interval: {
      minMinutes,
      maxMinutes: MAX_INTERVAL_MINUTES,
      defaultMinutes: Math.min(MAX_INTERVAL_MINUTES, Math.max(minMinutes, 60)),
    },
    entitled: rules.interfaceHub,
    ui: { order, fields },
  };
  if (connector.description !== undefined) description.description = connector.description;
  return description;
}
