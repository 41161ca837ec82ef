import { createCredentialStore, createKeyRing, generateKey } from "../src/index";

/** Seal and open throughput of the credential store (direct mode, one key), measured over `n` operations each. */
export async function benchSealOpen({
  n,
}: {
  n: number;
}): Promise<{ sealPerSecond: number; openPerSecond: number }> {
  const store = createCredentialStore({
    keyRing: createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" }),
  });
  const owner = { tenantId: "tenant-1", integrationId: "integration-1", name: "clientSecret" };
  const value = "a-typical-client-secret-value~0123456789abcdef";
  for (let i = 0; i < Math.min(n, 2_000); i += 1)
    await store.open(owner, (await store.seal(owner, value)).envelope);

  const envelopes: string[] = new Array(n);
  let started = performance.now();
  for (let i = 0; i < n; i += 1) envelopes[i] = (await store.seal(owner, value)).envelope;
  const sealMs = performance.now() - started;

  started = performance.now();
  for (let i = 0; i < n; i += 1) await store.open(owner, envelopes[i]!);
  const openMs = performance.now() - started;

  return { sealPerSecond: Math.round((n / sealMs) * 1000), openPerSecond: Math.round((n / openMs) * 1000) };
}
