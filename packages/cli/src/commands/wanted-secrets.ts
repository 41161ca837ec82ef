/** The secrets an integration needs for its settings: SAP's follow its logon mode, others' are their first secret. */
export function wantedSecrets(
  connector: { id: string; secretNames: ReadonlyArray<string> },
  settings: Record<string, unknown>,
): string[] {
  if (connector.id !== "sap") return connector.secretNames.slice(0, 1);
  switch (settings.auth ?? "basic") {
    case "oauthClientCredentials":
      return ["clientSecret"];
    case "certificate":
      return ["clientCertificate", "clientKey"];
    case "tokenProvider":
      return [];
    default:
      return ["password"];
  }
}
