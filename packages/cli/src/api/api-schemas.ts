import type { ConnectorFormDescription, EntityKind } from "@uslimato/core";
import type { ConnectorCapabilities } from "@uslimato/core/connector";
import { z } from "zod";

/**
 * The admin API's request and response bodies as zod schemas: requests are parsed with them, and the OpenAPI
 * document is generated from them (`z.toJSONSchema`), so the two cannot drift apart.
 */

const dateTime = z.string().meta({ format: "date-time", description: "ISO 8601 date and time (UTC)" });
const direction = z.enum(["inbound", "outbound", "both"]);
const secretValue = z.string().min(1, "must not be empty").max(16_384, "is too long");

/** `POST /api/integrations`. */
export const createIntegrationBodySchema = z.strictObject({
  connectorId: z.string().min(1).meta({ description: "The connector's id, e.g. `entra`" }),
  name: z.string().trim().min(1, "must not be empty").max(200),
  settings: z.record(z.string(), z.unknown()).meta({ description: "The connector's settings (its form)" }),
  secrets: z
    .record(z.string(), secretValue)
    .optional()
    .meta({ description: "Secret values by name: write-only, never returned (only `configured`)" }),
  intervalMinutes: z.int().positive().meta({ description: "Sync interval within the plan's bounds" }),
  direction: direction.optional(),
  enabled: z.boolean().optional().meta({ description: "Default true" }),
});

/** `PATCH /api/integrations/{id}`: fields given replace the stored ones; a secret set to `null` is removed. */
export const updateIntegrationBodySchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(200).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  secrets: z.record(z.string(), secretValue.nullable()).optional(),
  intervalMinutes: z.int().positive().optional(),
  direction: direction.optional(),
  enabled: z.boolean().optional(),
  expectedRevision: z
    .int()
    .nonnegative()
    .optional()
    .meta({ description: "Refuse (409) if the integration changed since this revision" }),
});

/** `POST /api/integrations/{id}/sync`. */
export const syncNowBodySchema = z.strictObject({
  full: z.boolean().optional().meta({ description: "Forget the checkpoint and read everything" }),
  confirmMassDeactivation: z.boolean().optional(),
});

/** `GET /api/integrations/{id}/logs`. */
export const syncLogsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.iso.datetime({ offset: true }).optional(),
});

/** `GET /api/audit`. */
export const auditQuerySchema = z.strictObject({
  integrationId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** `GET /api/events`. */
export const eventsQuerySchema = z.strictObject({ integrationId: z.string().min(1).optional() });

const configuredSecretSchema = z.object({
  name: z.string(),
  configured: z.boolean(),
  updatedAt: dateTime.nullable(),
});

/** An integration as the API returns it: settings and a `configured` flag per secret, never a secret value. */
export const integrationSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  connectorId: z.string(),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()),
  direction,
  intervalMinutes: z.number(),
  mappings: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  guard: z.object({ maxShare: z.number().optional(), minCount: z.number().optional() }).optional(),
  createdAt: dateTime,
  updatedAt: dateTime,
  revision: z.number(),
  secrets: z.array(configuredSecretSchema),
});

const diagnosisSchema = z.object({
  service: z.string(),
  httpStatus: z.number().optional(),
  errorCode: z.string().optional(),
  serviceCode: z.string().optional(),
  traceId: z.string().optional(),
  correlationId: z.string().optional(),
  requestId: z.string().optional(),
  clientRequestId: z.string().optional(),
  date: z.string().optional(),
  message: z.string().optional(),
  transactionId: z.string().optional(),
  sapMessage: z.string().optional(),
});

const countsSchema = z.object({
  processed: z.number(),
  created: z.number(),
  updated: z.number(),
  deactivated: z.number(),
  failed: z.number(),
});

/** One sync run. */
export const syncLogSchema = z.object({
  id: z.string(),
  integrationId: z.string(),
  tenantId: z.string(),
  trigger: z.enum(["schedule", "manual", "webhook", "watch"]),
  reason: z.string().optional(),
  mode: z.enum(["full", "incremental"]),
  status: z.enum(["running", "success", "partial", "failed"]),
  startedAt: dateTime,
  finishedAt: dateTime.nullable(),
  counts: countsSchema,
  countsByKind: z.record(z.string(), countsSchema),
  errors: z.array(
    z.object({
      externalId: z.string().optional(),
      kind: z.string().optional(),
      field: z.string().optional(),
      code: z.string(),
      message: z.string(),
      severity: z.enum(["error", "warning"]),
      requestId: z.string().optional(),
      diagnosis: diagnosisSchema.optional(),
    }),
  ),
  errorCount: z.number(),
  notices: z.array(z.record(z.string(), z.unknown())),
  pages: z.number(),
  failureCode: z.string().nullable(),
});

/** One audit entry. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: dateTime,
  tenantId: z.string(),
  integrationId: z.string().nullable(),
  actor: z.object({ type: z.string(), id: z.string() }),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
});

const testStepSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  message: z.string(),
  diagnosis: diagnosisSchema.optional(),
});

/** A connection test: every step, and on failure the failed step, a code, a remedy and the service's diagnosis. */
export const connectionTestSchema = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    steps: z.array(testStepSchema),
    details: z.record(z.string(), z.string()).optional(),
  }),
  z.object({
    ok: z.literal(false),
    failedStep: z.string(),
    code: z.string(),
    message: z.string(),
    remedy: z.string(),
    steps: z.array(testStepSchema),
    requestId: z.string().optional(),
    diagnosis: diagnosisSchema.optional(),
  }),
]);

const formValue = z.union([z.string(), z.number(), z.boolean()]);
const formCondition = z.object({ field: z.string(), equals: z.union([formValue, z.array(formValue)]) });
const formWidget = z.enum(["text", "textarea", "password", "select", "checkbox", "number", "list", "group"]);

/**
 * A connector's Configure dialog: core's `describeConnectorForm` (JSON Schemas of the settings and the secrets,
 * UI hints, the plan's interval bounds), with the connector's entities and capabilities and the plan's name.
 */
export const connectorFormSchema = z.object({
  connectorId: z.string(),
  title: z.string(),
  description: z.string().optional(),
  entities: z.array(z.string()),
  capabilities: z.object({
    incremental: z.boolean(),
    webhooks: z.boolean(),
    directions: z.array(direction),
  }),
  settings: z
    .record(z.string(), z.unknown())
    .meta({ description: "JSON Schema (2020-12) of the settings as an admin enters them" }),
  secretsSchema: z
    .record(z.string(), z.unknown())
    .meta({ description: "JSON Schema of the secrets (every property writeOnly)" }),
  secrets: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      help: z.string().optional(),
      placeholder: z.string().optional(),
      widget: z.enum(["password", "textarea"]),
      writeOnly: z.literal(true),
      showWhen: formCondition.optional(),
    }),
  ),
  interval: z
    .object({ minMinutes: z.number(), maxMinutes: z.number(), defaultMinutes: z.number() })
    .meta({ description: "The sync interval the plan allows, in minutes" }),
  entitled: z.boolean().meta({ description: "Whether the plan includes the Interface Hub" }),
  planName: z.string(),
  ui: z.object({
    order: z.array(z.string()).meta({ description: "Top-level settings paths in display order" }),
    fields: z.record(
      z.string(),
      z.object({
        path: z.string(),
        label: z.string(),
        help: z.string().optional(),
        placeholder: z.string().optional(),
        widget: formWidget,
        required: z.boolean(),
        default: z.unknown().optional(),
        options: z.array(z.object({ value: formValue, title: z.string() })).optional(),
        advanced: z.boolean(),
        showWhen: formCondition.optional(),
        serverChecked: z.boolean(),
        children: z.array(z.string()).optional(),
      }),
    ),
  }),
});

/** A connector's Configure dialog as `GET /api/connectors` answers it (see {@link connectorFormSchema}). */
export interface ConnectorForm extends ConnectorFormDescription {
  entities: ReadonlyArray<EntityKind>;
  capabilities: ConnectorCapabilities;
  /** The plan's name, e.g. `Enterprise`. */
  planName: string;
}

/** `202` of "Sync now": the run holds its lock; follow it on `GET /api/events`. */
export const syncStartedSchema = z.object({ integrationId: z.string(), syncId: z.string() });

/** Every error: a stable code, words, and for a bad request every issue with where it is. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(
      z.object({
        path: z.array(z.union([z.string(), z.number()])),
        code: z.string(),
        message: z.string(),
      }),
    ),
  }),
});
