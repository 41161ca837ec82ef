/** The Intune connector's id. */
export const INTUNE_CONNECTOR_ID = "intune";
