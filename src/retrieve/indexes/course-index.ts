import type { ChunkRecord } from "../../core/chunks.ts";
import type { Queryable } from "../../db/db.ts";
import { contentWordsBySentence } from "../../text/terms.ts";
import { Bm25Index, defaultBm25Options } from "./bm25.ts";
import { TermAssociations } from "./term-associations.ts";

interface ChunkRow {
  id: string;
  course_id: string;
  source: string;
  title: string;
  heading: string;
  heading_path: string[];
  locator: string | null;
  url: string | null;
  week: number | null;
  ord: number;
  text: string;
}

export function toChunkRecord(row: ChunkRow): ChunkRecord {
  return {
    chunkId: String(row.id),
    courseId: row.course_id,
    source: row.source,
    title: row.title,
    heading: row.heading,
    headingPath: row.heading_path,
    locator: row.locator,
    url: row.url,
    week: row.week,
    ord: row.ord,
    text: row.text,
  };
}

export const CHUNK_COLUMNS_SQL =
  "id::text AS id, course_id, source, title, heading, heading_path, locator, url, week, ord, text";

export interface CourseSnapshot {
  course: string;
  version: number;
  embeddingModel: string | null;
  embeddingDim: number | null;
  bm25: Bm25Index;
  /** Which course terms share sentences: hybrid search expands queries with them. */
  associations: TermAssociations;
  loadedAt: number;
}

export class UnknownCourseError extends Error {
  override name = "UnknownCourseError";
  constructor(readonly course: string) {
    super(`unknown course "${course}"`);
  }
}

interface CourseVersionRow {
  version: string;
  embedding_model: string | null;
  embedding_dim: number | null;
}

/**
 * In-memory indexes per course, rebuilt from the database (never from files). Each lookup
 * checks the course's version, at most once per `checkIntervalMs`, so a replica notices
 * another replica's ingestion without a restart.
 */
export class CourseIndexes {
  private readonly snapshots = new Map<string, CourseSnapshot>();
  private readonly building = new Map<string, Promise<CourseSnapshot>>();
  private readonly lastChecked = new Map<string, number>();

  constructor(
    private readonly db: Queryable,
    private readonly checkIntervalMs = 1_000,
  ) {}

  /** The current snapshot of a course; throws UnknownCourseError when the course does not exist. */
  async get(course: string): Promise<CourseSnapshot> {
    const current = this.snapshots.get(course);
    const now = Date.now();
    if (current && now - (this.lastChecked.get(course) ?? 0) < this.checkIntervalMs) return current;
    const { rows } = await this.db.query<CourseVersionRow>(
      "SELECT version::text AS version, embedding_model, embedding_dim FROM courses WHERE id = $1",
      [course],
    );
    const row = rows[0];
    if (!row) {
      this.snapshots.delete(course);
      throw new UnknownCourseError(course);
    }
    this.lastChecked.set(course, now);
    if (current && current.version === Number(row.version)) return current;
    return this.rebuild(course);
  }

  /** Rebuilds a course's indexes now (after an ingestion in this process). */
  rebuild(course: string): Promise<CourseSnapshot> {
    const pending = this.building.get(course);
    if (pending) return pending;
    const build = this.load(course).finally(() => this.building.delete(course));
    this.building.set(course, build);
    return build;
  }

  loaded(course: string): CourseSnapshot | undefined {
    return this.snapshots.get(course);
  }

  forget(course: string): void {
    this.snapshots.delete(course);
    this.lastChecked.delete(course);
  }

  private async load(course: string): Promise<CourseSnapshot> {
    // Version first: if ingestion commits between the two reads, the next check reloads again.
    const { rows: courseRows } = await this.db.query<CourseVersionRow>(
      "SELECT version::text AS version, embedding_model, embedding_dim FROM courses WHERE id = $1",
      [course],
    );
    const courseRow = courseRows[0];
    if (!courseRow) throw new UnknownCourseError(course);
    const { rows } = await this.db.query<ChunkRow>(
      `SELECT ${CHUNK_COLUMNS_SQL} FROM chunks WHERE course_id = $1 ORDER BY source, ord`,
      [course],
    );
    // Each text is analysed once, sentence by sentence: BM25 indexes the words, the term
    // associations count which of them share a sentence.
    const chunks = rows.map(toChunkRecord);
    const analysed = chunks.map((chunk) => contentWordsBySentence(chunk.text));
    const bodyTerms = new Map(
      chunks.map((chunk, i) => [chunk.chunkId, (analysed[i] ?? []).flat().map((w) => w.term)]),
    );
    const snapshot: CourseSnapshot = {
      course,
      version: Number(courseRow.version),
      embeddingModel: courseRow.embedding_model,
      embeddingDim: courseRow.embedding_dim,
      bm25: new Bm25Index(chunks, defaultBm25Options, bodyTerms),
      associations: new TermAssociations(analysed),
      loadedAt: Date.now(),
    };
    this.snapshots.set(course, snapshot);
    this.lastChecked.set(course, Date.now());
    return snapshot;
  }
}
