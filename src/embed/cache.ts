import { EmbeddingCacheRepository, hashText, type Queryable } from "../db/index.ts";
import type { CourseEmbeddings, ProgressCallback } from "./embeddings.ts";

export interface CachedEmbeddingResult {
  vectors: number[][];
  /** How many texts had to go through the model (the rest came from the cache). */
  computed: number;
}

const LOOKUP_BATCH = 500;

/**
 * Embeds texts through the database-backed cache keyed by (model, sha256 of the text): a text
 * seen before, in any course, is never embedded again. Duplicates within one call embed once.
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
  if (missing.length > 0) {
    const fresh = await embeddings.embedMany(
      missing.map((m) => m.text),
      (done) => onProgress?.(cachedCount + done, texts.length),
    );
    for (let i = 0; i < missing.length; i++) {
      const entry = missing[i] as { hash: string };
      const vector = fresh[i] as number[];
      known.set(entry.hash, vector);
      await cache.store(embeddings.modelId, entry.hash, vector);
    }
  }
  return { vectors: hashes.map((h) => known.get(h) as number[]), computed: missing.length };
}
