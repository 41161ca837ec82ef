import { createHub } from "../../hub/create-hub";
import type { Hub } from "../../hub/hub";
import type { CredentialVault, SecretOwner } from "../../secrets/credential-vault";
import { Secret } from "../../secrets/secret";
import type { LockHandle, StorageAdapter } from "../../storage/storage-adapter";
import { createFakeConnector } from "../fake-connector/create-fake-connector";
import { FakeDirectory } from "../fake-connector/fake-directory";

/** A hub over the adapter under test with hooks into its lock handles and page writes. */
export interface SyncLocksHub {
  hub: Hub;
  directory: FakeDirectory;
  id: string;
  /** Every lock handle the adapter handed out, in order. */
  handles: LockHandle[];
  /** Runs `hook` before the next page write reaches the adapter (once). */
  beforeNextPage(hook: () => Promise<void>): void;
  /** Runs `hook` before every page write while set. */
  beforeEachPage: (() => Promise<void>) | null;
  /** Forces the lease length the runner asks for (to test renewal with short leases). */
  ttlMs: number | null;
}

/** A vault for this suite only: envelopes are handles into a map, bound to their owner. NOT encryption. */
function handleVault(): CredentialVault {
  const sealed = new Map<string, string>();
  const key = (o: SecretOwner) => `${o.tenantId}/${o.integrationId}/${o.name}`;
  return {
    async seal(owner, plaintext) {
      const envelope = `handle-${sealed.size + 1}`;
      sealed.set(
        envelope,
        `${key(owner)}\u0000${Secret.isSecret(plaintext) ? plaintext.reveal() : plaintext}`,
      );
      return { envelope, keyId: "suite-key" };
    },
    async open(owner, envelope) {
      const entry = sealed.get(envelope) ?? "";
      if (!entry.startsWith(`${key(owner)}\u0000`)) throw new Error("envelope does not open for this owner");
      return new Secret(entry.slice(key(owner).length + 1));
    },
  };
}

/** Builds a hub with the fake connector (pages of 10) and one integration over `inner`. */
export async function syncLocksHub(inner: StorageAdapter, people: number): Promise<SyncLocksHub> {
  const directory = new FakeDirectory({ people });
  let nextPage: (() => Promise<void>) | null = null;
  const control: Omit<SyncLocksHub, "hub" | "id"> = {
    directory,
    handles: [],
    beforeNextPage(hook) {
      nextPage = hook;
    },
    beforeEachPage: null,
    ttlMs: null,
  };
  const storage: StorageAdapter = {
    ...inner,
    locks: {
      async tryAcquire(name, options) {
        const ttlMs = control.ttlMs ?? options?.ttlMs;
        const handle = await inner.locks.tryAcquire(name, ttlMs === undefined ? {} : { ttlMs });
        if (handle) control.handles.push(handle);
        return handle;
      },
    },
    directory: {
      ...inner.directory,
      async applyPage(...args) {
        const hook = nextPage;
        nextPage = null;
        if (hook) await hook();
        if (control.beforeEachPage) await control.beforeEachPage();
        return inner.directory.applyPage(...args);
      },
    },
  };
  const hub = createHub({
    storage,
    vault: handleVault(),
    connectors: [createFakeConnector(directory)],
    plan: "enterprise",
  });
  const { id } = await hub.integrations.create({
    tenantId: "tenant-1",
    connectorId: "fake",
    name: "Fake HR",
    settings: { pageSize: 10 },
    secrets: { apiKey: directory.apiKey },
    intervalMinutes: 60,
  });
  return Object.assign(control, { hub, id });
}
