/** A device or asset in the fake inventory. */
export interface FakeItem {
  id: string;
  name: string;
  /** The owner's id in the user source (e.g. an Entra object id), if any. */
  ownerExternalId: string | null;
  /** The owner's e-mail address, if any. */
  ownerEmail: string | null;
}

/**
 * An in-memory device or asset inventory for tests of the runner, hosts and the contract suite: items with owners,
 * an API key, and the faults of real inventories (a listing that ends early, a crash mid-read).
 */
export class FakeInventory {
  readonly items = new Map<string, FakeItem>();
  readonly apiKey: string;
  /** End the next listings after this many items, as Intune sometimes does. */
  truncateAfter: number | null = null;
  /** How a truncated listing says so: `flag` (`fullScan.complete: false`), `notice` (a `LISTING_INCOMPLETE` notice) or `silent`. */
  truncationSignal: "flag" | "notice" | "silent" = "flag";

  constructor(options: { apiKey?: string; items?: number; owners?: (n: string) => Partial<FakeItem> } = {}) {
    this.apiKey = options.apiKey ?? "fake-api-key-0123456789";
    for (let i = 0; i < (options.items ?? 0); i++) {
      const n = String(i).padStart(6, "0");
      this.upsert({
        id: `d${n}`,
        name: `Device ${n}`,
        ownerExternalId: null,
        ownerEmail: null,
        ...options.owners?.(n),
      });
    }
  }

  /** Adds or replaces an item. */
  upsert(item: FakeItem): void {
    this.items.set(item.id, { ...item });
  }

  /** Changes fields of an item. */
  update(id: string, patch: Partial<Omit<FakeItem, "id">>): void {
    const item = this.items.get(id);
    if (!item) throw new Error(`no item ${id}`);
    this.upsert({ ...item, ...patch });
  }

  /** Removes an item (gone from the next full listing). */
  remove(id: string): void {
    this.items.delete(id);
  }

  /** Items sorted by id. */
  sorted(): FakeItem[] {
    return [...this.items.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
