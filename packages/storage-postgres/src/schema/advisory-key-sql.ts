/**
 * SQL for the 64-bit advisory lock key of `(namespace, name)`: the first 64 bits of their MD5. The namespace is the
 * schema, so two schemas in one database (two apps, or parallel test runs) never block each other.
 * `$n` placeholders are the namespace and the name.
 */
export function advisoryKeySql(namespaceParam: string, nameParam: string): string {
  return `('x' || left(md5(${namespaceParam} || ':' || ${nameParam}), 16))::bit(64)::bigint`;
}
