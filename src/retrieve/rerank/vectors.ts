/** Stored chunk embeddings by chunk id, for the reranker's cosine feature and for MMR. */
export type ChunkVectors = ReadonlyMap<string, Float32Array>;

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
