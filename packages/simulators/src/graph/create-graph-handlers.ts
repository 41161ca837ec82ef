import type { HttpHandler } from "msw";
import { createFaultController, type FaultController } from "../faults/fault-controller";
import { createRequestLog, type RequestLog } from "../http/request-log";
import { toMswHandler } from "../http/to-msw-handler";
import { createGraphService, type GraphServiceOptions } from "./create-graph-service";
import type { GraphModel } from "./model/graph-model";

/** Options of {@link createGraphHandlers}. */
export interface GraphHandlersOptions extends GraphServiceOptions {
  /** Origin the handlers answer, e.g. `https://graph.microsoft.com` (tokens: `https://login.microsoftonline.com`). */
  baseUrl: string;
  /** Also answer the token endpoint at these origins. Default `["https://login.microsoftonline.com"]`. */
  authorityHosts?: string[];
  faults?: FaultController;
  requests?: RequestLog;
}

/**
 * msw handlers over a model: the same router as {@link startGraphSimulator}, without a socket. Mount them with
 * `setupServer(...createGraphHandlers(model, { baseUrl: "https://graph.microsoft.com" }))`.
 */
export function createGraphHandlers(model: GraphModel, options: GraphHandlersOptions): HttpHandler[] {
  const service = createGraphService(model, { renderThread: false, ...options });
  const shared = {
    faults: options.faults ?? createFaultController(model.seed),
    log: options.requests ?? createRequestLog(),
    faultResponse: service.faultResponse,
  };
  const origins = new Set([
    options.baseUrl,
    ...(options.authorityHosts ?? ["https://login.microsoftonline.com"]),
  ]);
  return [...origins].map((origin) => toMswHandler(origin, service.handler, shared));
}
