import { EmbeddingCacheRepository, hashText, type Queryable } from "../db/index.ts";
import type { CourseEmbeddings, ProgressCallback } from "./embeddings.ts";

export interface CachedEmbeddingResult {
  vectors: number[][];
  /** How many texts had to go through the model (the rest came from the cache). */
  computed: number;
}

const LOOKUP_BATCH = 500;
/**
 * Texts embedded between two writes to the cache: a run killed midway loses at most this much
 * model work (a few seconds on two cores), and a slice keeps every worker's batches busy.
 */
export const CACHE_WRITE_BATCH = 64;

/**
 * Embeds texts through the database-backed cache keyed by (model, sha256 of the text): a text
 * seen before, in any course, is never embedded again. Duplicates within one call embed once.
 * Vectors reach the cache slice by slice as they are made, so a run that dies while embedding
 * leaves what it finished for the next run.
 */
export async function embedWithCache(
  db: Queryable,
  embeddings: CourseEmbeddings,
  texts: string[],
  onProgress?: ProgressCallback,
): Promise<CachedEmbeddingResult> {
  const cache = new EmbeddingCacheRepository(db);
  const hashes = texts.map(hashText);
  const known = new Map<string, number[]>();
  const unique = [...new Set(hashes)];
  for (let i = 0; i < unique.length; i += LOOKUP_BATCH) {
    const found = await cache.find(embeddings.modelId, unique.slice(i, i + LOOKUP_BATCH));
    for (const [hash, vector] of found) known.set(hash, vector);
  }

  const missing: { hash: string; text: string }[] = [];
  const queued = new Set<string>();
  hashes.forEach((hash, i) => {
    if (!known.has(hash) && !queued.has(hash)) {
      queued.add(hash);
      missing.push({ hash, text: texts[i] as string });
    }
  });
  const cachedCount = texts.length - missing.length;
  onProgress?.(cachedCount, texts.length);
  for (let start = 0; start < missing.length; start += CACHE_WRITE_BATCH) {
    const slice = missing.slice(start, start + CACHE_WRITE_BATCH);
    const fresh = await embeddings.embedMany(
      slice.map((m) => m.text),
      (done) => onProgress?.(cachedCount + start + done, texts.length),
    );
    const entries = slice.map((m, i) => ({ hash: m.hash, vector: fresh[i] as number[] }));
    await cache.storeMany(embeddings.modelId, entries);
    for (const entry of entries) known.set(entry.hash, entry.vector);
  }
  return { vectors: hashes.map((h) => known.get(h) as number[]), computed: missing.length };
}
