import { ChunkRepository, type Queryable } from "../db/index.ts";
import type { TopicCentroidSource } from "./engine.ts";

/**
 * The course's topic centroid: the mean of its chunk embeddings from one model, computed in the
 * database and cached per course version (ingestion bumps the version, so a changed course gets
 * a fresh centroid).
 */
export class TopicCentroids implements TopicCentroidSource {
  private readonly cache = new Map<
    string,
    { version: number; centroid: Promise<readonly number[] | null> }
  >();

  private readonly chunks: ChunkRepository;

  constructor(db: Queryable) {
    this.chunks = new ChunkRepository(db);
  }

  centroid(course: string, model: string, version: number): Promise<readonly number[] | null> {
    const key = `${course}\u0000${model}`;
    const cached = this.cache.get(key);
    if (cached && cached.version === version) return cached.centroid;
    const centroid = this.compute(course, model).catch((error: unknown) => {
      this.cache.delete(key);
      throw error;
    });
    this.cache.set(key, { version, centroid });
    return centroid;
  }

  private async compute(course: string, model: string): Promise<readonly number[] | null> {
    const text = await this.chunks.centroidText(course, model);
    if (!text) return null;
    const values = text
      .replace(/^\[|\]$/g, "")
      .split(",")
      .map(Number);
    return values.length > 0 && values.every(Number.isFinite) ? values : null;
  }
}
