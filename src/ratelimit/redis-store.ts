import { Redis } from "ioredis";
import type { RateDecision, RateRule } from "./gcra.ts";
import type { RateLimitStore } from "./store.ts";

/**
 * The same algorithm as gcra.ts, run atomically inside Redis. The clock is Redis's own (TIME),
 * so replicas whose clocks disagree still share one consistent allowance.
 * Returns {allowed, remaining, retryAfterMs}.
 */
const GCRA_SCRIPT = `
local period = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = period / limit
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local allow_at = tat + interval - period
if now < allow_at then
  return {0, 0, math.ceil(allow_at - now)}
end
local next_tat = tat + interval
redis.call('SET', KEYS[1], string.format('%.3f', next_tat), 'PX', math.max(1, math.ceil(next_tat - now)))
local remaining = math.floor((period - (next_tat - now)) / interval + 1e-9)
if remaining < 0 then remaining = 0 end
return {1, remaining, 0}
`;

type GcraCommand = (key: string, periodMs: number, limit: number) => Promise<[number, number, number]>;

export interface RedisStoreOptions {
  url: string;
  /** Prefix for every key, so one Redis can serve several deployments. */
  keyPrefix?: string;
  /** A check that takes longer than this fails (and the limiter lets the request through). */
  commandTimeoutMs?: number;
}

/** Rate-limit state in Redis: every replica draws on the same allowance. */
export class RedisRateLimitStore implements RateLimitStore {
  readonly kind = "redis";
  private readonly redis: Redis & { tutorGcra: GcraCommand };

  constructor(options: RedisStoreOptions) {
    const redis = new Redis(options.url, {
      keyPrefix: options.keyPrefix ?? "tutor:rl:",
      // Fail fast while Redis is away instead of queueing requests behind it.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: options.commandTimeoutMs ?? 500,
      connectTimeout: 2_000,
      lazyConnect: false,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    // Connection errors surface per command (the limiter fails open); do not crash on the event.
    redis.on("error", () => {});
    redis.defineCommand("tutorGcra", { numberOfKeys: 1, lua: GCRA_SCRIPT });
    this.redis = redis as Redis & { tutorGcra: GcraCommand };
  }

  /** Resolves once connected (start-up and tests); rejects after `timeoutMs`. */
  async ready(timeoutMs = 5_000): Promise<void> {
    if (this.redis.status === "ready") return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Redis not ready after ${timeoutMs} ms`));
      }, timeoutMs);
      const onReady = () => {
        cleanup();
        resolve();
      };
      const cleanup = () => {
        clearTimeout(timer);
        this.redis.off("ready", onReady);
      };
      this.redis.on("ready", onReady);
    });
  }

  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    const [allowed, remaining, retryAfterMs] = await this.redis.tutorGcra(key, rule.periodMs, rule.limit);
    return { allowed: allowed === 1, remaining, retryAfterMs };
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
