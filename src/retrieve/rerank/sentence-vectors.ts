import type { ChunkRecord } from "../../core/chunks.ts";
import { withDefaults } from "../../core/options.ts";
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

export interface SentenceVectorCacheOptions {
  /** Chunks whose sentence vectors are kept, across courses; the least recently read go first. */
  maxChunks: number;
}

/** About 40 MiB: a chunk of 1,000 characters has eight or so sentences of 512 floats. */
export const sentenceVectorCacheDefaults: SentenceVectorCacheOptions = { maxChunks: 2_048 };

/**
 * Every candidate's sentences embedded alone, so the reranker can see which chunk holds the one
 * sentence that answers a paraphrase. Vectors come from the embedding cache (filled at ingestion),
 * the model only embeds what the cache lacks, and the most recently read chunks' vectors are kept
 * here by chunk id (a chunk's text never changes under its id, whatever the course's version).
 */
export class SentenceVectorCache {
  private readonly known = new Map<string, Float32Array[]>();
  private readonly options: SentenceVectorCacheOptions;

  constructor(
    private readonly db: Queryable,
    private readonly embeddings: CourseEmbeddings,
    options: Partial<SentenceVectorCacheOptions> = {},
  ) {
    this.options = withDefaults(sentenceVectorCacheDefaults, options);
  }

  /** How many chunks' vectors are held now. */
  get size(): number {
    return this.known.size;
  }

  async get(chunks: readonly Pick<ChunkRecord, "chunkId" | "text">[]): Promise<SentenceVectors> {
    const found = new Map<string, Float32Array[]>();
    const missing: Pick<ChunkRecord, "chunkId" | "text">[] = [];
    for (const chunk of chunks) {
      const vectors = this.known.get(chunk.chunkId);
      if (vectors) found.set(chunk.chunkId, vectors);
      else missing.push(chunk);
    }
    if (missing.length > 0) await this.load(found, missing);
    for (const [id, vectors] of found) this.keep(id, vectors);
    return new Map(chunks.map((chunk) => [chunk.chunkId, found.get(chunk.chunkId) ?? []]));
  }

  /** Map order is recency order: re-inserting moves a chunk to the newest end. */
  private keep(id: string, vectors: Float32Array[]): void {
    this.known.delete(id);
    this.known.set(id, vectors);
    for (const oldest of this.known.keys()) {
      if (this.known.size <= this.options.maxChunks) break;
      this.known.delete(oldest);
    }
  }

  private async load(
    found: Map<string, Float32Array[]>,
    chunks: readonly Pick<ChunkRecord, "chunkId" | "text">[],
  ): Promise<void> {
    const perChunk = chunks.map((chunk) => chunkSentences(chunk.text));
    const { vectors } = await embedWithCache(this.db, this.embeddings, perChunk.flat());
    let at = 0;
    chunks.forEach((chunk, i) => {
      const count = perChunk[i]!.length;
      found.set(
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
