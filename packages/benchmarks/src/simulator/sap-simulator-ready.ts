/** What the SAP simulator child reports once it listens. */
export interface SapSimulatorReady {
  /** Base URL, e.g. `http://127.0.0.1:41234` (equipment at `/sap/opu/odata/sap/API_EQUIPMENT/Equipment`). */
  url: string;
  /** The communication user and password Basic logon accepts (simulator-only). */
  username: string;
  password: string;
  sapClient: string;
}
