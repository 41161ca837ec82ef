import type { Expression } from "../expression/expression";

/** When a rule writes: on every sync, or only when the target record is created. */
export type MappingFlow = "always" | "createOnly";

/** How one internal field is computed from the external record. */
export interface MappingRule {
  /** The internal field written. One rule per target. */
  target: string;
  /** Expression tree or its Entra-style string form; without it the rule writes `default`. */
  source?: Expression | string;
  /** Used when the source yields null (or is absent). */
  default?: unknown;
  /** `always` (default) or `createOnly` (skipped in update mode; Entra's ObjectAddOnly). */
  flow?: MappingFlow;
  /** Skip the target (do not write it) when the value is null, `""` or `[]` after the default. */
  ignoreIfEmpty?: boolean;
  /** Never show this field's values in errors or previews. */
  redact?: boolean;
}

/** An admin override: a rule (merged over the default rule with the same target) or a removal. */
export type MappingRuleOverride =
  | (Partial<MappingRule> & { target: string; remove?: false })
  | { target: string; remove: true };

/** Lookup tables for `MapValue(source, "table", default)`: table name -> external value -> internal value. */
export type ValueMaps = Record<string, Record<string, string | number | boolean | null>>;

/** A versioned set of rules belonging to an integration. */
export interface MappingSet {
  version: number;
  integrationId?: string;
  /** Version of the connector defaults this set was merged from (set by `mergeMappingSets`). */
  baseVersion?: number;
  rules: MappingRule[];
  valueMaps?: ValueMaps;
}

/** What an admin stores on top of a connector's defaults. */
export interface MappingSetOverrides {
  version: number;
  integrationId?: string;
  rules: MappingRuleOverride[];
  valueMaps?: ValueMaps;
}
