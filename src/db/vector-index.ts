import type { Queryable } from "./db.ts";

/** pgvector's HNSW indexes accept at most 2,000 dimensions for `vector`. */
export const MAX_INDEXED_DIMENSIONS = 2000;

export function assertDimension(dim: number): void {
  if (!Number.isInteger(dim) || dim < 1 || dim > 16_000) {
    throw new RangeError(`invalid embedding dimension ${dim}`);
  }
}

/**
 * Each course has its own partial HNSW index per embedding size (migration 012): a filter on the
 * course over one index shared by every course made the planner walk past the other courses'
 * vectors. Vectors larger than pgvector can index are searched exactly.
 */
export class CourseVectorIndexes {
  constructor(private readonly db: Queryable) {}

  /** The index's name, or undefined when the course has none for this size. */
  async find(course: string, dim: number): Promise<string | undefined> {
    assertDimension(dim);
    const { rows } = await this.db.query<{ name: string | null }>(
      "SELECT to_regclass(tutor_course_vector_index_name($1, $2::int))::text AS name",
      [course, dim],
    );
    return rows[0]?.name ?? undefined;
  }

  /**
   * Creates the course's index for `dim` over the vectors it holds now, unless it exists; true
   * when it was created. Building over a course's published rows at once is several times faster
   * than inserting them into an existing index one by one.
   */
  async ensure(course: string, dim: number): Promise<boolean> {
    assertDimension(dim);
    if (dim > MAX_INDEXED_DIMENSIONS) return false;
    const { rows } = await this.db.query<{ created: boolean }>(
      "SELECT tutor_ensure_course_vector_index($1, $2::int) AS created",
      [course, dim],
    );
    return rows[0]?.created === true;
  }

  /** Refreshes the planner's statistics of the chunks table (PGlite never does it on its own). */
  async analyze(): Promise<void> {
    await this.db.query("ANALYZE chunks");
  }
}
