import { round, summarize } from "./stats.ts";

export interface LoadLevelResult {
  clients: number;
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: ReturnType<typeof summarize>;
}

export interface LoadLevelOptions {
  url: string;
  /** Closed-loop clients: each sends its next request as soon as the previous one is answered. */
  clients: number;
  durationMs: number;
  body: (n: number) => object;
}

/**
 * Runs `clients` concurrent closed-loop clients against one POST route for `durationMs` and
 * reports latency percentiles and throughput. A non-2xx answer counts as an error and its
 * latency is left out.
 */
export async function runLoadLevel(options: LoadLevelOptions): Promise<LoadLevelResult> {
  const samples: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const stopAt = started + options.durationMs;
  const client = async () => {
    while (performance.now() < stopAt) {
      const body = JSON.stringify(options.body(sent++));
      const t = performance.now();
      try {
        const res = await fetch(options.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        await res.arrayBuffer();
        if (res.ok) samples.push(performance.now() - t);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  return {
    clients: options.clients,
    requests: samples.length,
    errors,
    seconds: round(seconds),
    requestsPerSecond: round(samples.length / seconds),
    latencyMs: summarize(samples),
  };
}
