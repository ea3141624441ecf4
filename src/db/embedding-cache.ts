import { createHash } from "node:crypto";
import { fromVectorLiteral, type Queryable, toVectorLiteral } from "./db.ts";

/** The key a text is stored under, in the embedding cache and on its chunks: its sha256, hex. */
export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The `embedding_cache` table: vectors by (model, sha256 of the text), shared by every course. */
export class EmbeddingCacheRepository {
  constructor(private readonly db: Queryable) {}

  /** The cached vectors of `model` among `hashes`, by hash. */
  async find(model: string, hashes: string[]): Promise<Map<string, number[]>> {
    const { rows } = await this.db.query<{ content_hash: string; embedding: string }>(
      `SELECT content_hash, embedding::text AS embedding FROM embedding_cache
        WHERE model = $1 AND content_hash = ANY($2::text[])`,
      [model, hashes],
    );
    return new Map(rows.map((row) => [row.content_hash, Array.from(fromVectorLiteral(row.embedding))]));
  }

  /** Stores many vectors in one statement; ones already cached are kept. */
  async storeMany(
    model: string,
    entries: readonly { hash: string; vector: readonly number[] }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.db.query(
      `INSERT INTO embedding_cache (model, content_hash, embedding)
       SELECT $1, hash, embedding::vector FROM unnest($2::text[], $3::text[]) AS given(hash, embedding)
       ON CONFLICT DO NOTHING`,
      [model, entries.map((e) => e.hash), entries.map((e) => toVectorLiteral(e.vector))],
    );
  }
}
