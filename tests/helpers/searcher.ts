import type { Db } from "../../src/db/db.ts";
import { SentenceEncoderEmbeddings } from "../../src/embed/index.ts";
import { CourseIndexes, createReranker, HybridSearcher } from "../../src/retrieve/index.ts";
import { openSeededDb } from "./db.ts";

export interface SeededSearcher {
  db: Db;
  embeddings: SentenceEncoderEmbeddings;
  searcher: HybridSearcher;
  close(): Promise<void>;
}

/** The searcher as the tutor wires it (default reranker) over the seeded bundled course. */
export async function openSeededSearcher(): Promise<SeededSearcher> {
  const db = await openSeededDb();
  const embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
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
