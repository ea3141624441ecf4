import type { ChunkVectors } from "../rerank/vectors.ts";

/**
 * A course's stored chunk vectors of its embedding model in one block, by chunk index, and
 * their mean: the reranker's cosine features and MMR read candidates' vectors from here instead
 * of asking the database while a student waits.
 */
export class ChunkVectorTable {
  constructor(
    readonly dimensions: number,
    /** Chunk i's vector is `values[i·dimensions..(i+1)·dimensions]`; `present[i]` says it has one. */
    readonly values: Float32Array,
    readonly present: Uint8Array,
    /** The mean of the course's vectors, as the database computes it; undefined without vectors. */
    readonly centroid: Float32Array | undefined,
  ) {}

  static empty(chunks: number): ChunkVectorTable {
    return new ChunkVectorTable(0, new Float32Array(0), new Uint8Array(chunks), undefined);
  }

  get bytes(): number {
    return this.values.byteLength + this.present.byteLength + (this.centroid?.byteLength ?? 0);
  }

  vector(index: number): Float32Array | undefined {
    if (this.present[index] !== 1) return undefined;
    return this.values.subarray(index * this.dimensions, (index + 1) * this.dimensions);
  }

  /** The vectors of the given chunks that have one, by chunk id. */
  of(chunks: readonly { id: string; index: number | undefined }[]): ChunkVectors {
    const out = new Map<string, Float32Array>();
    for (const { id, index } of chunks) {
      const vector = index === undefined ? undefined : this.vector(index);
      if (vector) out.set(id, vector);
    }
    return out;
  }
}
