/** A bearer token and when it stops being used (shortly before it expires). */
interface CachedToken {
  token: string;
  refreshAt: number;
}

/**
 * Caches OAuth access tokens by a key (integration + client) until shortly before they expire: 60 s before, or
 * a tenth of the lifetime for short-lived tokens. One request at a time per key fetches a new token.
 */
export class OAuthTokenCache {
  readonly #tokens = new Map<string, CachedToken>();
  readonly #pending = new Map<string, Promise<string>>();

  /** A cached token, or a new one from `fetchToken` (`expiresIn` in seconds). */
  async get(
    key: string,
    now: () => number,
    fetchToken: () => Promise<{ token: string; expiresIn: number }>,
  ): Promise<string> {
    const cached = this.#tokens.get(key);
    if (cached && cached.refreshAt > now()) return cached.token;
    const pending = this.#pending.get(key);
    if (pending) return pending;
    const next = fetchToken()
      .then(({ token, expiresIn }) => {
        const lifetime = Math.max(0, expiresIn) * 1000;
        this.#tokens.set(key, { token, refreshAt: now() + lifetime - Math.min(60_000, lifetime / 10) });
        return token;
      })
      .finally(() => this.#pending.delete(key));
    this.#pending.set(key, next);
    return next;
  }

  /** Forgets the token of `key`. */
  drop(key: string): void {
    this.#tokens.delete(key);
  }

  /** Forgets every token whose key starts with `prefix`. */
  dropPrefix(prefix: string): void {
    for (const key of this.#tokens.keys()) if (key.startsWith(prefix)) this.#tokens.delete(key);
  }
}
