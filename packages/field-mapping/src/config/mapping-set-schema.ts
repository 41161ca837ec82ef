import { z } from "zod";
import { checkExpressionTree } from "../expression/check-expression-tree";
import { safeParseExpression } from "../expression/safe-parse-expression";

const source = z.unknown().superRefine((value, ctx) => {
  if (typeof value === "string") {
    const parsed = safeParseExpression(value);
    if (!parsed.success) {
      const { error } = parsed;
      ctx.addIssue({
        code: "custom",
        message: error.message,
        params: { code: error.code, position: error.position },
      });
    }
    return;
  }
  for (const issue of checkExpressionTree(value)) {
    ctx.addIssue({ code: "custom", message: issue.message, path: issue.path, params: { code: issue.code } });
  }
});

const target = z
  .string()
  .min(1)
  .refine((t) => t !== "__proto__", "Target __proto__ is not allowed");

const valueMaps = z.record(
  z.string(),
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
);

/** Zod schema of one {@link MappingRule}; unknown keys are rejected so typos surface. */
export const mappingRuleSchema = z
  .strictObject({
    target,
    source: source.optional(),
    default: z.unknown().optional(),
    flow: z.enum(["always", "createOnly"]).optional(),
    ignoreIfEmpty: z.boolean().optional(),
    redact: z.boolean().optional(),
  })
  .refine((rule) => rule.source !== undefined || rule.default !== undefined, {
    message: "A rule needs a source or a default",
    path: ["source"],
  });

/** Zod schema of a {@link MappingSet}: versioned rules with unique targets and optional value maps. */
export const mappingSetSchema = z
  .strictObject({
    version: z.number().int().nonnegative(),
    integrationId: z.string().min(1).optional(),
    baseVersion: z.number().int().nonnegative().optional(),
    rules: z.array(mappingRuleSchema),
    valueMaps: valueMaps.optional(),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, i) => {
      if (seen.has(rule.target)) {
        ctx.addIssue({
          code: "custom",
          message: `Duplicate target ${rule.target}`,
          path: ["rules", i, "target"],
        });
      }
      seen.add(rule.target);
    });
  });

const overrideRule = z.union([
  z.strictObject({ target, remove: z.literal(true) }),
  z.strictObject({
    target,
    remove: z.literal(false).optional(),
    source: source.optional(),
    default: z.unknown().optional(),
    flow: z.enum(["always", "createOnly"]).optional(),
    ignoreIfEmpty: z.boolean().optional(),
    redact: z.boolean().optional(),
  }),
]);

/** Zod schema of {@link MappingSetOverrides}: partial rules merged by target, or `{ target, remove: true }`. */
export const mappingSetOverridesSchema = z.strictObject({
  version: z.number().int().nonnegative(),
  integrationId: z.string().min(1).optional(),
  rules: z.array(overrideRule),
  valueMaps: valueMaps.optional(),
});
