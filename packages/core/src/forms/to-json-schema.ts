import { z } from "zod";
import type { JsonObject } from "../connector/json";

/** The formats JSON Schema 2020-12 defines; zod's own (`includes`, `starts_with`...) are dropped, their `pattern` stays. */
const STANDARD_FORMATS = new Set([
  "date-time",
  "date",
  "time",
  "duration",
  "email",
  "idn-email",
  "hostname",
  "idn-hostname",
  "ipv4",
  "ipv6",
  "uri",
  "uri-reference",
  "iri",
  "iri-reference",
  "uuid",
  "uri-template",
  "json-pointer",
  "relative-json-pointer",
  "regex",
]);

/**
 * The JSON Schema (draft 2020-12) of what a zod schema accepts as input: defaults make a field optional,
 * refinements in code are left out (the zod schema stays the authority), metadata from `.meta()` is kept.
 *
 * @example
 * ```ts
 * toJsonSchema(z.object({ name: z.string().meta({ title: "Name" }) }));
 * ```
 */
export function toJsonSchema(schema: z.ZodType): JsonObject {
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
    override: ({ jsonSchema }) => {
      if (typeof jsonSchema.format === "string" && !STANDARD_FORMATS.has(jsonSchema.format))
        delete jsonSchema.format;
    },
  }) as JsonObject;
}
