import type { RateRule } from "./gcra.ts";
import type { RateLimitStore } from "./store.ts";

export type RateScope = "ip" | "session" | "course";

/** Requests allowed per window for each scope; 0 turns a scope off. */
export interface RateLimitSettings {
  windowMs: number;
  ip: number;
  session: number;
  course: number;
}

/** Who is asking: each present part is limited by its own scope. */
export interface RateSubject {
  ip?: string;
  session?: string;
  course?: string;
}

export type RateVerdict =
  | { allowed: true }
  | { allowed: false; scope: RateScope; retryAfterMs: number; limit: number; windowMs: number };

export interface RateLimiterDeps {
  store: RateLimitStore;
  settings: RateLimitSettings;
  /** Called when the store cannot answer; the request is let through (limits fail open). */
  onStoreError?: (error: unknown) => void;
}

/** Order matters: a client refused for its own IP or session must not use up its course's allowance. */
const SCOPES: RateScope[] = ["ip", "session", "course"];

/**
 * Per-IP, per-session and per-course limits. A request passes only if every scope it names has
 * allowance left. When the shared store is down the tutor keeps answering: an outage of the
 * limiter must not become an outage of the tutor.
 */
export class RateLimiter {
  constructor(private readonly deps: RateLimiterDeps) {}

  get settings(): RateLimitSettings {
    return this.deps.settings;
  }

  async check(subject: RateSubject): Promise<RateVerdict> {
    const { settings } = this.deps;
    for (const scope of SCOPES) {
      const id = subject[scope];
      const limit = settings[scope];
      if (!id || limit <= 0) continue;
      const rule: RateRule = { limit, periodMs: settings.windowMs };
      let decision: Awaited<ReturnType<RateLimitStore["consume"]>>;
      try {
        decision = await this.deps.store.consume(`${scope}:${id}`, rule);
      } catch (error) {
        this.deps.onStoreError?.(error);
        return { allowed: true };
      }
      if (!decision.allowed) {
        return {
          allowed: false,
          scope,
          retryAfterMs: decision.retryAfterMs,
          limit,
          windowMs: settings.windowMs,
        };
      }
    }
    return { allowed: true };
  }

  close(): Promise<void> {
    return this.deps.store.close();
  }
}
