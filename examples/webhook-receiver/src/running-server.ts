/** A web-standard request handler, like `createEntraWebhooks(...).handler`. */
export type WebHandler = (request: Request) => Promise<Response>;

/** A receiver listening on loopback: the notification URL to give Graph, and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}
