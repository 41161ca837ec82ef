import { z } from "zod";
import type { ApiRoute } from "./api-route";
import { errorSchema } from "./api-schemas";

type Json = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: "input" | "output"): Json => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
};

const ERROR = { $ref: "#/components/responses/Error" };

const operationOf = (route: ApiRoute): Json => {
  const parameters: Json[] = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  if (route.query) {
    const query = schemaOf(route.query, "input");
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, Json>))
      parameters.push({ name, in: "query", required: required.has(name), schema });
  }
  const { status, description, schema, contentType } = route.response;
  const content = schema
    ? { [contentType ?? "application/json"]: { schema: schemaOf(schema, "output") } }
    : contentType
      ? { [contentType]: { schema: { type: "string" } } }
      : undefined;
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: route.method !== "POST" || !route.path.endsWith("/sync"),
            content: { "application/json": { schema: schemaOf(route.body, "input") } },
          },
        }
      : {}),
    responses: {
      [String(status)]: { description, ...(content ? { content } : {}) },
      ...(route.body || route.query ? { "400": ERROR } : {}),
      ...(route.public ? {} : { "401": ERROR }),
      ...(route.path.includes("{id}") ? { "404": ERROR } : {}),
      ...(route.method !== "GET" ? { "409": ERROR } : {}),
      default: ERROR,
    },
  };
};

/**
 * The OpenAPI 3.1 document of the admin API, generated from its route table and the same zod schemas that parse
 * its requests: one operation per route, the bearer token as the default security scheme.
 */
export function openApiDocument(routes: ReadonlyArray<ApiRoute>, info: { version: string }): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = paths[route.path] ?? {};
    path[route.method.toLowerCase()] = operationOf(route);
    paths[route.path] = path;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Uslimato Interface Hub admin API",
      version: info.version,
      description:
        "Integrations, Test connection, Sync now, sync logs and the audit log. Secrets are write-only: an " +
        "integration shows only whether each is configured.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    security: [{ adminToken: [] }],
    paths,
    components: {
      securitySchemes: {
        adminToken: {
          type: "http",
          scheme: "bearer",
          description: "The admin token `uslimato serve` was given or generated",
        },
      },
      responses: {
        Error: {
          description: "An error: a stable code, words, and for a bad request every issue with where it is",
          content: { "application/json": { schema: schemaOf(errorSchema, "output") } },
        },
      },
    },
  };
}
