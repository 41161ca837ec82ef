import type { JsonObject } from "../connector/json";
import type { FormCondition, FormWidget } from "./form-hints";

/** One value of a select, with its title. */
export interface FormOption {
  value: string | number | boolean;
  title: string;
}

/** One settings field as a form renders it. */
export interface FormField {
  /** Dotted path in the settings, e.g. `endpoints.graphBaseUrl`. */
  path: string;
  label: string;
  help?: string;
  placeholder?: string;
  widget: FormWidget;
  required: boolean;
  default?: JsonObject[string];
  options?: ReadonlyArray<FormOption>;
  advanced: boolean;
  showWhen?: FormCondition;
  /** The server checks more than the JSON Schema says (see `ConnectorFormHints.serverChecked`). */
  serverChecked: boolean;
  /** Paths of the fields inside a `group`. */
  children?: ReadonlyArray<string>;
}

/** One secret as a form renders it: always write-only (shown afterwards only as "configured"). */
export interface FormSecretField {
  name: string;
  label: string;
  help?: string;
  placeholder?: string;
  widget: "password" | "textarea";
  writeOnly: true;
  showWhen?: FormCondition;
}

/**
 * Everything a host needs to render a connector's Configure dialog, third-party connectors too: JSON Schemas
 * (draft 2020-12) of the settings and the secrets, made from the connector's zod schemas, UI hints, and the
 * interval bounds of the tenant's plan. The zod schemas stay the authority: the hub validates with them.
 */
export interface ConnectorFormDescription {
  connectorId: string;
  title: string;
  description?: string;
  /** JSON Schema of the settings as an admin enters them (fields with defaults are optional). */
  settings: JsonObject;
  /** JSON Schema of the secrets; every property is `writeOnly`. */
  secretsSchema: JsonObject;
  /** The secrets, in order, with labels. */
  secrets: ReadonlyArray<FormSecretField>;
  /** The sync interval the plan allows, in minutes; `defaultMinutes` is what a new integration is offered. */
  interval: { minMinutes: number; maxMinutes: number; defaultMinutes: number };
  /** Whether the plan includes the Interface Hub at all (a host greys the tile out otherwise). */
  entitled: boolean;
  ui: {
    /** Top-level settings paths in display order. */
    order: ReadonlyArray<string>;
    /** Every settings field by dotted path (nested ones too). */
    fields: Readonly<Record<string, FormField>>;
  };
}
