/** Where a cloud's token authority and Graph API live. */
export interface GraphEndpoints {
  /** The Entra authority host, e.g. `https://login.microsoftonline.com`. */
  authorityHost: string;
  /** The Graph base URL including the version, e.g. `https://graph.microsoft.com/v1.0`. */
  graphBaseUrl: string;
  /** The token scope; required unless `graphBaseUrl` is a Microsoft cloud's Graph (then `<graph origin>/.default`). */
  scope?: string;
}

/** The Microsoft clouds the SDK knows by name. */
export const GRAPH_CLOUDS = {
  global: {
    authorityHost: "https://login.microsoftonline.com",
    graphBaseUrl: "https://graph.microsoft.com/v1.0",
  },
  usGov: {
    authorityHost: "https://login.microsoftonline.us",
    graphBaseUrl: "https://graph.microsoft.us/v1.0",
  },
  usGovDoD: {
    authorityHost: "https://login.microsoftonline.us",
    graphBaseUrl: "https://dod-graph.microsoft.us/v1.0",
  },
  china: {
    authorityHost: "https://login.chinacloudapi.cn",
    graphBaseUrl: "https://microsoftgraph.chinacloudapi.cn/v1.0",
  },
} as const satisfies Record<string, GraphEndpoints>;

/** The name of a cloud in {@link GRAPH_CLOUDS}. */
export type GraphCloudName = keyof typeof GRAPH_CLOUDS;
