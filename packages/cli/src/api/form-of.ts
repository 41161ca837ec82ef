import {
  type AnyConnector,
  type EntityKind,
  MAX_INTERVAL_MINUTES,
  type PlanId,
  type PlanTable,
  resolvePlan,
} from "@uslimato/core";
import type { ConnectorCapabilities } from "@uslimato/core/connector";
import { z } from "zod";

/** A JSON Schema document (draft 2020-12, as OpenAPI 3.1 uses it). */
export type JsonSchema = Record<string, unknown>;

/**
 * What a host needs to render a connector's Configure dialog: its settings and secrets as JSON Schema with titles
 * (secrets marked `writeOnly`: sent, never shown), and the sync interval's bounds on the plan.
 */
export interface ConnectorForm {
  id: string;
  title: string;
  description: string | null;
  entities: ReadonlyArray<EntityKind>;
  capabilities: ConnectorCapabilities;
  /** The settings (never secret), JSON Schema of the settings schema's input: defaults are optional. */
  settings: JsonSchema;
  /** The secrets, JSON Schema; every property is `writeOnly`. */
  secrets: JsonSchema;
  /** The interval bounds in minutes: the plan's minimum and the 2-week maximum. */
  interval: { minimumMinutes: number; maximumMinutes: number; planName: string };
}

const WORDS: Readonly<Record<string, string>> = { id: "ID", url: "URL", sha256: "SHA-256", pem: "PEM" };

/** `graphBaseUrl` -> `Graph base URL`. */
const titleOf = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(" ")
    .map((word, i) => {
      const lower = word.toLowerCase();
      const known = WORDS[lower];
      if (known) return known;
      return i === 0 ? `${lower[0]?.toUpperCase() ?? ""}${lower.slice(1)}` : lower;
    })
    .join(" ");

const withTitles = (schema: JsonSchema, writeOnly: boolean): JsonSchema => {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return schema;
  const titled: Record<string, JsonSchema> = {};
  for (const [name, property] of Object.entries(properties)) {
    const nested = property.type === "object" ? withTitles(property, writeOnly) : property;
    titled[name] = { title: titleOf(name), ...nested, ...(writeOnly ? { writeOnly: true } : {}) };
  }
  return { ...schema, properties: titled };
};

const toSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
};

/**
 * The Configure dialog of a connector, derived from its zod schemas (`z.toJSONSchema`); the secret names are
 * write-only. The stand-in until connectors publish their own forms with UI hints: the admin API and console
 * depend only on {@link ConnectorForm}.
 */
export function formOf(
  connector: AnyConnector,
  plan: { plan: PlanId; plans?: PlanTable | undefined },
): ConnectorForm {
  const rules = resolvePlan(plan.plan, plan.plans);
  const secrets = withTitles(toSchema(connector.secretsSchema), true);
  const known = (secrets.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of connector.secretNames)
    known[name] ??= { title: titleOf(name), type: "string", writeOnly: true };
  return {
    id: connector.id,
    title: connector.title,
    description: connector.description ?? null,
    entities: connector.entities,
    capabilities: connector.capabilities,
    settings: withTitles(toSchema(connector.settingsSchema), false),
    secrets: { ...secrets, properties: known },
    interval: {
      minimumMinutes: rules.minIntervalMinutes,
      maximumMinutes: MAX_INTERVAL_MINUTES,
      planName: rules.name,
    },
  };
}
