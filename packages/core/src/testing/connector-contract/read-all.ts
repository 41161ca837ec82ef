import type { AnyConnector, OpenSecrets } from "../../connector/connector";
import type { JsonValue } from "../../connector/json";
import type { SourcePage } from "../../connector/source-page";
import { noopLogger } from "../../logging/noop-logger";
import { Secret } from "../../secrets/secret";
import { parseSourcePage } from "../../sync/page-schema";
import { createMemoryState } from "./create-memory-state";

/** Wraps plain secrets as {@link Secret}s, as the hub hands them to a connector. */
export function openSecretsOf(secrets: Record<string, string>): OpenSecrets {
  return Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, new Secret(v)]));
}

/** Reads every page from `checkpoint` on, validating each as the runner does. */
export async function readAll(
  connector: AnyConnector,
  config: { settings: unknown; secrets: Record<string, string> },
  checkpoint: JsonValue | null,
  options: {
    signal?: AbortSignal;
    maxPages?: number;
    /** Called with each page the moment the connector hands it out (before the next is asked for). */
    onPage?: (page: SourcePage, index: number) => void;
  } = {},
): Promise<SourcePage[]> {
  const settings = connector.settingsSchema.parse(config.settings);
  const pages: SourcePage[] = [];
  for await (const raw of connector.read({
    integrationId: "contract-integration",
    tenantId: "contract-tenant",
    settings,
    secrets: openSecretsOf(config.secrets),
    logger: noopLogger,
    signal: options.signal ?? new AbortController().signal,
    state: createMemoryState(),
    checkpoint,
    requestedMode: "auto",
  })) {
    options.onPage?.(raw, pages.length);
    pages.push(parseSourcePage(raw, pages.length + 1, connector.id));
    if (options.maxPages !== undefined && pages.length >= options.maxPages) break;
  }
  return pages;
}
