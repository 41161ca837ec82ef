/** The Entra connector's id. */
export const ENTRA_CONNECTOR_ID = "entra";
