import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { benchQueries } from "../../bench/queries.ts";
import { type ServerProcess, seedDataDir, spawnServer } from "../helpers/server-process.ts";

/**
 * A bounded load test on loopback: 50 connections for 30 s against /v1/search and /v1/chat of
 * `tutor serve` running as its own process (embedded PGlite holding the bundled course).
 *
 * Bounds, stated up front: no connection errors, no timeouts, no non-2xx answers; the server's
 * resident memory after the run may exceed its post-warm-up level by at most 160 MiB, and never
 * peak more than 320 MiB above it. The warm-up loads the model, the indexes and the JIT, so what
 * remains is growth under sustained load (every chat also stores a session and a message).
 * Measured on 2 busy cores: +70 MiB over the first thousand searches after start-up, then flat;
 * flat under chat alone. On 2 quiet cores, four further 30-s rounds after a warm-up stayed
 * between 648 and 698 MiB (no growth).
 */
const CONNECTIONS = 50;
const DURATION_S = 30;
const MiB = 1024 * 1024;
const GROWTH_BOUND = 160 * MiB;
const PEAK_BOUND = 320 * MiB;

describe("load: 50 connections × 30 s on /v1/search and /v1/chat", () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "tutor-load-"));
    await seedDataDir(dataDir, new Blob([await readFile(inject("courseDumpPath"))]));
    server = await spawnServer({
      TUTOR_DATA_DIR: dataDir,
      EMBED_WORKERS: "0",
      LOG_LEVEL: "warn",
      // One client address makes all the load: rate limits would answer 429 by design.
      RATE_LIMIT_IP: "0",
      RATE_LIMIT_SESSION: "0",
      RATE_LIMIT_COURSE: "0",
      CHAT_DEADLINE_MS: "60000",
    });
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  });

  const questions = benchQueries(40);
  const fire = (duration: number) => {
    let next = 0;
    const body = (make: (q: string) => object) => () =>
      JSON.stringify(make(questions[next++ % questions.length] as string));
    const search = body((query) => ({ query, k: 5 }));
    const chat = body((message) => ({ message }));
    const errors = new Map<string, number>();
    return new Promise<{ result: autocannon.Result; errors: Record<string, number> }>((resolve, reject) => {
      const instance = autocannon(
        {
          url: server.url,
          connections: CONNECTIONS,
          duration,
          timeout: 90,
          requests: [
            {
              method: "POST",
              path: "/v1/search",
              headers: { "content-type": "application/json" },
              setupRequest: (request) => ({ ...request, body: search() }),
            },
            {
              method: "POST",
              path: "/v1/chat",
              headers: { "content-type": "application/json" },
              setupRequest: (request) => ({ ...request, body: chat() }),
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve({ result, errors: Object.fromEntries(errors) })),
      );
      // Socket errors and timeouts by message, so a failure says which it was (the map also
      // holds what ending the run cut short, which the result does not count).
      instance.on("reqError", (error: Error) =>
        errors.set(error.message, (errors.get(error.message) ?? 0) + 1),
      );
    });
  };

  const warmUp = async (amount: number): Promise<number[]> => {
    const statuses: number[] = [];
    let next = 0;
    const loop = async () => {
      for (let i = next++; i < amount; i = next++) {
        const question = questions[i % questions.length] as string;
        const [route, body] =
          i % 2 === 0 ? ["search", { query: question, k: 5 }] : ["chat", { message: question }];
        const response = await fetch(`${server.url}/v1/${route}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        await response.arrayBuffer();
        statuses.push(response.status);
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, loop));
    return statuses;
  };

  it("serves every request with 2xx and keeps memory within the stated bound", async () => {
    // Warm up by request count, not time: on a busy machine ten seconds may cover only a few
    // dozen requests, leaving cache and JIT growth to be mistaken for growth under load. The
    // start-up growth spans about the first thousand searches: after 500 mixed requests a run
    // beside the rest of the suite still grew from 686 to 862 MiB, while alone it went from 757
    // to 674 MiB. So 1,000 (about 500 of each route).
    // Sent by 50 fetch loops rather than autocannon's `amount` mode, which leaves the connections
    // that finished their share idle until the slowest is done: the server closes idle
    // keep-alive connections after 5 s, and autocannon counts each close as an error.
    const statuses = await warmUp(1_000);
    expect(statuses.filter((status) => status < 200 || status > 299)).toEqual([]);
    const baseline = await server.rssBytes();

    let peak = baseline;
    const sampler = setInterval(() => {
      void server
        .rssBytes()
        .then((rss) => {
          peak = Math.max(peak, rss);
        })
        .catch(() => {});
    }, 250);
    let run: Awaited<ReturnType<typeof fire>>;
    try {
      run = await fire(DURATION_S);
    } finally {
      clearInterval(sampler);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = await server.rssBytes();
    const { result } = run;

    const mib = (bytes: number) => `${Math.round(bytes / MiB)} MiB`;
    process.stdout.write(
      `load: ${result["2xx"]} × 2xx in ${result.duration} s (${result.requests.average} req/s), ` +
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ` +
        `RSS ${mib(baseline)} → peak ${mib(peak)} → ${mib(after)} after\n`,
    );
    expect(result.errors, `${JSON.stringify(run.errors)}\n${server.log().slice(-3000)}`).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result["2xx"]).toBeGreaterThan(CONNECTIONS);
    expect(after - baseline).toBeLessThan(GROWTH_BOUND);
    expect(peak - baseline).toBeLessThan(PEAK_BOUND);

    // And it still shuts down cleanly afterwards.
    expect(await server.stop("SIGTERM")).toEqual({ code: 0, signal: null });
  // The warm-up's thousand requests take most of the time: about 170 s beside the rest of the suite.
  }, 300_000);
});
