/** Per-IP, per-session and per-course request limits (GCRA), in memory or shared through Redis. */
export { createRateLimiter } from "./create.ts";
export { type GcraStep, gcra, type RateDecision, type RateRule } from "./gcra.ts";
export {
  RateLimiter,
  type RateLimiterDeps,
  type RateLimitSettings,
  type RateScope,
  type RateSubject,
  type RateVerdict,
} from "./limiter.ts";
export { MemoryRateLimitStore } from "./memory-store.ts";
export { RedisRateLimitStore, type RedisStoreOptions } from "./redis-store.ts";
export type { RateLimitStore } from "./store.ts";
