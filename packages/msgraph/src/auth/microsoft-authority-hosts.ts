/**
 * The token authority hosts of Microsoft's clouds (global, US Government, China, and the older aliases). A
 * network client never sends a request for one of them anywhere else unless the host asked for a proxy.
 */
export const MICROSOFT_AUTHORITY_HOSTS: ReadonlySet<string> = new Set([
  "login.microsoftonline.com",
  "login.microsoft.com",
  "login.windows.net",
  "sts.windows.net",
  "login.microsoftonline.us",
  "login.usgovcloudapi.net",
  "login-us.microsoftonline.com",
  "login.chinacloudapi.cn",
  "login.partner.microsoftonline.cn",
  "login.microsoftonline.de",
]);

/** Whether a URL's host is one of Microsoft's token authorities (see {@link MICROSOFT_AUTHORITY_HOSTS}). */
export function isMicrosoftAuthority(url: URL): boolean {
  return MICROSOFT_AUTHORITY_HOSTS.has(url.hostname.toLowerCase().replace(/\.$/, ""));
}
