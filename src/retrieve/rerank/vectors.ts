import { ChunkRepository, type Queryable } from "../../db/index.ts";

/** Stored chunk embeddings by chunk id, for the reranker's cosine feature and for MMR. */
export type ChunkVectors = ReadonlyMap<string, Float32Array>;

/**
 * Keeps the stored embeddings of chunks that were candidates once, per course snapshot: the same
 * chunks come back query after query, and reading vectors out of pgvector costs more than the
 * rest of reranking. A new snapshot (after ingestion) starts a new cache, so vectors of replaced
 * chunks are never reused.
 */
export class ChunkVectorCache {
  private readonly bySnapshot = new WeakMap<object, Map<string, Float32Array>>();
  private readonly centroids = new WeakMap<object, Map<string, Promise<Float32Array | undefined>>>();

  constructor(
    private readonly db: Queryable,
    /** Vectors kept per snapshot; a course larger than this refetches its least recent ones. */
    private readonly maxPerSnapshot = 50_000,
  ) {}

  /** The stored vectors of `ids` made by `model`, fetching the missing ones in one query. */
  async get(snapshot: object, model: string, ids: readonly string[]): Promise<ChunkVectors> {
    let known = this.bySnapshot.get(snapshot);
    if (!known) {
      known = new Map();
      this.bySnapshot.set(snapshot, known);
    }
    const result = new Map<string, Float32Array>();
    const missing: string[] = [];
    for (const id of ids) {
      const vector = known.get(id);
      if (vector) result.set(id, vector);
      else missing.push(id);
    }
    if (missing.length === 0) return result;
    for (const row of await new ChunkRepository(this.db).vectors(missing, model)) {
      const vector = Float32Array.from(row.embedding);
      if (known.size >= this.maxPerSnapshot) known.delete(known.keys().next().value as string);
      known.set(row.id, vector);
      result.set(row.id, vector);
    }
    return result;
  }

  /** The course centroid for `model`, computed once per snapshot. */
  centroid(snapshot: object, course: string, model: string): Promise<Float32Array | undefined> {
    let byModel = this.centroids.get(snapshot);
    if (!byModel) {
      byModel = new Map();
      this.centroids.set(snapshot, byModel);
    }
    let pending = byModel.get(model);
    if (!pending) {
      pending = courseCentroid(this.db, course, model);
      // A failed read is retried by the next query rather than remembered.
      pending.catch(() => byModel.delete(model));
      byModel.set(model, pending);
    }
    return pending;
  }
}

/** Cosine similarity of a − centre and b − centre. */
export function centredCosine(a: ArrayLike<number>, b: ArrayLike<number>, centre: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length, centre.length);
  for (let i = 0; i < n; i++) {
    const x = (a[i] as number) - (centre[i] as number);
    const y = (b[i] as number) - (centre[i] as number);
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * The mean of a course's chunk vectors for one model, once per snapshot: chunks close to it are
 * about everything (overviews, summaries, glossaries), and similarities measured from it separate
 * topics better than raw cosines, which all sit high in one narrow cone.
 */
export async function courseCentroid(
  db: Queryable,
  course: string,
  model: string,
): Promise<Float32Array | undefined> {
  const centroid = await new ChunkRepository(db).centroid(course, model);
  return centroid ? Float32Array.from(centroid) : undefined;
}
