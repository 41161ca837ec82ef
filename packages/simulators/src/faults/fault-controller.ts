import { createRng } from "../random/create-rng";
import type { FaultRule } from "./fault-rule";

/** A rule that was injected; `remove()` takes it out again, `fired` counts how often it hit. */
export interface FaultHandle {
  readonly rule: FaultRule;
  readonly fired: number;
  remove(): void;
}

/** Faults on demand and by schedule. Deterministic: probabilities come from a seeded generator. */
export interface FaultController {
  inject(rule: FaultRule): FaultHandle;
  clear(): void;
  /** The rules still active. */
  readonly active: readonly FaultRule[];
  /** The first rule that fires for this request, if any (counts the request against every matching rule). */
  take(method: string, pathAndQuery: string): FaultRule | undefined;
}

interface Slot {
  rule: FaultRule;
  seen: number;
  fired: number;
}

function matches(rule: FaultRule, method: string, pathAndQuery: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.match === undefined) return true;
  if (typeof rule.match === "string") return pathAndQuery.startsWith(rule.match);
  return rule.match.test(pathAndQuery);
}

/** Creates a fault controller whose probabilistic rules replay exactly for a given seed. */
export function createFaultController(seed = 1): FaultController {
  const rng = createRng(seed);
  let slots: Slot[] = [];
  return {
    inject(rule) {
      const slot: Slot = { rule, seen: 0, fired: 0 };
      slots.push(slot);
      return {
        rule,
        get fired() {
          return slot.fired;
        },
        remove() {
          slots = slots.filter((s) => s !== slot);
        },
      };
    },
    clear() {
      slots = [];
    },
    get active() {
      return slots.map((s) => s.rule);
    },
    take(method, pathAndQuery) {
      let hit: Slot | undefined;
      for (const slot of slots) {
        if (hit || !matches(slot.rule, method, pathAndQuery)) continue;
        const position = slot.seen++ - (slot.rule.after ?? 0);
        if (position < 0 || position % (slot.rule.every ?? 1) !== 0) continue;
        if (slot.rule.probability !== undefined && rng.next() >= slot.rule.probability) continue;
        slot.fired++;
        hit = slot;
      }
      if (hit && hit.rule.times !== undefined && hit.fired >= hit.rule.times) {
        slots = slots.filter((s) => s !== hit);
      }
      return hit?.rule;
    },
  };
}
