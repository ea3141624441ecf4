import type { Db } from "../../src/db/db.ts";
import { UseEmbeddings } from "../../src/embed/sentence-encoder/index.ts";
import { CourseIndexes } from "../../src/retrieve/index/course-index.ts";
import { createReranker } from "../../src/retrieve/rerank/create.ts";
import { HybridSearcher } from "../../src/retrieve/search.ts";
import { openSeededDb } from "./db.ts";

export interface SeededSearcher {
  db: Db;
  embeddings: UseEmbeddings;
  searcher: HybridSearcher;
  close(): Promise<void>;
}

/** The searcher as the tutor wires it (default reranker) over the seeded bundled course. */
export async function openSeededSearcher(): Promise<SeededSearcher> {
  const db = await openSeededDb();
  const embeddings = new UseEmbeddings({ workers: 0 });
  const reranker = await createReranker(
    { reranker: "heuristic", rerankerModelDir: undefined },
    { embeddings },
  );
  const searcher = new HybridSearcher({ db, indexes: new CourseIndexes(db), embeddings, reranker });
  return {
    db,
    embeddings,
    searcher,
    async close() {
      await embeddings.close();
      await db.close();
    },
  };
}
