/**
 * `npm run bench`: measures, on this machine, what the README and the issues give targets for.
 * Prints tables and writes bench/results/latest.json (plus a dated copy). Not a test: nothing
 * here passes or fails. Sections: ingestion; /v1/search with and without the reranker; /v1/search
 * and /v1/chat at 1, 8 and 32 concurrent clients with the server's RSS; retrieval quality and
 * latency against a LangChain.js pipeline on the golden set; guard latency per message with the
 * exemplar rule on (bench/guard.ts, also runnable alone); a synthetic course at 1k–20k chunks.
 * `BENCH_QUICK=1` shortens the load levels and skips the 20k point (for trying the script out).
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig, packageRoot } from "../src/app/config.ts";
import { startServer } from "../src/app/server.ts";
import { createTutor } from "../src/app/tutor.ts";
import { CourseQueryRewriter, lexiconsFromIndexes } from "../src/retrieve/index.ts";
import { answerableCases, compareRetrieval, type RetrievalSystem } from "./compare.ts";
import { benchConcurrency, type ConcurrencyResult } from "./concurrency.ts";
import { benchGuard } from "./guard.ts";
import { buildLangChainBaseline } from "./langchain.ts";
import { benchQueries } from "./queries.ts";
import { courseMaterial, runScaleSection } from "./scale-section.ts";
import { round, summarize } from "./stats.ts";
import { table } from "./table.ts";

const QUICK = process.env.BENCH_QUICK === "1";

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
    const staffAnswer = await benchStaffAnswer(tutor);
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
      ...staffAnswer,
    };
  } finally {
    await tutor.close();
  }
}

/**
 * A staff answer added to the material (one document ingested on its own, the course's indexes
 * rebuilt) and retired again: the part of "a staff answer is cited within 5 s" the server controls.
 */
async function benchStaffAnswer(tutor: Awaited<ReturnType<typeof createTutor>>) {
  const started = performance.now();
  const entry = await tutor.escalations.material.add({
    course: "aie101",
    groupId: null,
    question: "Does the course count toward the data science minor?",
    answer: "Yes. AIE101 counts as one of the two electives of the data science minor.",
    role: "teaching staff",
  });
  const publishMs = performance.now() - started;
  const retiring = performance.now();
  await tutor.escalations.material.retire("aie101", entry.id);
  return {
    staffAnswerPublishMs: round(publishMs, 0),
    staffAnswerRetireMs: round(performance.now() - retiring, 0),
  };
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

/**
 * The tutor's retrieval path (query rewriting, hybrid search, reranking) against the LangChain.js
 * ensemble on the same chunks, vectors and golden-set questions.
 */
async function benchAgainstLangChain(dataDir: string) {
  const tutor = await createTutor(
    loadConfig({ TUTOR_DATA_DIR: dataDir, LOG_LEVEL: "silent", EMBED_WORKERS: "0" }),
  );
  const course = "aie101";
  try {
    const baseline = await buildLangChainBaseline(tutor.db, course, tutor.embeddings);
    const rewriter = new CourseQueryRewriter(lexiconsFromIndexes(tutor.indexes));
    const stages: Record<"rewrite" | "embed" | "bm25" | "vector" | "rerank", number[]> = {
      rewrite: [],
      embed: [],
      bm25: [],
      vector: [],
      rerank: [],
    };
    const ours: RetrievalSystem = {
      name: "Course Tutor",
      async search(question, k) {
        const started = performance.now();
        const { query, spelledOut } = await rewriter.rewrite(question, { course, history: [] });
        stages.rewrite.push(performance.now() - started);
        const response = await tutor.searcher.search({ course, query, spelledOutQuery: spelledOut, k });
        for (const stage of ["embed", "bm25", "vector", "rerank"] as const)
          stages[stage].push(response.timings[stage]);
        return response.results.map((c) => ({ chunkId: c.chunkId, source: c.source, text: c.text }));
      },
    };
    const langchain: RetrievalSystem = {
      name: "LangChain.js ensemble",
      search: (q, k) => baseline.search(q, k),
    };
    const cases = await answerableCases(path.join(packageRoot, "evals", "aie101.jsonl"));
    const { rows } = await tutor.db.query<{ id: string; source: string; text: string }>(
      "SELECT id::text AS id, source, text FROM chunks WHERE course_id = $1",
      [course],
    );
    const courseChunks = rows.map((r) => ({ chunkId: r.id, source: r.source, text: r.text }));
    const [tutorScores, langchainScores] = await compareRetrieval([ours, langchain], cases, courseChunks);
    if (!tutorScores || !langchainScores) throw new Error("comparison returned no scores");
    // Both systems embed the query with the same model; how much of each latency is that?
    const embedOnly: number[] = [];
    for (const evalCase of cases) {
      const started = performance.now();
      await tutor.embeddings.embedQuery(evalCase.question);
      embedOnly.push(performance.now() - started);
    }
    const stageP50 = Object.fromEntries(
      Object.entries(stages).map(([stage, samples]) => [stage, summarize(samples).p50]),
    );
    return {
      comparison: {
        dataset: "evals/aie101.jsonl (answerable cases, all splits)",
        cases: cases.length,
        chunks: baseline.chunks,
        reranker: tutor.searcher.reranker.name,
        tutor: tutorScores,
        langchain: langchainScores,
        ratio: {
          ndcg10: round(tutorScores.ndcg10 / langchainScores.ndcg10, 3),
          latencyP50: round(tutorScores.latencyMs.p50 / langchainScores.latencyMs.p50, 3),
          latencyP95: round(tutorScores.latencyMs.p95 / langchainScores.latencyMs.p95, 3),
        },
        /** The tutor's per-stage medians, and the query embedding both systems pay. */
        tutorStageP50Ms: stageP50,
        queryEmbeddingMs: summarize(embedOnly),
      },
    };
  } finally {
    await tutor.close();
  }
}

function printConcurrency(result: ConcurrencyResult) {
  const rows: (string | number)[][] = [
    ["route", "clients", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "peak RSS MiB"],
  ];
  for (const route of result.routes) {
    for (const level of route.levels) {
      rows.push([
        route.route,
        level.clients,
        level.requestsPerSecond,
        level.latencyMs.p50,
        level.latencyMs.p95,
        level.latencyMs.p99,
        level.errors,
        level.peakRssMiB,
      ]);
    }
  }
  log(table(rows));
  log(`  server RSS: ${result.rssIdleMiB} MiB idle after warm-up, ${result.rssPeakMiB} MiB peak under load`);
}

/** `--only scale` runs the scale part alone (it still ingests the bundled course for its material). */
function onlySection(): string | undefined {
  const at = process.argv.indexOf("--only");
  const section = at === -1 ? undefined : process.argv[at + 1];
  if (section !== undefined && section !== "scale") throw new Error(`--only takes "scale", not "${section}"`);
  return section;
}

function logIngestion(ingestion: Awaited<ReturnType<typeof benchIngestion>>) {
  log(
    `  ingestion: ${ingestion.chunks} chunks (avg ${ingestion.avgChunkChars} chars) in ${ingestion.seconds} s → ` +
      `${ingestion.chunksPerSecond} chunks/s, ${ingestion.thousandCharChunksPerSecond} × 1,000-char chunks/s`,
  );
  log(
    `  re-ingest, nothing changed: ${ingestion.reingestUnchangedSeconds} s (${ingestion.reingestUnchangedTouched} documents touched)`,
  );
  log(
    `  staff answer into the material and the indexes: ${ingestion.staffAnswerPublishMs} ms; ` +
      `retired: ${ingestion.staffAnswerRetireMs} ms`,
  );
}

/** Everything but the scale part: search latency, load, and the LangChain.js comparison. */
async function runServingSections(dataDir: string) {
  const queries = benchQueries(200);
  log(`Timing POST /v1/search over HTTP, ${queries.length} queries, one at a time…`);
  const search = await benchSearch(dataDir, queries);
  log(
    `  with reranker (${search.reranker}): p50 ${search.withRerank.p50} ms, p95 ${search.withRerank.p95} ms`,
  );
  log(`  without reranker: p50 ${search.withoutRerank.p50} ms, p95 ${search.withoutRerank.p95} ms`);
  log(`  rerank p50 ratio: ${round(search.withRerank.p50 / search.withoutRerank.p50)}×`);

  const levels = [1, 8, 32];
  const secondsPerLevel = QUICK ? 4 : 12;
  log(
    `Load: tutor serve as its own process; ${levels.join(", ")} closed-loop clients × ${secondsPerLevel} s per route…`,
  );
  const concurrency = await benchConcurrency(dataDir, queries, { levels, secondsPerLevel, log });
  printConcurrency(concurrency);

  log(
    "Retrieval against the LangChain.js pipeline (BM25Retriever + MemoryVectorStore + EnsembleRetriever, same USE vectors)…",
  );
  const { comparison } = await benchAgainstLangChain(dataDir);
  log(
    `  ${comparison.cases} golden-set questions over ${comparison.chunks} chunks, top 10 each, in-process, one at a time`,
  );
  log(
    table([
      ["system", "nDCG@10", "hit@5", "MRR@10", "recall@5", "p50 ms", "p95 ms", "p99 ms"],
      ...[comparison.tutor, comparison.langchain].map((s) => [
        s.name,
        s.ndcg10,
        s.hit5,
        s.mrr10,
        s.recall5,
        s.latencyMs.p50,
        s.latencyMs.p95,
        s.latencyMs.p99,
      ]),
    ]),
  );
  log(
    `  tutor stages, p50 ms: ${Object.entries(comparison.tutorStageP50Ms)
      .map(([stage, ms]) => `${stage} ${ms}`)
      .join(", ")}; the query embedding alone (both systems): p50 ${comparison.queryEmbeddingMs.p50} ms`,
  );
  log(
    `  tutor ÷ LangChain: nDCG@10 ${comparison.ratio.ndcg10}× (target > 1), ` +
      `latency p50 ${comparison.ratio.latencyP50}× and p95 ${comparison.ratio.latencyP95}× (target ≤ 0.5)`,
  );
  return { search, concurrency, langchain: comparison };
}

async function main() {
  const only = onlySection();
  const workDir = await mkdtemp(path.join(os.tmpdir(), "tutor-bench-"));
  try {
    const loadAverage = () => os.loadavg().map((l) => round(l));
    log(`Load average now ${loadAverage().join(" / ")}: figures from a busy machine are noisy.`);
    log(
      `Course Tutor benchmark${only ? ` (only ${only})` : ""} — ${os.availableParallelism()} cores, ` +
        `${os.cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}`,
    );
    log("Ingesting the bundled course into a fresh embedded database…");
    const dataDir = path.join(workDir, "data");
    const ingestion = await benchIngestion(dataDir);
    logIngestion(ingestion);
    const serving = only ? undefined : await runServingSections(dataDir);
    if (!only) log("Guard latency per message, exemplar rule on, over a sample of the guard suites…");
    const guard = only ? undefined : await benchGuard(log, QUICK ? 150 : 400);
    const scale = await runScaleSection({
      workDir,
      material: await courseMaterial(dataDir),
      quick: QUICK,
      log,
    });

    const results = {
      date: new Date().toISOString(),
      cores: os.availableParallelism(),
      cpu: os.cpus()[0]?.model ?? "unknown",
      loadAverage: loadAverage(),
      quick: QUICK,
      only: only ?? null,
      ingestion,
      ...serving,
      guard,
      scale,
    };
    const resultsDir = path.join(packageRoot, "bench", "results");
    await mkdir(resultsDir, { recursive: true });
    const text = `${JSON.stringify(results, null, 2)}\n`;
    const suffix = only ? `-${only}` : "";
    await writeFile(path.join(resultsDir, `latest${suffix}.json`), text);
    await writeFile(
      path.join(resultsDir, `${results.date.slice(0, 19).replace(/:/g, "-")}${suffix}.json`),
      text,
    );
    log(`Written to bench/results/latest${suffix}.json (and a dated copy)`);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

await main();
