import {
  type Db,
  DocumentRepository,
  type PublishPlan,
  type Queryable,
  StagingRepository,
  stagingCourseId,
} from "../db/index.ts";

/**
 * Atomic ingestion per course version. A run writes the documents it adds or changes into a
 * hidden staging course, each in its own transaction, and then publishes them together with the
 * removals and the version bump in one transaction. Readers only ever look at the live course id,
 * so until that transaction commits they keep seeing the previous version in full; a run killed
 * before it leaves the staged documents behind, and the next run keeps the ones whose content is
 * still current instead of writing them again.
 */

export { stagingCourseId } from "../db/index.ts";

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
  const found = await new StagingRepository(db).find(staging);
  const area: StagingArea = { course, staging, staged: new Map(), exists: found !== undefined };
  // Documents staged with another embedding model are of no use to this run.
  if (!found || found.embeddingModel !== embeddingModel) return area;
  area.staged = await new DocumentRepository(db).contentHashes(staging);
  return area;
}

/** Creates the staging course, or empties it when it holds another model's documents. */
export async function prepareStaging(
  db: Queryable,
  area: StagingArea,
  embeddingModel: string,
): Promise<void> {
  const repository = new StagingRepository(db);
  if (area.exists && area.staged.size === 0) await repository.reset(area.staging, embeddingModel);
  await repository.create(area.staging, embeddingModel, area.course);
  area.exists = true;
}

/** Removes the staging course and whatever it still holds. */
export async function dropStaging(db: Queryable, area: StagingArea): Promise<void> {
  if (!area.exists) return;
  await new StagingRepository(db).drop(area.staging);
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
  await new StagingRepository(db).discard(area.staging, stale);
  for (const source of stale) area.staged.delete(source);
}

/**
 * Makes the staged documents the live version in one transaction: replaced and removed
 * documents go, staged ones move in, the version is bumped and the staging course disappears.
 */
export async function publishStaged(db: Db, area: StagingArea, plan: PublishPlan): Promise<void> {
  await db.transaction((tx) => new StagingRepository(tx).publish(area.course, area.staging, plan));
}
