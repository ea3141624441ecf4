import type { ChunkRecord } from "../core/chunks.ts";
import { ChunkRepository } from "./chunks.ts";
import type { Db, Queryable } from "./db.ts";

/** A course's chunks in index order, each with its vector of the course's model when it has one. */
export interface CourseChunkRows {
  version: number;
  embeddingModel: string | null;
  embeddingDim: number | null;
  chunks: ChunkRecord[];
  /** Per chunk: pgvector's binary form of its vector, base64 (empty without one). */
  vectors: string[];
  /** The stored index of this version in the asked format, when there is one. */
  stored: string | undefined;
  /** Without a stored index: the mean of the vectors, as pgvector computes it (null without vectors). */
  centroid: number[] | null;
}

type ChunkTuple = [
  string,
  string,
  string,
  string,
  string[],
  string | null,
  string | null,
  number | null,
  number,
  string,
];

/** Stored lexical indexes per course version (migration 012) and the reads that load or build them. */
export class SearchIndexRepository {
  constructor(private readonly db: Db) {}

  /**
   * The course's version, its chunks with their vectors and (unless `useStored` is false, when
   * it proved unreadable) its stored index, read in one
   * repeatable-read transaction so they belong to the same version; undefined for no course.
   * Rows are aggregated in the database: one text per column instead of a value per field.
   */
  async read(course: string, format: string, useStored = true): Promise<CourseChunkRows | undefined> {
    return this.db.transaction(async (tx) => {
      await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      const { rows } = await tx.query<{
        version: string;
        embedding_model: string | null;
        embedding_dim: number | null;
      }>("SELECT version::text AS version, embedding_model, embedding_dim FROM courses WHERE id = $1", [
        course,
      ]);
      const row = rows[0];
      if (!row) return undefined;
      const [chunks, vectors] = await readChunks(tx, course, row.embedding_model);
      const stored = useStored
        ? await tx.query<{ data: string }>(
            "SELECT data FROM course_search_indexes WHERE course_id = $1 AND version = $2::bigint AND format = $3",
            [course, row.version, format],
          )
        : { rows: [] };
      const data = stored.rows[0]?.data;
      const centroid =
        data === undefined && row.embedding_model !== null
          ? await new ChunkRepository(tx).centroid(course, row.embedding_model)
          : null;
      return {
        version: Number(row.version),
        embeddingModel: row.embedding_model,
        embeddingDim: row.embedding_dim,
        chunks,
        vectors,
        stored: data,
        centroid,
      };
    });
  }

  /**
   * Stores a course version's index, replacing an older version's; a newer one already stored
   * (another replica was faster after a later ingestion) is kept.
   */
  async save(
    course: string,
    index: { version: number; format: string; data: string; bytes: number; builtMs: number },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO course_search_indexes (course_id, version, format, bytes, data, built_ms)
       SELECT $1, $2::bigint, $3, $4::bigint, $5, $6::int WHERE EXISTS (SELECT 1 FROM courses WHERE id = $1)
       ON CONFLICT (course_id) DO UPDATE SET
         version = EXCLUDED.version, format = EXCLUDED.format, bytes = EXCLUDED.bytes, data = EXCLUDED.data,
         built_ms = EXCLUDED.built_ms, built_at = now()
       WHERE course_search_indexes.version <= EXCLUDED.version`,
      [course, index.version, index.format, index.bytes, index.data, Math.round(index.builtMs)],
    );
  }

  /** What is stored for a course, without the data. */
  async describe(course: string): Promise<{ version: number; format: string; bytes: number } | undefined> {
    const { rows } = await this.db.query<{ version: string; format: string; bytes: string }>(
      "SELECT version::text AS version, format, bytes::text AS bytes FROM course_search_indexes WHERE course_id = $1",
      [course],
    );
    const row = rows[0];
    return row ? { version: Number(row.version), format: row.format, bytes: Number(row.bytes) } : undefined;
  }
}

async function readChunks(
  tx: Queryable,
  course: string,
  model: string | null,
): Promise<[ChunkRecord[], string[]]> {
  const { rows } = await tx.query<{ chunks: string; vectors: string }>(
    `SELECT coalesce(json_agg(json_build_array(id::text, source, title, heading, heading_path, locator, url, week,
                                               ord, text) ORDER BY source, ord), '[]')::text AS chunks,
            coalesce(string_agg(CASE WHEN embedding_model = $2 THEN encode(vector_send(embedding), 'base64')
                                     ELSE '' END, ',' ORDER BY source, ord), '') AS vectors
       FROM chunks WHERE course_id = $1`,
    [course, model],
  );
  const tuples = JSON.parse(rows[0]?.chunks ?? "[]") as ChunkTuple[];
  const chunks = tuples.map(
    ([id, source, title, heading, headingPath, locator, url, week, ord, text]): ChunkRecord => ({
      chunkId: id,
      courseId: course,
      source,
      title,
      heading,
      headingPath: headingPath ?? [],
      locator,
      url,
      week,
      ord,
      text,
    }),
  );
  const vectors = chunks.length === 0 ? [] : (rows[0]?.vectors ?? "").split(",");
  return [chunks, vectors];
}
