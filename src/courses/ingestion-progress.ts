import type { IngestPhase } from "../ingest/sync.ts";

/** Where a running ingestion is: its phase and how far through it. */
export interface IngestionStep {
  phase: IngestPhase;
  done: number;
  total: number;
}

type Listener = (step: IngestionStep) => void;

/**
 * The live progress of the ingestions this process runs, by run id, for whoever watches them (the
 * console's progress stream). Runs on other replicas are known only by their database record.
 */
export class LiveIngestionProgress {
  private readonly latestSteps = new Map<string, IngestionStep>();
  private readonly listeners = new Map<string, Set<Listener>>();

  report(runId: string, step: IngestionStep): void {
    this.latestSteps.set(runId, step);
    for (const listener of this.listeners.get(runId) ?? []) {
      try {
        listener(step);
      } catch {
        // A watcher that went away must not disturb the ingestion.
      }
    }
  }

  /** Forgets a finished run (its record in the database says how it ended). */
  finish(runId: string): void {
    this.latestSteps.delete(runId);
  }

  latest(runId: string): IngestionStep | undefined {
    return this.latestSteps.get(runId);
  }

  /** Calls `listener` on every step of the run until the returned function is called. */
  subscribe(runId: string, listener: Listener): () => void {
    const set = this.listeners.get(runId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(runId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(runId);
    };
  }
}
