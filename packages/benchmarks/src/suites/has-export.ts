import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

/**
 * Whether a module (a package name or an absolute file path) can be imported and has a function export of that
 * name: the packages are written in parallel, and a suite whose entry point has not landed yet is skipped.
 */
export async function hasExport(specifier: string, exportName: string): Promise<boolean> {
  try {
    if (specifier.startsWith("/") && !existsSync(specifier)) return false;
    const target = specifier.startsWith("/") ? pathToFileURL(specifier).href : specifier;
    const mod = (await import(target)) as Record<string, unknown>;
    return typeof mod[exportName] === "function";
  } catch {
    return false;
  }
}
