import type { ChunkRecord } from "../../core/chunks.ts";
import type { Queryable } from "../../db/index.ts";
import { embedWithCache } from "../../embed/cache.ts";
import type { CourseEmbeddings } from "../../embed/index.ts";
import { splitSentences } from "../../text/sentences/index.ts";

/** Sentence vectors by chunk id, in the chunk's sentence order. */
export type SentenceVectors = ReadonlyMap<string, readonly Float32Array[]>;

/** Sentences too short to carry a statement (list stubs, labels) are not embedded. */
const MIN_SENTENCE_CHARS = 20;
/** A chunk's first sentences are enough to find the one that answers. */
const MAX_SENTENCES = 24;

/** The sentences of a chunk that are embedded one by one for the reranker. */
export function chunkSentences(text: string): string[] {
  return splitSentences(text)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= MIN_SENTENCE_CHARS)
    .slice(0, MAX_SENTENCES);
}

/**
 * Every candidate's sentences embedded alone, so the reranker can see which chunk holds the one
 * sentence that answers a paraphrase. Vectors come from the embedding cache (filled at ingestion),
 * the model only embeds what the cache lacks, and each course snapshot keeps what it has seen.
 */
export class SentenceVectorCache {
  private readonly bySnapshot = new WeakMap<object, Map<string, Float32Array[]>>();

  constructor(
    private readonly db: Queryable,
    private readonly embeddings: CourseEmbeddings,
  ) {}

  async get(
    snapshot: object,
    chunks: readonly Pick<ChunkRecord, "chunkId" | "text">[],
  ): Promise<SentenceVectors> {
    let known = this.bySnapshot.get(snapshot);
    if (!known) {
      known = new Map();
      this.bySnapshot.set(snapshot, known);
    }
    const missing = chunks.filter((chunk) => !known.has(chunk.chunkId));
    if (missing.length > 0) await this.load(known, missing);
    return new Map(chunks.map((chunk) => [chunk.chunkId, known.get(chunk.chunkId) ?? []]));
  }

  private async load(
    known: Map<string, Float32Array[]>,
    chunks: readonly Pick<ChunkRecord, "chunkId" | "text">[],
  ): Promise<void> {
    const perChunk = chunks.map((chunk) => chunkSentences(chunk.text));
    const { vectors } = await embedWithCache(this.db, this.embeddings, perChunk.flat());
    let at = 0;
    chunks.forEach((chunk, i) => {
      const count = perChunk[i]!.length;
      known.set(
        chunk.chunkId,
        vectors.slice(at, at + count).map((vector) => Float32Array.from(vector)),
      );
      at += count;
    });
  }
}

/** Fills the embedding cache with every sentence of a course's chunks (after ingestion). */
export async function embedCourseSentences(
  db: Queryable,
  embeddings: CourseEmbeddings,
  chunks: readonly Pick<ChunkRecord, "text">[],
): Promise<number> {
  const { computed } = await embedWithCache(
    db,
    embeddings,
    chunks.flatMap((chunk) => chunkSentences(chunk.text)),
  );
  return computed;
}
