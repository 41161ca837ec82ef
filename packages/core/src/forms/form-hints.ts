/** How a host renders one field of a Configure dialog. */
export type FormWidget =
  | "text"
  | "textarea"
  | "password"
  | "select"
  | "checkbox"
  | "number"
  | "list"
  | "group";

/** Show a field only while another field (a dotted settings path) has one of these values. */
export interface FormCondition {
  field: string;
  equals: string | number | boolean | ReadonlyArray<string | number | boolean>;
}

/** What a connector says about one field beyond its zod schema (labels, help, titles of enum values...). */
export interface FormFieldHint {
  /** The label, e.g. `Tenant ID`. Default: the schema's `title` (zod `.meta({ title })`), else the key in words. */
  label?: string;
  /** Help text under the field. Default: the schema's `description` (zod `.meta({ description })`). */
  help?: string;
  /** An example value shown while the field is empty. */
  placeholder?: string;
  /** Titles of enum values, by value, e.g. `{ users: "Users", usersAndGroups: "Users and Groups" }`. */
  options?: Readonly<Record<string, string>>;
  /** Hidden behind "Advanced" (proxies, national clouds, simulators). */
  advanced?: boolean;
  /** Overrides the widget inferred from the schema (e.g. `textarea` for a PEM key). */
  widget?: FormWidget;
  /** Shown only while this condition holds. */
  showWhen?: FormCondition;
}

/**
 * The UI hints a connector publishes next to its zod schemas, on `Connector.form`: per settings field (dotted path,
 * e.g. `endpoints.authorityHost`) and per secret. Every hint is optional; a connector without any still gets a form
 * (labels from the schema's `title` metadata or the key names).
 *
 * @example
 * ```ts
 * const form: ConnectorFormHints<"apiKey"> = {
 *   order: ["baseUrl", "scope"],
 *   fields: { scope: { label: "Sync scope", options: { people: "People", teams: "People and teams" } } },
 *   secrets: { apiKey: { label: "API key", help: "Settings > API in the HR system" } },
 * };
 * ```
 */
export interface ConnectorFormHints<SecretName extends string = string> {
  /** Top-level settings fields in display order; fields not named follow in schema order. */
  order?: ReadonlyArray<string>;
  fields?: Readonly<Record<string, FormFieldHint>>;
  secrets?: Readonly<Partial<Record<SecretName, FormFieldHint>>>;
  /**
   * Settings paths whose rules a JSON Schema cannot state (URL parsing, cross-field checks in code): the form
   * accepts more there than the connector does, and the server's answer names the field.
   */
  serverChecked?: ReadonlyArray<string>;
}
