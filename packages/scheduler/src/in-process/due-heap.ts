/** One item of a {@link DueHeap}: something due at `at` (epoch ms). */
export interface DueItem<T> {
  at: number;
  value: T;
}

/**
 * A binary min-heap by due time, so the in-process scheduler finds its soonest run in O(log n) whatever the
 * number of integrations. Stale items are left in place and skipped by the caller (lazy deletion).
 */
export class DueHeap<T> {
  readonly #items: DueItem<T>[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(at: number, value: T): void {
    const items = this.#items;
    items.push({ at, value });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (dueAt(items, parent) <= dueAt(items, i)) break;
      swap(items, i, parent);
      i = parent;
    }
  }

  peek(): DueItem<T> | undefined {
    return this.#items[0];
  }

  pop(): DueItem<T> | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && dueAt(items, left) < dueAt(items, smallest)) smallest = left;
      if (right < items.length && dueAt(items, right) < dueAt(items, smallest)) smallest = right;
      if (smallest === i) return top;
      swap(items, i, smallest);
      i = smallest;
    }
  }
}

function dueAt<T>(items: DueItem<T>[], i: number): number {
  return items[i]?.at ?? Number.POSITIVE_INFINITY;
}

function swap<T>(items: DueItem<T>[], i: number, j: number): void {
  const a = items[i];
  const b = items[j];
  if (a === undefined || b === undefined) return;
  items[i] = b;
  items[j] = a;
}
