/**
 * The bundled course (or another) as the guard scripts read it: the searcher, query rewriter
 * and embedder wired as the tutor wires them, over a database ingested from --corpus or loaded
 * from a PGlite dump (--dump, e.g. the test suite's cached one in .tmp/test-cache/). The embedder
 * is the sentence encoder, or the model folder given with --model-dir (e.g. /work/models/minilm,
 * as EMBEDDING_MODEL names it), with that model's no-answer thresholds.
 */
import path from "node:path";
import { calibrationFor } from "../src/answer/calibration/index.ts";
import type { ConfidenceThresholds } from "../src/answer/index.ts";
import { packageRoot } from "../src/core/paths.ts";
import type { Db } from "../src/db/db.ts";
import type { CourseEmbeddings } from "../src/embed/index.ts";
import {
  CourseIndexes,
  CourseQueryRewriter,
  createReranker,
  HybridSearcher,
  lexiconsFromIndexes,
} from "../src/retrieve/index.ts";
import { fittingEmbeddings, openCourseDb } from "./fit-reranker.ts";

export interface GuardCourse {
  db: Db;
  embeddings: CourseEmbeddings;
  /** The embedder's no-answer thresholds, as the tutor reads them. */
  confidence: ConfidenceThresholds;
  searcher: HybridSearcher;
  rewriter: CourseQueryRewriter;
  close(): Promise<void>;
}

export const courseArgs = {
  course: { type: "string", default: "aie101" },
  corpus: { type: "string", default: path.join(packageRoot, "corpus") },
  dump: { type: "string" },
  /** A data folder already ingested with the model (e.g. data/eval-<model>/pglite). */
  data: { type: "string" },
  "model-dir": { type: "string" },
} as const;

export async function openGuardCourse(options: {
  course: string;
  corpus: string;
  dump?: string;
  data?: string;
  "model-dir"?: string;
}): Promise<GuardCourse> {
  const modelDir = options["model-dir"];
  const db = await openCourseDb({ ...options, ...(modelDir ? { modelDir } : {}) });
  await db.query("SET hnsw.iterative_scan = relaxed_order");
  const embeddings = await fittingEmbeddings(modelDir, 0);
  const reranker = await createReranker(
    { reranker: "heuristic", rerankerModelDir: undefined },
    { embeddings },
  );
  const indexes = new CourseIndexes(db);
  const searcher = new HybridSearcher({ db, indexes, embeddings, reranker });
  return {
    db,
    embeddings,
    confidence: (await calibrationFor(embeddings.modelId)).confidence,
    searcher,
    rewriter: new CourseQueryRewriter(lexiconsFromIndexes(indexes)),
    async close() {
      await embeddings.close();
      await db.close();
    },
  };
}
