import type { EntityKind, SourcePage } from "../connector/source-page";

/** The open sweeps after a page, and the sweep the page belongs to. */
export interface PageSweep {
  /** Open full enumerations by kind once the page is applied. */
  sweeps: Partial<Record<EntityKind, string>>;
  /** The page's sweep (`start` when the page opens it), or null when the page is not part of one. */
  sweep: { id: string; start: boolean } | null;
}

/**
 * Which sweep a page belongs to, given the sweeps open before it: a full scan's first page (or the first one of a
 * kind with no open sweep) opens one named after the run; its last page closes it.
 */
export function pageSweep(
  before: Partial<Record<EntityKind, string>>,
  page: Pick<SourcePage, "kind" | "fullScan">,
  runId: string,
): PageSweep {
  const sweeps = { ...before };
  let sweep: PageSweep["sweep"] = null;
  if (page.fullScan) {
    const start = page.fullScan.first === true || !sweeps[page.kind];
    if (start) sweeps[page.kind] = runId;
    sweep = { id: sweeps[page.kind]!, start };
  }
  if (page.fullScan?.last && sweep) delete sweeps[page.kind];
  return { sweeps, sweep };
}
