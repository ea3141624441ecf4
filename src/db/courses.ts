import type { Queryable } from "./db.ts";

export interface CourseSummary {
  id: string;
  title: string;
}

/** A course as the admin listing shows it. */
export interface CourseListing {
  id: string;
  title: string;
  version: number;
  embeddingModel: string | null;
  documents: number;
  chunks: number;
}

/** What decides whether a course's in-memory indexes are current. */
export interface CourseVersion {
  version: number;
  embeddingModel: string | null;
  embeddingDim: number | null;
}

/** Every read and write of the `courses` table that is not part of ingestion's staging. */
export class CourseRepository {
  constructor(private readonly db: Queryable) {}

  async find(id: string): Promise<CourseSummary | undefined> {
    const { rows } = await this.db.query<CourseSummary>("SELECT id, title FROM courses WHERE id = $1", [id]);
    return rows[0];
  }

  /** Every course but ingestion's hidden staging rows, by id, with its material counts. */
  async listLive(): Promise<CourseListing[]> {
    const { rows } = await this.db.query<{
      id: string;
      title: string;
      version: string;
      embedding_model: string | null;
      documents: number;
      chunks: number;
    }>(
      `SELECT c.id, c.title, c.version::text AS version, c.embedding_model,
              (SELECT count(*)::int FROM documents d WHERE d.course_id = c.id) AS documents,
              (SELECT count(*)::int FROM chunks k WHERE k.course_id = c.id) AS chunks
         FROM courses c WHERE c.id NOT LIKE '%~%' ORDER BY c.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      version: Number(r.version),
      embeddingModel: r.embedding_model,
      documents: r.documents,
      chunks: r.chunks,
    }));
  }

  /** Creates a course; `false` when one with this id exists already. */
  async create(id: string, title: string): Promise<boolean> {
    const { rows } = await this.db.query<{ id: string }>(
      "INSERT INTO courses (id, title) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id",
      [id, title],
    );
    return rows[0] !== undefined;
  }

  async createIfMissing(id: string): Promise<void> {
    await this.db.query("INSERT INTO courses (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", [id]);
  }

  /**
   * Creates the course or, when `title` is not empty, renames it; returns its embedding model
   * (`null` while it has never been ingested).
   */
  async upsert(id: string, title: string): Promise<{ embeddingModel: string | null }> {
    await this.db.query(
      `INSERT INTO courses (id, title) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET title = CASE WHEN $2 = '' THEN courses.title ELSE $2 END`,
      [id, title],
    );
    const { rows } = await this.db.query<{ id: string; embedding_model: string | null }>(
      "SELECT id, embedding_model FROM courses WHERE id = $1",
      [id],
    );
    return { embeddingModel: (rows[0] as { embedding_model: string | null }).embedding_model };
  }

  async version(id: string): Promise<CourseVersion | undefined> {
    const { rows } = await this.db.query<{
      version: string;
      embedding_model: string | null;
      embedding_dim: number | null;
    }>("SELECT version::text AS version, embedding_model, embedding_dim FROM courses WHERE id = $1", [id]);
    const row = rows[0];
    if (!row) return undefined;
    return {
      version: Number(row.version),
      embeddingModel: row.embedding_model,
      embeddingDim: row.embedding_dim,
    };
  }

  async recordEmbeddingModel(id: string, model: string, dim: number): Promise<void> {
    await this.db.query("UPDATE courses SET embedding_model = $2, embedding_dim = $3::int WHERE id = $1", [
      id,
      model,
      dim,
    ]);
  }

  /** The stored `allowedOrigins` setting as it is (unvalidated); `undefined` when unset or no course. */
  async allowedOrigins(id: string): Promise<unknown> {
    const { rows } = await this.db.query<{ origins: unknown }>(
      "SELECT settings->'allowedOrigins' AS origins FROM courses WHERE id = $1",
      [id],
    );
    return rows[0]?.origins;
  }

  /**
   * Sets the course's allowed origins, or with `null` removes the setting; its other settings stay.
   * `false` when the course does not exist.
   */
  async setAllowedOrigins(id: string, origins: readonly string[] | null): Promise<boolean> {
    const { rowCount } =
      origins === null
        ? await this.db.query(
            "UPDATE courses SET settings = settings - 'allowedOrigins', updated_at = now() WHERE id = $1",
            [id],
          )
        : await this.db.query(
            `UPDATE courses SET settings = jsonb_set(settings, '{allowedOrigins}', $2::jsonb), updated_at = now()
            WHERE id = $1`,
            [id, JSON.stringify(origins)],
          );
    return rowCount > 0;
  }
}
