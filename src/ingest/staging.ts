import type { Db, Queryable } from "../db/db.ts";

/**
 * Atomic ingestion per course version. A run writes the documents it adds or changes into a
 * hidden staging course, each in its own transaction, and then publishes them together with the
 * removals and the version bump in one transaction. Readers only ever look at the live course id,
 * so until that transaction commits they keep seeing the previous version in full; a run killed
 * before it leaves the staged documents behind, and the next run keeps the ones whose content is
 * still current instead of writing them again.
 */

// '~' is not allowed in course ids (see src/surfaces/http/schemas.ts), so no real course can collide.
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

export interface StagingArea {
  course: string;
  staging: string;
  /** source → content hash of the documents an earlier, interrupted run already staged. */
  staged: Map<string, string>;
  /** Whether the staging course row exists in the database. */
  exists: boolean;
}

/** The staging area of `course` as an earlier run left it (empty when there is none). */
export async function readStaging(
  db: Queryable,
  course: string,
  embeddingModel: string,
): Promise<StagingArea> {
  const staging = stagingCourseId(course);
  const { rows: courseRows } = await db.query<{ embedding_model: string | null }>(
    "SELECT embedding_model FROM courses WHERE id = $1",
    [staging],
  );
  const area: StagingArea = { course, staging, staged: new Map(), exists: courseRows.length > 0 };
  // Documents staged with another embedding model are of no use to this run.
  if (!area.exists || courseRows[0]?.embedding_model !== embeddingModel) return area;
  const { rows } = await db.query<{ source: string; content_hash: string }>(
    "SELECT source, content_hash FROM documents WHERE course_id = $1",
    [staging],
  );
  for (const row of rows) area.staged.set(row.source, row.content_hash);
  return area;
}

/** Creates the staging course, or empties it when it holds another model's documents. */
export async function prepareStaging(
  db: Queryable,
  area: StagingArea,
  embeddingModel: string,
): Promise<void> {
  if (area.exists && area.staged.size === 0) {
    await db.query("DELETE FROM documents WHERE course_id = $1", [area.staging]);
    await db.query("UPDATE courses SET embedding_model = $2 WHERE id = $1", [area.staging, embeddingModel]);
  }
  await db.query(
    `INSERT INTO courses (id, title, embedding_model, settings)
     VALUES ($1, '', $2, jsonb_build_object('stagingFor', $3::text))
     ON CONFLICT (id) DO NOTHING`,
    [area.staging, embeddingModel, area.course],
  );
  area.exists = true;
}

/** Removes the staging course and whatever it still holds. */
export async function dropStaging(db: Queryable, area: StagingArea): Promise<void> {
  if (!area.exists) return;
  await db.query("DELETE FROM courses WHERE id = $1", [area.staging]);
  area.exists = false;
  area.staged.clear();
}

/** Drops staged documents this run will not publish (the file changed again, or went away). */
export async function discardStaged(
  db: Queryable,
  area: StagingArea,
  keep: ReadonlySet<string>,
): Promise<void> {
  const stale = [...area.staged.keys()].filter((source) => !keep.has(source));
  if (stale.length === 0) return;
  await db.query("DELETE FROM documents WHERE course_id = $1 AND source = ANY($2::text[])", [
    area.staging,
    stale,
  ]);
  for (const source of stale) area.staged.delete(source);
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

/**
 * Makes the staged documents the live version in one transaction: replaced and removed
 * documents go, staged ones move in, the version is bumped and the staging course disappears.
 */
export async function publishStaged(db: Db, area: StagingArea, plan: PublishPlan): Promise<void> {
  await db.transaction(async (tx) => {
    // Serialises publishers of the same course (two replicas ingesting at once).
    await tx.query("SELECT id FROM courses WHERE id = $1 FOR UPDATE", [area.course]);
    await tx.query(
      `DELETE FROM documents
        WHERE course_id = $1
          AND (source = ANY($3::text[]) OR source IN (SELECT source FROM documents WHERE course_id = $2))`,
      [area.course, area.staging, plan.removed],
    );
    await tx.query("UPDATE documents SET course_id = $1 WHERE course_id = $2", [area.course, area.staging]);
    await tx.query(
      "UPDATE chunks SET course_id = $1, embedding_dim = abs(embedding_dim) WHERE course_id = $2",
      [area.course, area.staging],
    );
    await tx.query(
      `UPDATE courses SET
         version = version + $2::int,
         embedding_model = CASE WHEN $3::boolean THEN $4 ELSE embedding_model END,
         embedding_dim = CASE WHEN $3::boolean THEN $5::int ELSE embedding_dim END,
         updated_at = now()
       WHERE id = $1`,
      [area.course, plan.changed ? 1 : 0, plan.recordModel, plan.embeddingModel, plan.embeddingDim],
    );
    await tx.query("DELETE FROM courses WHERE id = $1", [area.staging]);
  });
}
