/** The public URL of a connector's receiver: `<publicUrl><path>/<connector id>`, without doubled slashes. */
export function notificationUrl(publicUrl: string, path: string, connectorId: string): string {
  const base = publicUrl.replace(/\/+$/, "");
  const mount = `/${path.replace(/^\/+|\/+$/g, "")}`;
  return `${base}${mount === "/" ? "" : mount}/${encodeURIComponent(connectorId)}`;
}
