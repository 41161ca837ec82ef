import type { Logger, SyncNotice } from "@uslimato/core/connector";
import { DeltaExpiredError, type GraphClient, type GraphPage, iterateDelta } from "@uslimato/msgraph";
import type { DeltaCursor } from "./entra-checkpoint";

/** One Graph page of a delta round, with where the round stands after it. */
export interface DeltaStep {
  page: GraphPage;
  /** The cursor to store once this page is applied. */
  cursor: DeltaCursor;
  /** This page belongs to the initial (full) round. */
  full: boolean;
  /** First page of a full round that started in this read. */
  first: boolean;
  /** Last page of the round (it carries the deltaLink). */
  last: boolean;
  notices: SyncNotice[];
}

/** What {@link readDeltaRounds} needs. */
export interface DeltaRoundOptions {
  graph: GraphClient;
  /** Where a full round starts, e.g. `/users/delta?$select=...`. */
  startUrl: string;
  /** The stored cursor, or undefined for a first run. */
  cursor: DeltaCursor | undefined;
  /** Headers sent with every page (e.g. `Prefer: odata.maxpagesize=999`). */
  headers: Record<string, string>;
  signal: AbortSignal;
  logger: Logger;
  resource: string;
}

/**
 * Reads one delta round of a resource from its cursor: the initial full round on a first run, the changes since
 * the stored deltaLink otherwise. An expired delta token or skiptoken (410 Gone, `syncStateNotFound`,
 * `resyncRequired`) falls back to a full round by itself, once per read, and says so in a notice.
 */
export async function* readDeltaRounds(options: DeltaRoundOptions): AsyncGenerator<DeltaStep> {
  // A stored deltaLink starts an incremental round; a stored nextLink continues the round it belongs to.
  let cursor: DeltaCursor = options.cursor
    ? { ...options.cursor, full: options.cursor.done ? false : options.cursor.full }
    : { link: options.startUrl, full: true, done: false };
  let startedHere = options.cursor === undefined;
  let notices: SyncNotice[] = [];
  for (let attempt = 0; ; attempt++) {
    try {
      for await (const page of iterateDelta(options.graph, cursor.link, {
        signal: options.signal,
        headers: options.headers,
      })) {
        const last = page.deltaLink !== undefined;
        const link = page.deltaLink ?? page.nextLink;
        const next: DeltaCursor = link
          ? { link, full: cursor.full, done: last }
          : { link: options.startUrl, full: true, done: false };
        yield { page, cursor: next, full: cursor.full, first: startedHere, last, notices };
        startedHere = false;
        notices = [];
        cursor = next;
        if (last) return;
      }
      return;
    } catch (error) {
      if (!(error instanceof DeltaExpiredError) || attempt > 0) throw error;
      options.logger.warn(
        { resource: options.resource, requestId: error.requestId },
        "delta token expired; starting a full resync",
      );
      notices = [
        {
          code: "DELTA_TOKEN_EXPIRED",
          message: `The ${options.resource} delta token had expired (${error.status ?? "?"}${error.graphCode ? ` ${error.graphCode}` : ""}); a full resync ran instead`,
        },
      ];
      cursor = { link: options.startUrl, full: true, done: false };
      startedHere = true;
    }
  }
}
