import type { HrPeoplePage, HrPerson } from "./hr-person";

const FIRST_NAMES = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim"];
const LAST_NAMES = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Dijkstra",
  "Liskov",
  "Knuth",
  "Allen",
  "Thompson",
  "Perlman",
];

/** What `GET /api/people` accepts. */
export interface PeopleQuery {
  limit: number;
  cursor?: string | undefined;
  /** Only people changed at or after this instant (ISO 8601), ordered by change. */
  updatedSince?: string | undefined;
}

/**
 * The HR system's data: people with a strictly increasing change clock, read in pages ordered by id (full
 * reads) or by change time (`updatedSince`), with a cursor that names the last row returned.
 */
export class HrDirectory {
  readonly #people = new Map<string, HrPerson>();
  #clock = 0;
  #nextId = 1;

  constructor(options: { people?: number } = {}) {
    for (let i = 0; i < (options.people ?? 0); i++) {
      const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
      const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!;
      this.add({ email: `${first}.${last}.${i}@acme-hr.example`.toLowerCase(), name: `${first} ${last}` });
    }
  }

  /** Everyone, in id order. */
  all(): HrPerson[] {
    return [...this.#people.values()].map((p) => ({ ...p }));
  }

  add(person: { email: string; name: string; active?: boolean }): HrPerson {
    const id = `p-${String(this.#nextId++).padStart(6, "0")}`;
    const stored = { id, active: true, ...person, updatedAt: this.#tick() };
    this.#people.set(id, stored);
    return { ...stored };
  }

  update(id: string, patch: Partial<Pick<HrPerson, "email" | "name" | "active">>): HrPerson {
    const person = this.#people.get(id);
    if (!person) throw new Error(`no person ${id}`);
    Object.assign(person, patch, { updatedAt: this.#tick() });
    return { ...person };
  }

  /** Deletes a person outright: only a full read notices (the API has no tombstones). */
  remove(id: string): void {
    this.#people.delete(id);
  }

  /** One page of people; throws `RangeError` on a cursor this directory did not issue. */
  list(query: PeopleQuery): HrPeoplePage {
    const asOf = new Date(this.#clock).toISOString();
    const since = query.updatedSince;
    const key = (p: HrPerson): [string, string] => (since === undefined ? [p.id, ""] : [p.updatedAt, p.id]);
    const sorted = [...this.#people.values()]
      .filter((p) => since === undefined || p.updatedAt >= since)
      .sort((a, b) => compareKeys(key(a), key(b)));
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const start = after === undefined ? 0 : sorted.findIndex((p) => compareKeys(key(p), after) > 0);
    const rows = start === -1 ? [] : sorted.slice(start, start + query.limit);
    const last = rows.at(-1);
    const more = start !== -1 && start + rows.length < sorted.length;
    return { people: rows.map((p) => ({ ...p })), next: more && last ? encodeCursor(key(last)) : null, asOf };
  }

  #tick(): string {
    this.#clock = Math.max(Date.now(), this.#clock + 1);
    return new Date(this.#clock).toISOString();
  }
}

function compareKeys(a: [string, string], b: [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

function encodeCursor(key: [string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === 2 && key.every((k) => typeof k === "string"))
      return key as [string, string];
  } catch {}
  throw new RangeError("invalid cursor");
}
