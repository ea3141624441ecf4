import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";

export interface PlatformKeyOptions {
  /** How long fetched keys are trusted before they are fetched again. */
  cacheMaxAgeMs?: number;
  /** The least time between two fetches when a token names a key the cached set lacks. */
  cooldownMs?: number;
  timeoutMs?: number;
}

export const defaultPlatformKeyOptions: Required<PlatformKeyOptions> = {
  cacheMaxAgeMs: 10 * 60_000,
  cooldownMs: 30_000,
  timeoutMs: 5_000,
};

/**
 * The platforms' public keys, fetched from each registered JWKS URL and cached per URL (jose
 * refetches when a token names a key it has not seen, so a platform's rotation needs no restart).
 */
export class PlatformKeySets {
  private readonly sets = new Map<string, JWTVerifyGetKey>();
  private readonly options: Required<PlatformKeyOptions>;

  constructor(options: PlatformKeyOptions = {}) {
    this.options = { ...defaultPlatformKeyOptions, ...options };
  }

  forUrl(jwksUrl: string): JWTVerifyGetKey {
    let set = this.sets.get(jwksUrl);
    if (!set) {
      set = createRemoteJWKSet(new URL(jwksUrl), {
        cacheMaxAge: this.options.cacheMaxAgeMs,
        cooldownDuration: this.options.cooldownMs,
        timeoutDuration: this.options.timeoutMs,
      });
      this.sets.set(jwksUrl, set);
    }
    return set;
  }
}
