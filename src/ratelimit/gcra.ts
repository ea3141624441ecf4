/**
 * The generic cell rate algorithm: a limit of `limit` requests per `periodMs`, spread evenly,
 * with bursts of up to `limit`. Its whole state is one number per key, the theoretical arrival
 * time (TAT) of the next request, so it is cheap to keep in memory or in Redis and exact about
 * when a refused client may come back.
 */
export interface RateRule {
  limit: number;
  periodMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Requests still allowed right now after this one (0 when refused). */
  remaining: number;
  /** How long a refused client must wait before one more request is allowed (0 when allowed). */
  retryAfterMs: number;
}

export interface GcraStep extends RateDecision {
  /** The TAT to store; unchanged when refused. */
  tat: number;
}

export function gcra(storedTat: number | null, now: number, rule: RateRule): GcraStep {
  const interval = rule.periodMs / rule.limit;
  const tat = Math.max(storedTat ?? now, now);
  const allowAt = tat + interval - rule.periodMs;
  if (now < allowAt) return { allowed: false, remaining: 0, retryAfterMs: allowAt - now, tat };
  const next = tat + interval;
  const remaining = Math.floor((rule.periodMs - (next - now)) / interval + 1e-9);
  return { allowed: true, remaining: Math.max(0, remaining), retryAfterMs: 0, tat: next };
}
