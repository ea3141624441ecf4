import { gcra, type RateDecision, type RateRule } from "./gcra.ts";
import type { RateLimitStore } from "./store.ts";

/**
 * Rate-limit state in this process. Keys whose allowance has fully refilled are dropped on a
 * sweep, so memory follows the number of recently active clients, not all clients ever seen.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly kind = "memory";
  private readonly tats = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sweepEveryMs = 10_000,
  ) {}

  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    const now = this.now();
    if (now - this.lastSweep >= this.sweepEveryMs) this.sweep(now);
    const step = gcra(this.tats.get(key) ?? null, now, rule);
    if (step.allowed) this.tats.set(key, step.tat);
    return { allowed: step.allowed, remaining: step.remaining, retryAfterMs: step.retryAfterMs };
  }

  /** Keys currently held (for tests and diagnostics). */
  get size(): number {
    return this.tats.size;
  }

  async close(): Promise<void> {
    this.tats.clear();
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    // A TAT in the past means the key's full allowance is back: same as never seen.
    for (const [key, tat] of this.tats) if (tat <= now) this.tats.delete(key);
  }
}
