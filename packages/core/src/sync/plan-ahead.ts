import type { SourcePage } from "../connector/source-page";
import type { DirectoryStore, UserLookup } from "../storage/storage-adapter";
import type { PagePlan } from "./apply-context";
import type { RecordedLookup } from "./lookups-unchanged-by";

/** The next page, parsed and planned while the current one was applied. */
export interface PlannedAhead {
  /** The item the connector yielded, which `page` was parsed from. */
  raw: unknown;
  page: SourcePage;
  /** The sweep id it was planned with. */
  sweepId: string | null;
  plan: PagePlan;
  /** Its lookups that ran before the page before it was applied (those after it see its writes). */
  early: RecordedLookup[];
}

/** How {@link planAhead} turns the next item into a plan. */
export interface PlanAheadSteps {
  /** Parses the item and says which sweep it belongs to (throws on an invalid page). */
  prepare(raw: unknown): { page: SourcePage; sweepId: string | null };
  /** Plans the page against the given directory. */
  plan(page: SourcePage, directory: DirectoryStore, sweepId: string | null): Promise<PagePlan>;
  /** Whether the page before it is applied by now. */
  applied(): boolean;
}

/**
 * Plans the next page (a user page) as soon as the connector yields it, while the page before it is still being
 * written: its mapping and its lookup then overlap that write instead of following it. The lookups go through a
 * directory that records them, so the runner can tell afterwards whether the write changed what they found (see
 * `lookupsUnchangedBy`) and plan the page again if so. Resolves null, never rejects, when there is no next page,
 * it is not a user page, or anything fails: the runner then parses and plans it as usual.
 */
export async function planAhead(
  upcoming: Promise<IteratorResult<unknown>>,
  directory: DirectoryStore,
  steps: PlanAheadSteps,
): Promise<PlannedAhead | null> {
  try {
    const next = await upcoming;
    if (next.done) return null;
    // Let the current page's write go out first: its statement is being built right now, and this page's parsing
    // and mapping would otherwise run before it is sent.
    await new Promise((resolve) => setImmediate(resolve));
    const { page, sweepId } = steps.prepare(next.value);
    if (page.kind !== "user") return null;
    const early: RecordedLookup[] = [];
    const findUsers = async (integrationId: string, query: RecordedLookup["query"]): Promise<UserLookup> => {
      const before = !steps.applied();
      const result = await directory.findUsers(integrationId, query);
      if (before) early.push({ query, result });
      return result;
    };
    const recording = new Proxy(directory, {
      get(target, property) {
        if (property === "findUsers") return findUsers;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    return { raw: next.value, page, sweepId, plan: await steps.plan(page, recording, sweepId), early };
  } catch {
    return null;
  }
}
