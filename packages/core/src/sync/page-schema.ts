import { z } from "zod";
import type { SourcePage } from "../connector/source-page";
import { CoreError } from "../errors/core-error";

const KINDS = new Set(["user", "group", "device", "asset"]);
const REASONS = new Set(["deleted", "softDeleted", "outOfScope"]);

/** The small parts of a page, checked with zod; records are checked by a plain loop (they are most of a page). */
const pageMetaSchema = z.object({
  checkpoint: z.json(),
  fullScan: z
    .object({ first: z.boolean().optional(), last: z.boolean().optional(), complete: z.boolean().optional() })
    .optional(),
  notices: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
  memberships: z
    .array(
      z.object({
        groupExternalId: z.string().min(1),
        added: z.array(z.string().min(1)),
        removed: z.array(z.string().min(1)),
      }),
    )
    .optional(),
});

type Problem = { path: string; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function checkRecords(page: Record<string, unknown>, problems: Problem[]): void {
  if (!KINDS.has(page.kind as string))
    problems.push({ path: "kind", message: "must be user, group, device or asset" });
  if (!Array.isArray(page.upserts)) problems.push({ path: "upserts", message: "must be an array" });
  else {
    for (let i = 0; i < page.upserts.length && problems.length < 5; i++) {
      const record: unknown = page.upserts[i];
      if (!isObject(record)) problems.push({ path: `upserts.${i}`, message: "must be an object" });
      else if (typeof record.externalId !== "string" || record.externalId.length === 0) {
        problems.push({ path: `upserts.${i}.externalId`, message: "externalId must be a non-empty string" });
      } else if (!isObject(record.data))
        problems.push({ path: `upserts.${i}.data`, message: "must be an object" });
      else if (record.owner !== undefined && record.owner !== null) checkOwner(record.owner, i, problems);
    }
  }
  if (!Array.isArray(page.removals)) problems.push({ path: "removals", message: "must be an array" });
  else {
    for (let i = 0; i < page.removals.length && problems.length < 5; i++) {
      const removal: unknown = page.removals[i];
      if (!isObject(removal) || typeof removal.externalId !== "string" || removal.externalId.length === 0) {
        problems.push({ path: `removals.${i}.externalId`, message: "externalId must be a non-empty string" });
      } else if (!REASONS.has(removal.reason as string)) {
        problems.push({
          path: `removals.${i}.reason`,
          message: "must be deleted, softDeleted or outOfScope",
        });
      }
    }
  }
}

const OWNER_FIELDS = ["email", "externalUserId", "source"] as const;

function checkOwner(owner: unknown, i: number, problems: Problem[]): void {
  if (!isObject(owner)) {
    problems.push({ path: `upserts.${i}.owner`, message: "must be an object or null" });
    return;
  }
  for (const field of OWNER_FIELDS) {
    const value = owner[field];
    if (value !== undefined && typeof value !== "string")
      problems.push({ path: `upserts.${i}.owner.${field}`, message: "must be a string" });
  }
}

/**
 * Checks a page a connector yielded; a typed `CONNECTOR_PAGE_INVALID` error names the page and the path of
 * every problem (up to five). Nothing of an invalid page is applied.
 */
export function parseSourcePage(value: unknown, pageNumber: number, connectorId: string): SourcePage {
  const problems: Problem[] = [];
  if (!isObject(value)) problems.push({ path: "(page)", message: "must be an object" });
  else {
    checkRecords(value, problems);
    const meta = pageMetaSchema.safeParse(value);
    if (!meta.success) {
      for (const issue of meta.error.issues)
        problems.push({ path: issue.path.join("."), message: issue.message });
    }
  }
  if (problems.length === 0) return value as unknown as SourcePage;
  const listed = problems
    .slice(0, 5)
    .map((p) => `${p.path}: ${p.message}`)
    .join("; ");
  throw new CoreError(
    "CONNECTOR_PAGE_INVALID",
    `Connector "${connectorId}" yielded an invalid page ${pageNumber}: ${listed}`,
    {
      path: ["page", pageNumber],
      details: { connectorId, page: pageNumber, issues: problems.length },
    },
  );
}
