/** A person in the fake source system. */
export interface FakePerson {
  id: string;
  email: string | null;
  displayName: string;
  active: boolean;
  /** Further source fields, passed through as they are (they become attributes). */
  extra?: Readonly<Record<string, unknown>>;
}

type Change = { seq: number; id: string; removed: boolean };

/**
 * An in-memory external system for tests of hosts, adapters and the runner: people, a change log for
 * incremental reads, an API key, and fault switches.
 */
export class FakeDirectory {
  readonly people = new Map<string, FakePerson>();
  readonly apiKey: string;
  #seq = 0;
  readonly #changes: Change[] = [];
  /** Throw while reading after this many pages have been yielded in one read (simulates a crash). */
  failAfterPages: number | null = null;
  /** Yield a malformed page as page number N (1-based) of the next read. */
  malformedPage: number | null = null;

  constructor(options: { apiKey?: string; people?: number } = {}) {
    this.apiKey = options.apiKey ?? "fake-api-key-0123456789";
    for (let i = 0; i < (options.people ?? 0); i++) {
      const n = String(i).padStart(6, "0");
      this.upsert({
        id: `p${n}`,
        email: `Person.${n}@Example.com`,
        displayName: `Person ${n}`,
        active: true,
      });
    }
  }

  get sequence(): number {
    return this.#seq;
  }

  /** Adds or replaces a person (a change for incremental reads). */
  upsert(person: FakePerson): void {
    this.people.set(person.id, { ...person });
    this.#changes.push({ seq: ++this.#seq, id: person.id, removed: false });
  }

  /** Changes fields of a person. */
  update(id: string, patch: Partial<Omit<FakePerson, "id">>): void {
    const person = this.people.get(id);
    if (!person) throw new Error(`no person ${id}`);
    this.upsert({ ...person, ...patch });
  }

  /** Removes a person (a removal for incremental reads; gone from full reads). */
  remove(id: string): void {
    this.people.delete(id);
    this.#changes.push({ seq: ++this.#seq, id, removed: true });
  }

  /** Changes after `seq`, the last change per person only. */
  changesSince(seq: number): Change[] {
    const last = new Map<string, Change>();
    for (const change of this.#changes) if (change.seq > seq) last.set(change.id, change);
    return [...last.values()].sort((a, b) => a.seq - b.seq);
  }

  /** People sorted by id. */
  sorted(): FakePerson[] {
    return [...this.people.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
