/** A message of the `sap-message` header (JSON, as SAP Gateway sends warnings and infos with a success). */
export interface SapMessage {
  code: string;
  message: string;
  severity: "success" | "info" | "warning" | "error";
  target?: string;
  details?: SapMessage[];
}

/**
 * Per-service behaviour of the SAP simulator, keyed by service id (`equipment`, `fixedAsset`,
 * `businessPartner`, `customEmployees`). Every switch can change while the simulator runs
 * (`sim.setService(id, switches)`).
 */
export interface SapServiceSwitches {
  /** Rows per page without `$top`. Default 100. */
  defaultPageSize?: number;
  /** Largest page the server sends; above it a page is capped and a next link follows. Default 5000. */
  maxPageSize?: number;
  /**
   * Next links' `$skiptoken`: `offset` (a row offset into the current result, as numeric SAP skiptokens are:
   * rows changed during a listing shift under it) or `cursor` (the simulator's own stable position). Default
   * `offset`.
   */
  skiptoken?: "offset" | "cursor";
  /**
   * `inactive` (not activated in `/IWFND/MAINT_SERVICE`: v2 answers 403 `/IWFND/MED/170`) or `unpublished`
   * (v4 service group not published: 404 `/IWBEP/CM_V4_COS/014`). Default `active`.
   */
  state?: "active" | "inactive" | "unpublished";
  /** `false`: the communication arrangement lacks the scenario: 403 `/IWFND/CM_CONSUMER/101`. Default true. */
  scenarioGranted?: boolean;
  /** Sent as the `sap-message` header with every successful read. */
  sapMessage?: SapMessage;
}
