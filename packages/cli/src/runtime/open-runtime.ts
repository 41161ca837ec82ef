import { createEntraConnector, type EntraConnectorOptions } from "@uslimato/connector-entra";
import { createIntuneConnector, type IntuneConnectorOptions } from "@uslimato/connector-intune";
import { createSapConnector, type SapConnectorOptions } from "@uslimato/connector-sap";
import { type AnyConnector, createHub, type Hub, type Logger, type SyncLog } from "@uslimato/core";
import { type CredentialStore, createCredentialStore } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import { openDatabasePassword } from "../config/database-password";
import type { LoadedConfig } from "../config/load-config";
import type { KeyRingFile } from "../keys/key-ring-file";
import { readKeyRingFile, toKeyRing } from "../keys/key-ring-store";
import { type ClosableStorage, openStorage } from "./open-storage";

/** Options of {@link openRuntime}. */
export interface RuntimeOptions {
  /**
   * Entra connector options (fetch, retries, token credentials). No network client: msal's is chosen per
   * integration from that integration's own endpoints (a loopback simulator's only for itself).
   */
  connectorOptions?: Omit<EntraConnectorOptions, "networkClient">;
  /** SAP connector options (fetch, retries, timeouts, clock; a `tokenProvider` for SAML bearer or BTP). */
  sapConnectorOptions?: SapConnectorOptions;
  /** More connectors besides Entra and SAP (tests, host builds of the CLI). */
  extraConnectors?: ReadonlyArray<AnyConnector>;
  logger?: Logger;
  /** Called after every finished run. */
  onSyncFinished?: (log: SyncLog) => void;
  /**
   * Intune connector options (budgets, clock, page size...). Default: the Graph session options of
   * `connectorOptions` (token credentials, fetch, timeouts, retries), so both connectors talk to Graph alike.
   */
  intuneConnectorOptions?: Omit<IntuneConnectorOptions, "networkClient">;
  /** The Intune change watcher `uslimato serve` runs (tests shorten its interval). */
  intuneWatcher?: { intervalMs?: number; minIntervalMs?: number; debounceMs?: number; maxWaitMs?: number };
}

/** What the commands work with: the storage, the credential store and the hub over them. */
export interface Runtime {
  config: LoadedConfig;
  keyRingFile: KeyRingFile;
  storage: ClosableStorage;
  vault: CredentialStore;
  hub: Hub;
  /** The Entra connector's options, per-integration network routing included (hand them to the webhooks). */
  connectorOptions: EntraConnectorOptions;
  /** The Intune connector's options (hand them to its change watcher, so both draw from one request budget). */
  intuneConnectorOptions: IntuneConnectorOptions;
  close(): Promise<void>;
}

/**
 * Opens the configured database and key ring, checks that the key ring opens the stored secrets
 * (`KEY_RING_CANNOT_OPEN_STORED` otherwise), and composes the hub: Entra, Intune and SAP connectors, field mapping, plan.
 */
export async function openRuntime(config: LoadedConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  const keyRingFile = await readKeyRingFile(config.keyRingFile);
  const vault = createCredentialStore({ keyRing: toKeyRing(keyRingFile) });
  const storage = await openStorage(config.database, await openDatabasePassword(vault, config));
  try {
    // The start-up check: a key ring that cannot open what is stored fails here, naming the key ids, not at the
    // first sync. It opens one stored secret per key id and drops it at once.
    await vault.verifyStoredSecrets(storage.secrets);
    // No network client: msgraph derives each integration's route from its own endpoints (issue 15 item 1)
    const connectorOptions: EntraConnectorOptions = { ...options.connectorOptions };
    const { pageSize: _entraPageSize, ...graphOptions } = connectorOptions;
    const intuneConnectorOptions: IntuneConnectorOptions = options.intuneConnectorOptions ?? graphOptions;
    const hub = createHub({
      storage,
      vault,
      connectors: [
        createEntraConnector(connectorOptions),
        createIntuneConnector(intuneConnectorOptions),
        createSapConnector(options.sapConnectorOptions),
        ...(options.extraConnectors ?? []),
      ],
      mapping: fieldMappingEngine(),
      plan: config.plan,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.onSyncFinished ? { onSyncFinished: options.onSyncFinished } : {}),
    });
    return {
      config,
      keyRingFile,
      storage,
      vault,
      hub,
      connectorOptions,
      intuneConnectorOptions,
      close: () => storage.close(),
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
