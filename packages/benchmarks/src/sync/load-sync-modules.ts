import type { AnyConnector, CredentialVault, MappingEngine } from "@uslimato/core";

/** The factories a real sync needs, loaded when their packages have landed. */
export interface SyncModules {
  /** The Entra connector, with the simulator's msal network client when the simulators package offers one. */
  entraConnector: (simulatorUrl: string) => AnyConnector;
  fieldMappingEngine: (options?: unknown) => MappingEngine;
  createVault: () => CredentialVault;
}

interface CredentialStoreModule {
  createCredentialStore(options: { keyRing: unknown }): CredentialVault;
  createKeyRing(options: { keys: Array<{ id: string; key: unknown }>; activeKeyId: string }): unknown;
  generateKey(): unknown;
}

/**
 * Loads the connector, the mapping engine and the credential store by package name. Loaded at run time (not
 * imported statically) because these packages are written in parallel; a missing export throws.
 */
export async function loadSyncModules(): Promise<SyncModules> {
  const entra = (await import("@uslimato/connector-entra")) as Record<string, unknown>;
  const simulators = (await import("@uslimato/simulators")) as Record<string, unknown>;
  const mapping = (await import("@uslimato/field-mapping")) as Record<string, unknown>;
  const credentials = (await import("@uslimato/credential-store")) as unknown as CredentialStoreModule;
  if (typeof entra.createEntraConnector !== "function")
    throw new Error("createEntraConnector is not available yet");
  if (typeof mapping.fieldMappingEngine !== "function")
    throw new Error("fieldMappingEngine is not available yet");
  return {
    entraConnector: (url) => {
      const create = entra.createEntraConnector as (options: Record<string, unknown>) => AnyConnector;
      const networkClient = simulators.createSimulatorNetworkClient;
      return create(typeof networkClient === "function" ? { networkClient: networkClient({ url }) } : {});
    },
    fieldMappingEngine: mapping.fieldMappingEngine as SyncModules["fieldMappingEngine"],
    createVault: () =>
      credentials.createCredentialStore({
        keyRing: credentials.createKeyRing({
          keys: [{ id: "k1", key: credentials.generateKey() }],
          activeKeyId: "k1",
        }),
      }),
  };
}
