/**
 * `npm run bench`: measures, on this machine, what the README and the issues give targets for.
 * Prints a table and writes bench/results/latest.json. Not a test: nothing here passes or fails.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig, packageRoot } from "../src/config.ts";
import { startServer } from "../src/server.ts";
import { createTutor } from "../src/tutor.ts";
import { benchQueries } from "./queries.ts";
import { round, summarize } from "./stats.ts";

const log = (line: string) => process.stdout.write(`${line}\n`);

async function benchIngestion(dataDir: string) {
  const config = loadConfig({ TUTOR_DATA_DIR: dataDir });
  const tutor = await createTutor(config);
  try {
    const started = performance.now();
    const first = await tutor.ingest(config.corpusDir, "aie101");
    const firstMs = performance.now() - started;
    const { rows } = await tutor.db.query<{ chars: number }>(
      "SELECT coalesce(avg(length(text)), 0)::float AS chars FROM chunks WHERE course_id = 'aie101'",
    );
    const again = performance.now();
    const second = await tutor.ingest(config.corpusDir, "aie101");
    const unchangedMs = performance.now() - again;
    const avgChars = rows[0]?.chars ?? 0;
    return {
      chunks: first.chunks,
      documents: first.documents,
      seconds: round(firstMs / 1000),
      chunksPerSecond: round(first.chunks / (firstMs / 1000)),
      avgChunkChars: round(avgChars, 0),
      charsPerSecond: round((first.chunks * avgChars) / (firstMs / 1000), 0),
      thousandCharChunksPerSecond: round((first.chunks * avgChars) / 1000 / (firstMs / 1000)),
      reingestUnchangedSeconds: round(unchangedMs / 1000, 3),
      reingestUnchangedTouched: second.added + second.updated + second.removed,
    };
  } finally {
    await tutor.close();
  }
}

async function benchSearch(dataDir: string, queries: string[]) {
  // One client sends every query: per-IP rate limits and request logs would measure themselves.
  const server = await startServer(
    loadConfig({
      TUTOR_DATA_DIR: dataDir,
      PORT: "0",
      LOG_LEVEL: "silent",
      RATE_LIMIT_IP: "0",
      RATE_LIMIT_COURSE: "0",
    }),
    { hostname: "127.0.0.1" },
  );
  const url = `http://127.0.0.1:${server.port}/v1/search`;
  const timeQueries = async (body: (query: string) => object) => {
    const samples: number[] = [];
    for (const query of queries) {
      const started = performance.now();
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body(query)),
      });
      await res.json();
      if (!res.ok) throw new Error(`search failed with ${res.status}`);
      samples.push(performance.now() - started);
    }
    return summarize(samples);
  };
  try {
    // Warm-up: model load, index build, JIT.
    for (const query of queries.slice(0, 10))
      await fetch(url, { method: "POST", body: JSON.stringify({ query }) });
    const withRerank = await timeQueries((query) => ({ query, k: 5 }));
    const withoutRerank = await timeQueries((query) => ({ query, k: 5, rerank: false }));
    return { reranker: server.tutor.searcher.reranker.name, withRerank, withoutRerank };
  } finally {
    await server.close();
  }
}

async function main() {
  const workDir = await mkdtemp(path.join(os.tmpdir(), "tutor-bench-"));
  try {
    log(
      `Course Tutor benchmark — ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}`,
    );
    log("Ingesting the bundled course into a fresh embedded database…");
    const ingestion = await benchIngestion(path.join(workDir, "data"));
    log(
      `  ingestion: ${ingestion.chunks} chunks (avg ${ingestion.avgChunkChars} chars) in ${ingestion.seconds} s → ` +
        `${ingestion.chunksPerSecond} chunks/s, ${ingestion.thousandCharChunksPerSecond} × 1,000-char chunks/s`,
    );
    log(
      `  re-ingest, nothing changed: ${ingestion.reingestUnchangedSeconds} s (${ingestion.reingestUnchangedTouched} documents touched)`,
    );

    const queries = benchQueries(200);
    log(`Timing POST /v1/search over HTTP, ${queries.length} queries, one at a time…`);
    const search = await benchSearch(path.join(workDir, "data"), queries);
    log(
      `  with reranker (${search.reranker}): p50 ${search.withRerank.p50} ms, p95 ${search.withRerank.p95} ms`,
    );
    log(`  without reranker: p50 ${search.withoutRerank.p50} ms, p95 ${search.withoutRerank.p95} ms`);
    log(`  rerank p50 ratio: ${round(search.withRerank.p50 / search.withoutRerank.p50)}×`);

    const results = { date: new Date().toISOString(), cores: os.availableParallelism(), ingestion, search };
    await mkdir(path.join(packageRoot, "bench", "results"), { recursive: true });
    await writeFile(
      path.join(packageRoot, "bench", "results", "latest.json"),
      `${JSON.stringify(results, null, 2)}\n`,
    );
    log("Written to bench/results/latest.json");
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

await main();
