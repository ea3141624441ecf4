/**
 * Counters for the Slack surface. Plain numbers any exporter can read, plus listeners so a
 * metrics module (Prometheus or logs) can mirror every increment as it happens.
 */
export type SlackCounterName =
  /** A request whose signature checked out. */
  | "requests_verified"
  /** 401s, labelled by `reason`: missing, stale, forged, replayed. */
  | "requests_rejected"
  /** Slack retries (or duplicate deliveries) of an event already taken. */
  | "retries_deduplicated"
  /** Events dropped on purpose, labelled by `reason` (own message, bot, subtype, unsupported). */
  | "events_ignored"
  /** Questions handed to the pipeline, labelled by `source` (mention, dm, command). */
  | "questions"
  /** Answers delivered to Slack, labelled by `via` (thread, response_url). */
  | "answers_posted"
  /** Answers that could not be produced or delivered, labelled by `stage` (pipeline, delivery). */
  | "failures"
  /** Feedback button presses stored, labelled by `rating`. */
  | "feedback"
  /** Questions sent to the staff and staff answers given, labelled by `via` (button, command, staff_answer). */
  | "escalations";

export type SlackCounterLabels = Record<string, string>;

export type SlackCounterListener = (name: SlackCounterName, labels: SlackCounterLabels) => void;

export class SlackMetrics {
  private readonly counts = new Map<string, number>();
  private readonly listeners: SlackCounterListener[] = [];

  /** Mirrors every increment (e.g. into a Prometheus counter); a throwing listener is ignored. */
  onIncrement(listener: SlackCounterListener): void {
    this.listeners.push(listener);
  }

  increment(name: SlackCounterName, labels: SlackCounterLabels = {}): void {
    const key = counterKey(name, labels);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    for (const listener of this.listeners) {
      try {
        listener(name, labels);
      } catch {
        // Metrics must never break request handling.
      }
    }
  }

  /** The count for a name, summed over labels unless some are given. */
  get(name: SlackCounterName, labels?: SlackCounterLabels): number {
    if (labels) return this.counts.get(counterKey(name, labels)) ?? 0;
    let total = 0;
    for (const [key, value] of this.counts) if (key === name || key.startsWith(`${name}{`)) total += value;
    return total;
  }

  /** Every counter as `name{label="value"}` → count, for exporters and debugging. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

function counterKey(name: string, labels: SlackCounterLabels): string {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return name;
  return `${name}{${entries.map(([k, v]) => `${k}="${v}"`).join(",")}}`;
}
