import type { z } from "zod";
import type { AnyConnector, SyncDirection } from "../connector/connector";
import type { JsonObject, JsonValue } from "../connector/json";
import type { EntityKind } from "../connector/source-page";
import type { ConfigIssue } from "../errors/config-error";
import type { MappingEngine } from "../mapping/mapping-engine";
import { checkInterval } from "../plans/check-interval";
import type { PlanId, PlanTable } from "../plans/plan";
import { deactivationGuardSchema } from "../sync/deactivation-guard";

/** The parts of an integration's configuration that are checked together. */
export interface IntegrationConfigCandidate {
  settings: unknown;
  secrets: Readonly<Record<string, unknown>>;
  direction: SyncDirection;
  intervalMinutes: number;
  mappings: Partial<Record<EntityKind, JsonValue>>;
  /** The integration's own guard, if any. */
  guard?: unknown;
}

/** Validated settings, or every issue found, each with its path. */
export type IntegrationConfigResult =
  | { ok: true; settings: JsonObject }
  | { ok: false; issues: ConfigIssue[] };

/**
 * Checks a configuration against the connector's settings and secrets schemas, its directions, the plan's
 * interval rules, the mapping engine and the integration's guard. Collects every problem instead of stopping at the first. Secret values
 * never appear in an issue.
 */
export function validateIntegrationConfig(
  connector: AnyConnector,
  candidate: IntegrationConfigCandidate,
  context: { plan: PlanId; plans: PlanTable; mapping: MappingEngine; requireAllSecrets: boolean },
): IntegrationConfigResult {
  const issues: ConfigIssue[] = [];
  const settings = connector.settingsSchema.safeParse(candidate.settings);
  if (!settings.success) issues.push(...zodIssues(settings.error, "settings"));
  const secrets = connector.secretsSchema.safeParse(candidate.secrets);
  if (!secrets.success) {
    for (const issue of secrets.error.issues) {
      const name = String(issue.path[0] ?? "");
      if (!context.requireAllSecrets && !(name in candidate.secrets)) continue;
      issues.push({
        path: ["secrets", ...issue.path.map(String)],
        code: issue.code,
        message: secretSafeMessage(issue),
      });
    }
  }
  for (const name of Object.keys(candidate.secrets)) {
    if (!connector.secretNames.includes(name)) {
      issues.push({
        path: ["secrets", name],
        code: "unrecognized_key",
        message: `Connector "${connector.id}" has no secret named "${name}"`,
      });
    }
  }
  if (!connector.capabilities.directions.includes(candidate.direction)) {
    issues.push({
      path: ["direction"],
      code: "unsupported_direction",
      message: `Connector "${connector.id}" supports ${connector.capabilities.directions.join(", ")}, not ${candidate.direction}`,
    });
  }
  const interval = checkInterval(candidate.intervalMinutes, context.plan, context.plans);
  if (!interval.ok)
    issues.push({ path: ["intervalMinutes"], code: interval.error.code, message: interval.error.message });
  for (const [kind, overrides] of Object.entries(candidate.mappings) as Array<[EntityKind, JsonValue]>) {
    if (!connector.entities.includes(kind)) {
      issues.push({
        path: ["mappings", kind],
        code: "unknown_entity",
        message: `Connector "${connector.id}" produces no ${kind} records`,
      });
      continue;
    }
    for (const issue of context.mapping.validate({
      kind,
      defaults: connector.defaultMappings[kind],
      overrides,
    })) {
      issues.push({
        path: ["mappings", kind, ...issue.path],
        code: "invalid_mapping",
        message: issue.message,
      });
    }
  }
  if (candidate.guard !== undefined) {
    const guard = deactivationGuardSchema.safeParse(candidate.guard);
    if (!guard.success) issues.push(...zodIssues(guard.error, "guard"));
  }
  if (issues.length > 0 || !settings.success) return { ok: false, issues };
  return { ok: true, settings: JSON.parse(JSON.stringify(settings.data ?? {})) as JsonObject };
}

function zodIssues(error: z.ZodError, root: string): ConfigIssue[] {
  return error.issues.map((issue) => ({
    path: [root, ...issue.path.map(String)],
    code: issue.code,
    message: issue.message,
  }));
}

/** Zod messages may quote the received value; for secrets only the kind of problem is reported. */
function secretSafeMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") return `expected ${issue.expected}`;
  if (issue.code === "too_small") return "too short or missing";
  if (issue.code === "too_big") return "too long";
  return "invalid value";
}
