import { CredentialStoreError } from "../errors/credential-store-error";
import type { KeyProvider } from "../keys/key-provider";

/** A provider that behaves like `provider` but refuses `retired` as if it did not have it (`KEY_UNKNOWN`). */
export function withoutKeyId(provider: KeyProvider, retired: string): KeyProvider {
  const refuse = (keyId: string) => {
    if (keyId === retired) {
      throw new CredentialStoreError("KEY_UNKNOWN", `Key "${keyId}" has been retired.`, {
        details: { keyId },
      });
    }
  };
  const limited: KeyProvider = { activeKeyId: () => provider.activeKeyId() };
  if (provider.getKey) {
    const getKey = provider.getKey.bind(provider);
    limited.getKey = async (keyId) => (keyId === retired ? undefined : getKey(keyId));
  }
  if (provider.wrapKey) limited.wrapKey = provider.wrapKey.bind(provider);
  if (provider.unwrapKey) {
    const unwrapKey = provider.unwrapKey.bind(provider);
    limited.unwrapKey = async (wrapped, context) => {
      refuse(wrapped.keyId);
      return unwrapKey(wrapped, context);
    };
  }
  if (provider.keyIds) {
    const keyIds = provider.keyIds.bind(provider);
    limited.keyIds = async () => (await keyIds()).filter((id) => id !== retired);
  }
  return limited;
}
