import { type ServerProcess, spawnServer } from "../tests/helpers/server-process.ts";
import { type LoadLevelResult, runLoadLevel } from "./load.ts";

export interface RouteLoad {
  route: "/v1/search" | "/v1/chat";
  levels: (LoadLevelResult & { peakRssMiB: number })[];
}

export interface ConcurrencyResult {
  /** Resident memory of the idle server after warm-up, and the highest seen under load. */
  rssIdleMiB: number;
  rssPeakMiB: number;
  routes: RouteLoad[];
}

const MiB = 1024 * 1024;

/**
 * `tutor serve` as its own process on `dataDir`, driven by 1, 8 and 32 closed-loop clients per
 * route; its RSS is sampled from /proc while each level runs. Rate limits are off (one client
 * address sends everything) and logs are at warn, so the figures are the tutor's own work.
 */
export async function benchConcurrency(
  dataDir: string,
  queries: readonly string[],
  options: { levels: readonly number[]; secondsPerLevel: number; log: (line: string) => void },
): Promise<ConcurrencyResult> {
  const server: ServerProcess = await spawnServer({
    TUTOR_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    RATE_LIMIT_IP: "0",
    RATE_LIMIT_SESSION: "0",
    RATE_LIMIT_COURSE: "0",
    CHAT_DEADLINE_MS: "120000",
  });
  try {
    const question = (n: number) => queries[n % queries.length] as string;
    const bodies = {
      "/v1/search": (n: number) => ({ query: question(n), k: 5 }),
      "/v1/chat": (n: number) => ({ message: question(n) }),
    } as const;
    // Warm-up: model, indexes, JIT, connection reuse.
    for (const route of Object.keys(bodies) as (keyof typeof bodies)[]) {
      await runLoadLevel({
        url: `${server.url}${route}`,
        clients: 4,
        durationMs: 3_000,
        body: bodies[route],
      });
    }
    const rssIdle = await server.rssBytes();
    let rssPeak = rssIdle;
    const routes: RouteLoad[] = [];
    for (const route of Object.keys(bodies) as (keyof typeof bodies)[]) {
      const levels: RouteLoad["levels"] = [];
      for (const clients of options.levels) {
        let levelPeak = 0;
        const sampler = setInterval(() => {
          void server
            .rssBytes()
            .then((rss) => {
              levelPeak = Math.max(levelPeak, rss);
            })
            .catch(() => {});
        }, 200);
        const result = await runLoadLevel({
          url: `${server.url}${route}`,
          clients,
          durationMs: options.secondsPerLevel * 1000,
          body: bodies[route],
        }).finally(() => clearInterval(sampler));
        rssPeak = Math.max(rssPeak, levelPeak);
        levels.push({ ...result, peakRssMiB: Math.round(levelPeak / MiB) });
        options.log(
          `  ${route} × ${clients}: ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, ` +
            `p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms, ${result.errors} errors`,
        );
      }
      routes.push({ route, levels });
    }
    return { rssIdleMiB: Math.round(rssIdle / MiB), rssPeakMiB: Math.round(rssPeak / MiB), routes };
  } finally {
    await server.stop("SIGTERM");
  }
}
