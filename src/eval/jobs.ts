import { randomUUID } from "node:crypto";
import type { Tutor } from "../app/tutor.ts";
import type { EvalRunStore } from "../db/index.ts";
import type { EvalConfig } from "./configs.ts";
import type { EvalCase, Split } from "./dataset.ts";
import { evaluate } from "./evaluate.ts";
import type { AnswerJudge } from "./judge.ts";
import { reportToHtml } from "./report-html.ts";

export interface EvalJobRequest {
  course: string;
  datasetName: string;
  cases: readonly EvalCase[];
  configs: readonly EvalConfig[];
  split: Split | "all";
}

export interface EvalJobDeps {
  tutor: Pick<Tutor, "config" | "db" | "embeddings" | "pipeline" | "searcher">;
  store: EvalRunStore;
  /** Defaults to the LLM judge when one is configured, else the offline judge. */
  judge?: AnswerJudge;
  log?: (message: string) => void;
  /** Least time between two progress writes. */
  progressIntervalMs?: number;
}

/**
 * Eval runs in the background, one at a time: each run is many pipeline calls, and running two
 * side by side would only slow both and distort their latency figures. The run's row is written
 * before `start` returns, so its id can be polled at once.
 */
export class EvalJobs {
  private tail: Promise<void> = Promise.resolve();
  private readonly abort = new AbortController();
  private pending = 0;

  constructor(private readonly deps: EvalJobDeps) {}

  async start(request: EvalJobRequest): Promise<string> {
    if (this.abort.signal.aborted) throw new Error("eval runs are shutting down");
    const id = randomUUID();
    await this.deps.store.create({
      id,
      course: request.course,
      datasetName: request.datasetName,
      cases: request.cases,
      configs: request.configs.map((c) => c.name),
      split: request.split,
    });
    this.pending++;
    this.tail = this.tail.then(() => this.run(id, request)).finally(() => this.pending--);
    return id;
  }

  /** Resolves once every started run has finished (or failed). */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }

  /** Stops the running eval between two cases and fails the queued ones. */
  async close(): Promise<void> {
    this.abort.abort(new Error("the server stopped before the eval run finished"));
    await this.idle();
  }

  private async run(id: string, request: EvalJobRequest): Promise<void> {
    const { store } = this.deps;
    const interval = this.deps.progressIntervalMs ?? 500;
    try {
      if (this.abort.signal.aborted) throw this.abort.signal.reason;
      const total = request.cases.length * request.configs.length;
      await store.markRunning(id, total);
      let lastWrite = 0;
      let writing: Promise<void> = Promise.resolve();
      const { report, results } = await evaluate(this.deps.tutor, {
        course: request.course,
        datasetName: request.datasetName,
        cases: request.cases,
        configs: request.configs,
        split: request.split,
        judge: this.deps.judge,
        signal: this.abort.signal,
        onProgress: (done, all) => {
          const now = Date.now();
          if (now - lastWrite < interval || done === all) return;
          lastWrite = now;
          writing = writing.then(() => store.progress(id, done, all)).catch(() => undefined);
        },
      });
      await writing;
      await store.finish(id, report, reportToHtml(report, results));
      this.deps.log?.(`eval run ${id} on course "${request.course}" finished: ${report.cases} cases`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.deps.log?.(`eval run ${id} failed: ${message}`);
      // The database may be the thing that failed; a run nobody can mark failed stays "running".
      await store.fail(id, message).catch(() => undefined);
    }
  }
}
