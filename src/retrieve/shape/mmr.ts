/**
 * Maximal Marginal Relevance: picks, one at a time, the item with the best balance of relevance
 * and difference from what is already picked, so near-duplicates do not fill the top ranks.
 * Only the first `pool` items are reordered; the rest follow in their given order.
 */
export interface MmrOptions {
  /** How many of the leading items to reorder. */
  pool: number;
  /** 1 ranks by relevance alone; 0 by novelty alone. */
  lambda: number;
}

export function maximalMarginalRelevance<T>(
  items: readonly T[],
  relevance: (item: T) => number,
  similarity: (a: T, b: T) => number,
  options: MmrOptions,
): T[] {
  const size = Math.min(options.pool, items.length);
  if (size < 2 || options.lambda >= 1) return [...items];
  const pool = items.slice(0, size);
  // Relevance is min-max scaled within the pool so λ means the same whatever the scorer's scale.
  const raw = pool.map(relevance);
  const low = Math.min(...raw);
  const span = Math.max(...raw) - low;
  const scaled = raw.map((r) => (span > 0 ? (r - low) / span : 1));

  const picked: number[] = [];
  const maxSimilarity = new Array<number>(size).fill(0);
  const remaining = new Set(pool.keys());
  while (remaining.size > 0) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const i of remaining) {
      const value =
        options.lambda * (scaled[i] as number) - (1 - options.lambda) * (maxSimilarity[i] as number);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    picked.push(best);
    remaining.delete(best);
    for (const i of remaining) {
      maxSimilarity[i] = Math.max(maxSimilarity[i] as number, similarity(pool[i] as T, pool[best] as T));
    }
  }
  return [...picked.map((i) => pool[i] as T), ...items.slice(size)];
}

/** Jaccard overlap of two term sets: the lexical stand-in for similarity when vectors are missing. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const term of small) if (large.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}
