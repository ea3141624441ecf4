import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../src/app/config.ts";
import { type Queryable, toVectorLiteral } from "../src/db/db.ts";
import { hashText } from "../src/db/index.ts";
import { openDatabase } from "../src/db/open.ts";
import type { CourseEmbeddings } from "../src/embed/embeddings.ts";
import { chunkDocument } from "../src/ingest/chunker.ts";
import { pickLoader } from "../src/ingest/loaders/index.ts";
import { embeddingInput, ingestFolder } from "../src/ingest/sync.ts";
import { titleFromPath } from "../src/ingest/walk.ts";
import { CourseIndexes, createReranker, HybridSearcher } from "../src/retrieve/index.ts";
import { buildLangChainBaseline } from "./langchain.ts";
import { round, summarize } from "./stats.ts";
import { blendVector, type SyntheticDocument, seededRandom, syntheticDocument } from "./synthetic.ts";

export const SECTIONS_PER_DOCUMENT = 20;
const COURSE = "synthetic";

export interface ScalePoint {
  chunks: number;
  documents: number;
  /** Loading, chunking, writing and indexing (HNSW) through `ingestFolder`, vectors from the cache. */
  ingestSeconds: number;
  ingestChunksPerSecond: number;
  /** Chunks that still went through the model (0: every vector came from the pre-filled cache). */
  embeddedByModel: number;
  /** Building the in-memory BM25 index from the database, as a replica does after ingestion. */
  indexLoadMs: number;
  searchMs: ReturnType<typeof summarize>;
  /** Medians of the search's own stages, to show which one grows. */
  searchStageP50Ms: { embed: number; bm25: number; vector: number; rerank: number };
  /** The LangChain.js ensemble over the same chunks and vectors, same queries (fewer of them). */
  langchainSearchMs: ReturnType<typeof summarize>;
}

export interface ScaleOptions {
  workDir: string;
  sizes: readonly number[];
  /** Real course sentences the synthetic sections are made of. */
  sentences: readonly string[];
  /** Real course vectors the synthetic ones are blended from. */
  baseVectors: readonly (readonly number[])[];
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
export async function prefillCache(db: Queryable, model: string, vectors: Map<string, number[]>): Promise<void> {
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

/**
 * Ingestion time and search latency of a synthetic course at each size, each in its own fresh
 * embedded database. Documents are generated once (seeded) and each size takes a prefix of them.
 */
export async function benchScale(options: ScaleOptions): Promise<ScalePoint[]> {
  const largest = Math.max(...options.sizes);
  const random = seededRandom(20_000);
  const documents = Array.from({ length: Math.ceil(largest / SECTIONS_PER_DOCUMENT) }, (_, i) =>
    syntheticDocument(i, SECTIONS_PER_DOCUMENT, options.sentences, random),
  );
  const vectorRandom = seededRandom(512);
  const vectors = new Map<string, number[]>();
  const inputsPerDocument: string[][] = [];
  for (const document of documents) {
    const inputs = await embeddingInputsOf(document);
    inputsPerDocument.push(inputs);
    for (const input of inputs) {
      const hash = hashText(input);
      if (!vectors.has(hash)) vectors.set(hash, blendVector(options.baseVectors, vectorRandom));
    }
  }

  const points: ScalePoint[] = [];
  for (const size of options.sizes) {
    // Enough documents to reach `size` chunks.
    let count = 0;
    let chunks = 0;
    while (chunks < size && count < documents.length) chunks += inputsPerDocument[count++]?.length ?? 0;
    const folder = path.join(options.workDir, `synthetic-${size}`);
    await mkdir(folder, { recursive: true });
    for (const document of documents.slice(0, count)) {
      await writeFile(path.join(folder, document.path), document.markdown);
    }
    const db = await openDatabase({
      databaseUrl: undefined,
      dataDir: path.join(options.workDir, `synthetic-db-${size}`),
    });
    try {
      const needed = new Map<string, number[]>();
      for (const inputs of inputsPerDocument.slice(0, count)) {
        for (const input of inputs) {
          const hash = hashText(input);
          needed.set(hash, vectors.get(hash) as number[]);
        }
      }
      await prefillCache(db, options.embeddings.modelId, needed);
      options.log(`  ${size} chunks: ${count} documents, ${needed.size} cached vectors; ingesting…`);

      const started = performance.now();
      const summary = await ingestFolder({ db, embeddings: options.embeddings, dir: folder, course: COURSE });
      const ingestSeconds = (performance.now() - started) / 1000;

      const indexes = new CourseIndexes(db);
      const loadStarted = performance.now();
      await indexes.get(COURSE);
      const indexLoadMs = performance.now() - loadStarted;
      const reranker = await createReranker(loadConfig({}), { embeddings: options.embeddings });
      const searcher = new HybridSearcher({ db, indexes, embeddings: options.embeddings, reranker });
      for (const query of options.queries.slice(0, 10))
        await searcher.search({ course: COURSE, query, k: 5 });
      const samples: number[] = [];
      const stages = {
        embed: [] as number[],
        bm25: [] as number[],
        vector: [] as number[],
        rerank: [] as number[],
      };
      for (const query of options.queries) {
        const t = performance.now();
        const response = await searcher.search({ course: COURSE, query, k: 5 });
        samples.push(performance.now() - t);
        for (const stage of ["embed", "bm25", "vector", "rerank"] as const)
          stages[stage].push(response.timings[stage]);
      }
      // The LangChain.js pipeline scans every document per query: fewer queries keep this bounded.
      const baseline = await buildLangChainBaseline(db, COURSE, options.embeddings);
      const baselineSamples: number[] = [];
      for (const query of options.queries.slice(0, 3)) await baseline.search(query, 10);
      for (const query of options.queries.slice(0, 30)) {
        const t = performance.now();
        await baseline.search(query, 10);
        baselineSamples.push(performance.now() - t);
      }
      points.push({
        chunks: summary.chunks,
        documents: summary.documents,
        ingestSeconds: round(ingestSeconds),
        ingestChunksPerSecond: round(summary.chunks / ingestSeconds),
        embeddedByModel: summary.embedded,
        indexLoadMs: round(indexLoadMs),
        searchMs: summarize(samples),
        searchStageP50Ms: {
          embed: summarize(stages.embed).p50,
          bm25: summarize(stages.bm25).p50,
          vector: summarize(stages.vector).p50,
          rerank: summarize(stages.rerank).p50,
        },
        langchainSearchMs: summarize(baselineSamples),
      });
    } finally {
      await db.close();
    }
  }
  return points;
}
