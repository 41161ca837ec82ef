import type { LockStore } from "../storage-adapter";

/** Named locks within this process. A lease never expires here: the lock dies with the process. */
export function createMemoryLockStore(): LockStore {
  const held = new Map<string, symbol>();
  return {
    async tryAcquire(name) {
      if (held.has(name)) return null;
      const token = Symbol(name);
      held.set(name, token);
      return {
        name,
        async release() {
          if (held.get(name) === token) held.delete(name);
        },
      };
    },
  };
}
