import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../src/app/config.ts";
import { type Db, type Queryable, toVectorLiteral } from "../src/db/db.ts";
import { hashText, VectorSearch } from "../src/db/index.ts";
import { openDatabase } from "../src/db/open.ts";
import type { CourseEmbeddings } from "../src/embed/embeddings.ts";
import { chunkDocument } from "../src/ingest/chunker.ts";
import { pickLoader } from "../src/ingest/loaders/index.ts";
import { embeddingInput, ingestFolder } from "../src/ingest/sync.ts";
import { titleFromPath } from "../src/ingest/walk.ts";
import { CourseIndexes, createReranker, HybridSearcher } from "../src/retrieve/index.ts";
import { buildLangChainBaseline } from "./langchain.ts";
import { round, summarize } from "./stats.ts";
import { type SyntheticDocument, type SyntheticMaterial, syntheticCourse } from "./synthetic.ts";

export const SECTIONS_PER_DOCUMENT = 20;
export const SCALE_COURSE = "synthetic";
const STAGES = ["embed", "bm25", "vector", "rerank"] as const;
type Stages = Record<(typeof STAGES)[number], number>;

export interface ScalePoint {
  chunks: number;
  documents: number;
  /** Loading, chunking, writing and indexing (HNSW) through `ingestFolder`, vectors from the cache. */
  ingestSeconds: number;
  ingestChunksPerSecond: number;
  /** Chunks that still went through the model (0: every vector came from the pre-filled cache). */
  embeddedByModel: number;
  /** Building the course's search indexes from its chunks and storing them (the ingesting process). */
  indexBuildMs: number;
  /** Loading the stored indexes (another replica, or this one after a restart). */
  indexLoadMs: number;
  /** The loaded indexes' memory, as the index cache counts it against its budget. */
  indexMiB: number;
  searchMs: ReturnType<typeof summarize>;
  /** CPU time of this process per search (it embeds the query and runs PGlite too): on a shared machine the wall clock also counts waiting for a core. */
  searchCpuMs: ReturnType<typeof summarize>;
  /** Medians and 95th percentiles of the search's own stages, to show which one grows. */
  searchStageP50Ms: Stages;
  searchStageP95Ms: Stages;
  /** The LangChain.js ensemble over the same chunks and vectors, same queries (fewer of them). */
  langchainSearchMs: ReturnType<typeof summarize>;
  /** EXPLAIN ANALYZE of one vector query: the scan it used and its timing. */
  vectorPlan: string[];
  /** The data folder, kept for the restart measurement. */
  dataDir: string;
}

export interface ScaleOptions {
  workDir: string;
  sizes: readonly number[];
  material: SyntheticMaterial;
  queries: readonly string[];
  embeddings: CourseEmbeddings;
  log: (line: string) => void;
}

/** The texts `ingestFolder` will embed for a document, exactly as it builds them. */
export async function embeddingInputsOf(document: SyntheticDocument): Promise<string[]> {
  const bytes = new TextEncoder().encode(document.markdown);
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  const loader = pickLoader(document.path, head);
  if (!loader) throw new Error(`no loader for ${document.path}`);
  const doc = await loader.load(bytes, document.path, titleFromPath(document.path));
  return chunkDocument(doc).map((chunk) => embeddingInput(doc.title, chunk.headingPath, chunk.text));
}

/** Puts synthetic vectors into the embedding cache in multi-row inserts, so no text meets the model. */
export async function prefillCache(
  db: Queryable,
  model: string,
  vectors: ReadonlyMap<string, number[]>,
): Promise<void> {
  const entries = [...vectors];
  const BATCH = 200;
  for (let start = 0; start < entries.length; start += BATCH) {
    const batch = entries.slice(start, start + BATCH);
    const params: string[] = [];
    const tuples = batch.map(([hash, vector], i) => {
      params.push(model, hash, toVectorLiteral(vector));
      return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::vector)`;
    });
    await db.query(
      `INSERT INTO embedding_cache (model, content_hash, embedding) VALUES ${tuples.join(", ")} ON CONFLICT DO NOTHING`,
      params,
    );
  }
}

/** Writes the documents into `folder` and ingests them as `course`, their vectors pre-filled. */
export async function ingestSynthetic(
  db: Db,
  embeddings: CourseEmbeddings,
  input: {
    folder: string;
    course: string;
    documents: SyntheticDocument[];
    vectors: ReadonlyMap<string, number[]>;
  },
) {
  await mkdir(input.folder, { recursive: true });
  for (const document of input.documents)
    await writeFile(path.join(input.folder, document.path), document.markdown);
  await prefillCache(db, embeddings.modelId, input.vectors);
  const started = performance.now();
  const summary = await ingestFolder({ db, embeddings, dir: input.folder, course: input.course });
  return { summary, seconds: (performance.now() - started) / 1000 };
}

/** Search latency per stage over `queries`, after ten warm-up searches. */
export async function timeSearches(searcher: HybridSearcher, course: string, queries: readonly string[]) {
  for (const query of queries.slice(0, 10)) await searcher.search({ course, query, k: 5 });
  const samples: number[] = [];
  const cpu: number[] = [];
  const stages = Object.fromEntries(STAGES.map((stage) => [stage, [] as number[]])) as Record<
    keyof Stages,
    number[]
  >;
  for (const query of queries) {
    const t = performance.now();
    const before = process.cpuUsage();
    const response = await searcher.search({ course, query, k: 5 });
    const used = process.cpuUsage(before);
    samples.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    for (const stage of STAGES) stages[stage].push(response.timings[stage]);
  }
  const at = (p: "p50" | "p95") =>
    Object.fromEntries(STAGES.map((stage) => [stage, summarize(stages[stage])[p]])) as Stages;
  return { searchMs: summarize(samples), cpuMs: summarize(cpu), p50: at("p50"), p95: at("p95") };
}

/**
 * Ingestion, index build and load, and search latency of a synthetic course at each size, each
 * in its own fresh embedded database. Documents are generated once (seeded) and each size takes
 * a prefix of them.
 */
export async function benchScale(options: ScaleOptions): Promise<ScalePoint[]> {
  const largest = Math.max(...options.sizes);
  const course = await syntheticCourse(
    options.material,
    { seed: 20_000, documents: Math.ceil(largest / SECTIONS_PER_DOCUMENT), sections: SECTIONS_PER_DOCUMENT },
    embeddingInputsOf,
    hashText,
  );
  const points: ScalePoint[] = [];
  for (const size of options.sizes) {
    let count = 0;
    let chunks = 0;
    while (chunks < size && count < course.documents.length) chunks += course.chunksPerDocument[count++] ?? 0;
    const dataDir = path.join(options.workDir, `synthetic-db-${size}`);
    const db = await openDatabase({ databaseUrl: undefined, dataDir });
    try {
      options.log(`  ${size} chunks: ${count} documents; ingesting…`);
      const ingested = await ingestSynthetic(db, options.embeddings, {
        folder: path.join(options.workDir, `synthetic-${size}`),
        course: SCALE_COURSE,
        documents: course.documents.slice(0, count),
        vectors: course.vectors,
      });
      points.push({ ...(await measurePoint(db, options, size)), ...ingestFigures(ingested), dataDir });
    } finally {
      await db.close();
    }
  }
  return points;
}

function ingestFigures({ summary, seconds }: Awaited<ReturnType<typeof ingestSynthetic>>) {
  return {
    chunks: summary.chunks,
    documents: summary.documents,
    ingestSeconds: round(seconds),
    ingestChunksPerSecond: round(summary.chunks / seconds),
    embeddedByModel: summary.embedded,
  };
}

/** Index build and load, search latency, the vector plan and the LangChain.js baseline on one course. */
async function measurePoint(db: Db, options: ScaleOptions, size: number) {
  let started = performance.now();
  await new CourseIndexes(db).get(SCALE_COURSE);
  const indexBuildMs = performance.now() - started;
  const indexes = new CourseIndexes(db);
  started = performance.now();
  const snapshot = await indexes.get(SCALE_COURSE);
  const indexLoadMs = performance.now() - started;
  if (snapshot.origin !== "stored") throw new Error("the stored index was not used");
  const reranker = await createReranker(loadConfig({}), { embeddings: options.embeddings });
  const searcher = new HybridSearcher({ db, indexes, embeddings: options.embeddings, reranker });
  options.log(
    `  ${size} chunks: indexes built in ${round(indexBuildMs, 0)} ms, loaded in ${round(indexLoadMs, 0)} ms`,
  );
  const timed = await timeSearches(searcher, SCALE_COURSE, options.queries);
  const plan = await new VectorSearch(db).nearestPlan({
    course: SCALE_COURSE,
    embedding: await options.embeddings.embedQuery(options.queries[0] ?? "model drift"),
    model: options.embeddings.modelId,
    k: 30,
    exact: snapshot.bm25.size <= 1_000,
  });
  // The LangChain.js pipeline scans every document per query: fewer queries keep this bounded.
  const baseline = await buildLangChainBaseline(db, SCALE_COURSE, options.embeddings);
  const baselineSamples: number[] = [];
  for (const query of options.queries.slice(0, 3)) await baseline.search(query, 10);
  for (const query of options.queries.slice(0, 30)) {
    const t = performance.now();
    await baseline.search(query, 10);
    baselineSamples.push(performance.now() - t);
  }
  return {
    indexBuildMs: round(indexBuildMs),
    indexLoadMs: round(indexLoadMs),
    indexMiB: round(snapshot.bytes / 2 ** 20, 1),
    searchMs: timed.searchMs,
    searchCpuMs: timed.cpuMs,
    searchStageP50Ms: timed.p50,
    searchStageP95Ms: timed.p95,
    langchainSearchMs: summarize(baselineSamples),
    vectorPlan: plan.filter((line) => /Scan|Sort|Execution Time/.test(line)).map((line) => line.trim()),
  };
}
