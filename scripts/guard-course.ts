/**
 * The bundled course (or another) as the guard scripts read it: the searcher, query rewriter
 * and embedder wired as the tutor wires them, over a database ingested from --corpus or loaded
 * from a PGlite dump (--dump, e.g. the test suite's cached one in .tmp/test-cache/).
 */
import path from "node:path";
import { packageRoot } from "../src/core/paths.ts";
import type { Db } from "../src/db/db.ts";
import { SentenceEncoderEmbeddings } from "../src/embed/index.ts";
import { CourseIndexes, CourseQueryRewriter, createReranker, HybridSearcher, lexiconsFromIndexes } from "../src/retrieve/index.ts";
import { openCourseDb } from "./fit-reranker.ts";

export interface GuardCourse {
  db: Db;
  embeddings: SentenceEncoderEmbeddings;
  searcher: HybridSearcher;
  rewriter: CourseQueryRewriter;
  close(): Promise<void>;
}

export const courseArgs = {
  course: { type: "string", default: "aie101" },
  corpus: { type: "string", default: path.join(packageRoot, "corpus") },
  dump: { type: "string" },
} as const;

export async function openGuardCourse(options: { course: string; corpus: string; dump?: string }): Promise<GuardCourse> {
  const db = await openCourseDb(options);
  await db.query("SET hnsw.iterative_scan = relaxed_order");
  const embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
  const reranker = await createReranker({ reranker: "heuristic", rerankerModelDir: undefined }, { embeddings });
  const indexes = new CourseIndexes(db);
  const searcher = new HybridSearcher({ db, indexes, embeddings, reranker });
  return {
    db,
    embeddings,
    searcher,
    rewriter: new CourseQueryRewriter(lexiconsFromIndexes(indexes)),
    async close() {
      await embeddings.close();
      await db.close();
    },
  };
}
