import type { RateDecision, RateRule } from "./gcra.ts";

/** Where rate-limit state lives: this process's memory, or Redis shared by every replica. */
export interface RateLimitStore {
  readonly kind: "memory" | "redis";
  /** Takes one request from `key`'s allowance if there is one. */
  consume(key: string, rule: RateRule): Promise<RateDecision>;
  close(): Promise<void>;
}
