/**
 * A circuit breaker in front of the LLM. Closed: calls go through and consecutive failures are
 * counted. After `failureThreshold` of them it opens: calls are refused at once (the tutor
 * answers extractively without waiting on a dead server). After `cooldownMs` it half-opens and
 * lets one trial call through; success closes it, failure opens it for another cooldown.
 */
export type BreakerState = "closed" | "open" | "half_open";

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  /** Injected for tests; defaults to Date.now. */
  now?: () => number;
}

export interface BreakerSnapshot {
  state: BreakerState;
  consecutiveFailures: number;
  /** When an open breaker lets the next trial call through (epoch ms); null unless open. */
  retryAt: number | null;
  /** How many times the breaker has opened since it was created. */
  opened: number;
  /** Calls refused while open. */
  rejected: number;
}

export type BreakerListener = (to: BreakerState, from: BreakerState) => void;

/** A permit to make one call; report how it went exactly once. */
export interface BreakerPermit {
  success(): void;
  failure(): void;
  /** The call ended for a reason that says nothing about the LLM (the student left). */
  release(): void;
}

export class CircuitBreaker {
  private current: BreakerState = "closed";
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private openedCount = 0;
  private rejectedCount = 0;
  private readonly listeners: BreakerListener[] = [];
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    if (options.failureThreshold < 1) throw new RangeError("failureThreshold must be at least 1");
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    // An open breaker becomes half-open by the passage of time alone.
    if (this.current === "open" && this.now() - this.openedAt >= this.options.cooldownMs) {
      this.transition("half_open");
    }
    return this.current;
  }

  snapshot(): BreakerSnapshot {
    const state = this.state;
    return {
      state,
      consecutiveFailures: this.failures,
      retryAt: state === "open" ? this.openedAt + this.options.cooldownMs : null,
      opened: this.openedCount,
      rejected: this.rejectedCount,
    };
  }

  onStateChange(listener: BreakerListener): void {
    this.listeners.push(listener);
  }

  /** A permit for one call, or null when the call must not be made (open, or trial in flight). */
  tryAcquire(): BreakerPermit | null {
    const state = this.state;
    if (state === "open" || (state === "half_open" && this.trialInFlight)) {
      this.rejectedCount++;
      return null;
    }
    const trial = state === "half_open";
    if (trial) this.trialInFlight = true;
    let settled = false;
    const settle = (outcome: "success" | "failure" | "release") => {
      if (settled) return;
      settled = true;
      if (trial) this.trialInFlight = false;
      if (outcome === "success") this.recordSuccess();
      else if (outcome === "failure") this.recordFailure(trial);
    };
    return {
      success: () => settle("success"),
      failure: () => settle("failure"),
      release: () => settle("release"),
    };
  }

  /** When an open breaker will allow a trial (epoch ms). */
  get retryAt(): number {
    return this.openedAt + this.options.cooldownMs;
  }

  private recordSuccess(): void {
    this.failures = 0;
    if (this.current !== "closed") this.transition("closed");
  }

  private recordFailure(trial: boolean): void {
    this.failures++;
    if (trial || (this.current === "closed" && this.failures >= this.options.failureThreshold)) {
      this.openedAt = this.now();
      this.openedCount++;
      this.transition("open");
    }
  }

  private transition(to: BreakerState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    for (const listener of this.listeners) {
      try {
        listener(to, from);
      } catch {
        // A broken listener must not break the breaker.
      }
    }
  }
}
