let cached: boolean | undefined;

/**
 * Whether this runtime lets code be generated from strings (`new Function`); false under a CSP without
 * `unsafe-eval` or with `--disallow-code-generation-from-strings`. Tried once, then cached.
 */
export function canGenerateCode(): boolean {
  if (cached === undefined) {
    try {
      cached = new Function("return 1")() === 1;
    } catch {
      cached = false;
    }
  }
  return cached;
}
