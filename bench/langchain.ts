import { EnsembleRetriever } from "@langchain/classic/retrievers/ensemble";
import { MemoryVectorStore } from "@langchain/classic/vectorstores/memory";
import { BM25Retriever } from "@langchain/community/retrievers/bm25";
import { Document } from "@langchain/core/documents";
import { fromVectorLiteral, type Queryable } from "../src/db/db.ts";
import type { CourseEmbeddings } from "../src/embed/embeddings.ts";
import { embeddingInput } from "../src/ingest/sync.ts";

/** A chunk as both systems are graded on it: where it comes from and its own text. */
export interface GradedChunk {
  chunkId: string;
  source: string;
  text: string;
}

export interface BaselineRetriever {
  search(query: string, k: number): Promise<GradedChunk[]>;
  chunks: number;
}

/**
 * The pipeline a developer would assemble from LangChain.js parts: `BM25Retriever`
 * (@langchain/community) and a `MemoryVectorStore` retriever fused by `EnsembleRetriever`
 * with equal weights, embedding queries with the same Universal Sentence Encoder. It is given
 * the same chunks and the very vectors the tutor stored (embedded from the chunk text with its
 * title and headings), so the comparison is about retrieval, not about chunking or the model.
 */
export async function buildLangChainBaseline(
  db: Queryable,
  course: string,
  embeddings: CourseEmbeddings,
  k = 10,
): Promise<BaselineRetriever> {
  const { rows } = await db.query<{
    id: string;
    source: string;
    title: string;
    heading_path: string[];
    text: string;
    embedding: string;
  }>(
    `SELECT id::text AS id, source, title, heading_path, text, embedding::text AS embedding
       FROM chunks WHERE course_id = $1 AND embedding_model = $2 ORDER BY source, ord`,
    [course, embeddings.modelId],
  );
  const documents = rows.map(
    (row) =>
      new Document({
        pageContent: embeddingInput(row.title, row.heading_path, row.text),
        metadata: { chunkId: row.id, source: row.source, text: row.text },
      }),
  );
  const store = new MemoryVectorStore(embeddings);
  await store.addVectors(
    rows.map((row) => Array.from(fromVectorLiteral(row.embedding))),
    documents,
  );
  const bm25 = BM25Retriever.fromDocuments(documents, { k });
  const ensemble = new EnsembleRetriever({
    retrievers: [bm25, store.asRetriever({ k })],
    weights: [0.5, 0.5],
  });
  return {
    chunks: documents.length,
    async search(query, limit) {
      const found = await ensemble.invoke(query);
      return found.slice(0, limit).map((doc) => ({
        chunkId: String(doc.metadata.chunkId),
        source: String(doc.metadata.source),
        text: String(doc.metadata.text),
      }));
    },
  };
}
