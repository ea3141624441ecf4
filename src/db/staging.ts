import type { Chunk, LoadedDocument } from "../ingest/types.ts";
import { type Queryable, toVectorLiteral } from "./db.ts";
import { hashText } from "./embedding-cache.ts";

/**
 * Ingestion's staging area is a hidden course row, `<course>~staging`, holding the documents a run
 * has written but not published yet. '~' is not allowed in course ids (see
 * src/surfaces/http/schemas.ts), so no real course can collide.
 */
const STAGING_SUFFIX = "~staging";

export function stagingCourseId(course: string): string {
  return `${course}${STAGING_SUFFIX}`;
}

export function isStagingCourseId(id: string): boolean {
  return id.endsWith(STAGING_SUFFIX);
}

/** SQL condition that keeps staging rows out of course listings: `WHERE ${liveCoursesOnly("c.id")}`. */
export function liveCoursesOnly(column: string): string {
  return `right(${column}, ${STAGING_SUFFIX.length}) <> '${STAGING_SUFFIX}'`;
}

/**
 * Staged chunks carry their dimension negated. The HNSW indexes are partial
 * (`WHERE embedding_dim = N`), so staged vectors stay out of them and enter the index once, when
 * publishing flips the sign, instead of once when staged and again when moved.
 */
export function stagedDimension(dim: number): number {
  return -dim;
}

/** One document to stage: its file, content hash, loaded text and chunks. */
export interface StagedDocument {
  source: string;
  hash: string;
  doc: LoadedDocument;
  chunks: Chunk[];
}

export interface PublishPlan {
  /** Live documents to delete because their file disappeared. */
  removed: string[];
  /** Whether anything changed, which bumps the course version. */
  changed: boolean;
  /** Record this model on the course (a changed course, or one that never had a model). */
  recordModel: boolean;
  embeddingModel: string;
  embeddingDim: number;
}

const CHUNK_COLUMNS = 15;
const CHUNK_INSERT_BATCH = 40;

/** The SQL of staging: the hidden course row, staged documents and chunks, and publishing them. */
export class StagingRepository {
  constructor(private readonly db: Queryable) {}

  /** The staging course's embedding model; `undefined` when there is no staging course. */
  async find(staging: string): Promise<{ embeddingModel: string | null } | undefined> {
    const { rows } = await this.db.query<{ embedding_model: string | null }>(
      "SELECT embedding_model FROM courses WHERE id = $1",
      [staging],
    );
    return rows[0] ? { embeddingModel: rows[0].embedding_model } : undefined;
  }

  /** Empties the staging course and records the model its next documents are made with. */
  async reset(staging: string, embeddingModel: string): Promise<void> {
    await this.db.query("DELETE FROM documents WHERE course_id = $1", [staging]);
    await this.db.query("UPDATE courses SET embedding_model = $2 WHERE id = $1", [staging, embeddingModel]);
  }

  async create(staging: string, embeddingModel: string, course: string): Promise<void> {
    await this.db.query(
      `INSERT INTO courses (id, title, embedding_model, settings)
     VALUES ($1, '', $2, jsonb_build_object('stagingFor', $3::text))
     ON CONFLICT (id) DO NOTHING`,
      [staging, embeddingModel, course],
    );
  }

  /** Deletes the staging course with whatever it still holds. */
  async drop(staging: string): Promise<void> {
    await this.db.query("DELETE FROM courses WHERE id = $1", [staging]);
  }

  async discard(staging: string, sources: string[]): Promise<void> {
    await this.db.query("DELETE FROM documents WHERE course_id = $1 AND source = ANY($2::text[])", [
      staging,
      sources,
    ]);
  }

  /** Writes (or rewrites) one staged document with its chunks and their vectors. */
  async writeDocument(
    staging: string,
    item: StagedDocument,
    vectors: number[][],
    model: string,
  ): Promise<void> {
    const documentId = await this.upsertDocument(staging, item);
    await this.db.query("DELETE FROM chunks WHERE document_id = $1", [documentId]);
    for (let start = 0; start < item.chunks.length; start += CHUNK_INSERT_BATCH) {
      await this.insertChunks(staging, documentId, item, start, vectors, model);
    }
  }

  private async upsertDocument(staging: string, item: StagedDocument): Promise<string> {
    const { doc } = item;
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO documents (course_id, source, title, url, week, format, content_hash, chunk_count, meta, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, now())
     ON CONFLICT (course_id, source) DO UPDATE SET
       title = EXCLUDED.title, url = EXCLUDED.url, week = EXCLUDED.week, format = EXCLUDED.format,
       content_hash = EXCLUDED.content_hash, chunk_count = EXCLUDED.chunk_count, meta = EXCLUDED.meta,
       updated_at = now()
     RETURNING id`,
      [
        staging,
        item.source,
        doc.title,
        doc.url ?? null,
        doc.week ?? null,
        doc.format,
        item.hash,
        item.chunks.length,
        JSON.stringify(doc.meta),
      ],
    );
    return rows[0]?.id as string;
  }

  /** Inserts the batch of chunks that begins at `start`, in one statement. */
  private async insertChunks(
    staging: string,
    documentId: string,
    item: StagedDocument,
    start: number,
    vectors: number[][],
    model: string,
  ): Promise<void> {
    const { doc } = item;
    const batch = item.chunks.slice(start, start + CHUNK_INSERT_BATCH);
    const params: (string | number | string[] | null)[] = [];
    const tuples = batch.map((chunk, i) => {
      const vector = vectors[start + i] as number[];
      params.push(
        staging,
        documentId,
        chunk.ord,
        item.source,
        doc.title,
        chunk.heading,
        chunk.headingPath,
        chunk.locator ?? null,
        doc.week ?? null,
        chunk.text,
        hashText(chunk.text),
        toVectorLiteral(vector),
        stagedDimension(vector.length),
        model,
        doc.url ?? null,
      );
      const base = i * CHUNK_COLUMNS;
      const slots = Array.from({ length: CHUNK_COLUMNS }, (_, k) => `$${base + k + 1}`);
      slots[11] = `${slots[11]}::vector`;
      slots[6] = `${slots[6]}::text[]`;
      return `(${slots.join(", ")})`;
    });
    await this.db.query(
      `INSERT INTO chunks (course_id, document_id, ord, source, title, heading, heading_path, locator, week,
                           text, content_hash, embedding, embedding_dim, embedding_model, url)
       VALUES ${tuples.join(", ")}`,
      params,
    );
  }

  /**
   * Inside the caller's transaction: replaced and removed live documents go, the staged ones move
   * in, the version is bumped and the staging course disappears.
   */
  async publish(course: string, staging: string, plan: PublishPlan): Promise<void> {
    // Serialises publishers of the same course (two replicas ingesting at once).
    await this.db.query("SELECT id FROM courses WHERE id = $1 FOR UPDATE", [course]);
    await this.db.query(
      `DELETE FROM documents
        WHERE course_id = $1
          AND (source = ANY($3::text[]) OR source IN (SELECT source FROM documents WHERE course_id = $2))`,
      [course, staging, plan.removed],
    );
    await this.db.query("UPDATE documents SET course_id = $1 WHERE course_id = $2", [course, staging]);
    await this.db.query(
      "UPDATE chunks SET course_id = $1, embedding_dim = abs(embedding_dim) WHERE course_id = $2",
      [course, staging],
    );
    await this.db.query(
      `UPDATE courses SET
         version = version + $2::int,
         embedding_model = CASE WHEN $3::boolean THEN $4 ELSE embedding_model END,
         embedding_dim = CASE WHEN $3::boolean THEN $5::int ELSE embedding_dim END,
         updated_at = now()
       WHERE id = $1`,
      [course, plan.changed ? 1 : 0, plan.recordModel, plan.embeddingModel, plan.embeddingDim],
    );
    await this.db.query("DELETE FROM courses WHERE id = $1", [staging]);
  }

  /**
   * Inside the caller's transaction: deletes live documents of the course (their chunks go with
   * them) and, when any existed, bumps the version so every replica reloads its indexes.
   */
  async removeLive(course: string, sources: string[]): Promise<number> {
    await this.db.query("SELECT id FROM courses WHERE id = $1 FOR UPDATE", [course]);
    const { rows } = await this.db.query<{ id: string }>(
      "DELETE FROM documents WHERE course_id = $1 AND source = ANY($2::text[]) RETURNING id",
      [course, sources],
    );
    if (rows.length > 0) {
      await this.db.query("UPDATE courses SET version = version + 1, updated_at = now() WHERE id = $1", [
        course,
      ]);
    }
    return rows.length;
  }
}
