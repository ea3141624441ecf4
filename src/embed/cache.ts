import { createHash } from "node:crypto";
import { fromVectorLiteral, type Queryable, toVectorLiteral } from "../db/db.ts";
import type { CourseEmbeddings, ProgressCallback } from "./embeddings.ts";

export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export interface CachedEmbeddingResult {
  vectors: number[][];
  /** How many texts had to go through the model (the rest came from the cache). */
  computed: number;
}

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
  const hashes = texts.map(hashText);
  const known = new Map<string, number[]>();
  const unique = [...new Set(hashes)];
  const LOOKUP_BATCH = 500;
  for (let i = 0; i < unique.length; i += LOOKUP_BATCH) {
    const { rows } = await db.query<{ content_hash: string; embedding: string }>(
      "SELECT content_hash, embedding::text AS embedding FROM embedding_cache WHERE model = $1 AND content_hash = ANY($2::text[])",
      [embeddings.modelId, unique.slice(i, i + LOOKUP_BATCH)],
    );
    for (const row of rows) known.set(row.content_hash, Array.from(fromVectorLiteral(row.embedding)));
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
      await db.query(
        "INSERT INTO embedding_cache (model, content_hash, embedding) VALUES ($1, $2, $3::vector) ON CONFLICT DO NOTHING",
        [embeddings.modelId, entry.hash, toVectorLiteral(vector)],
      );
    }
  }
  return { vectors: hashes.map((h) => known.get(h) as number[]), computed: missing.length };
}
