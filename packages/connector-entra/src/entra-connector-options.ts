import type { GraphSessionOptions } from "@uslimato/msgraph";

/**
 * Options of {@link createEntraConnector}, set once by the host app: the Graph session's (network client, token
 * credential, fetch, timeout, retries), plus the delta page size.
 */
export interface EntraConnectorOptions extends GraphSessionOptions {
  /** Delta page size asked of Graph with `Prefer: odata.maxpagesize`. Default 999. */
  pageSize?: number;
}
