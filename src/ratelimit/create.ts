import { RateLimiter, type RateLimitSettings } from "./limiter.ts";
import { MemoryRateLimitStore } from "./memory-store.ts";
import { RedisRateLimitStore } from "./redis-store.ts";

/** In-process limits by default; shared through Redis when a URL is given, so replicas agree. */
export function createRateLimiter(options: {
  settings: RateLimitSettings;
  redisUrl?: string;
  /** How long a Redis check may take before the limiter lets the request through. */
  storeTimeoutMs?: number;
  onStoreError?: (error: unknown) => void;
}): RateLimiter {
  const store = options.redisUrl
    ? new RedisRateLimitStore({ url: options.redisUrl, commandTimeoutMs: options.storeTimeoutMs })
    : new MemoryRateLimitStore();
  return new RateLimiter({ store, settings: options.settings, onStoreError: options.onStoreError });
}
