/** One served request. */
export interface RequestRecord {
  method: string;
  /** Path and query. */
  path: string;
  status: number;
  /** The fault applied, if any. */
  fault?: string;
  at: number;
}

/** A bounded log of served requests, for assertions in tests. */
export interface RequestLog {
  /** Requests served since start (or the last `clear()`). */
  readonly count: number;
  /** The most recent requests (at most `limit`). */
  readonly entries: readonly RequestRecord[];
  /** Entries whose path starts with a prefix. */
  filter(pathPrefix: string): RequestRecord[];
  add(record: RequestRecord): void;
  clear(): void;
}

/** Creates a request log keeping the last `limit` entries. */
export function createRequestLog(limit = 1000): RequestLog {
  let entries: RequestRecord[] = [];
  let count = 0;
  return {
    get count() {
      return count;
    },
    get entries() {
      return entries.length > limit ? entries.slice(-limit) : entries;
    },
    filter: (prefix) => entries.filter((e) => e.path.startsWith(prefix)),
    add(record) {
      count++;
      entries.push(record);
      if (entries.length > limit * 2) entries = entries.slice(-limit);
    },
    clear() {
      entries = [];
      count = 0;
    },
  };
}
