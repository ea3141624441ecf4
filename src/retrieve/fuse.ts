import type { RankedIds } from "../core/chunks.ts";

export interface FusionInput extends RankedIds {
  /** How much this list counts; 1 is neutral. */
  weight: number;
}

export interface FusedHit {
  id: string;
  score: number;
  /** Each list's own score for this id, by list name. */
  sources: Record<string, number>;
}

/** The usual RRF constant: damps the gap between the first few ranks. */
export const DEFAULT_RRF_K = 60;

/**
 * Reciprocal rank fusion: every list contributes weight / (k + rank) to each id it holds, so an
 * id near the top of several lists beats one that tops a single list. Ties keep first-seen order.
 */
export function fuseReciprocalRank(lists: FusionInput[], k = DEFAULT_RRF_K): FusedHit[] {
  const fused = new Map<string, FusedHit>();
  for (const list of lists) {
    if (list.weight <= 0) continue;
    list.hits.forEach((hit, index) => {
      const entry = fused.get(hit.id) ?? { id: hit.id, score: 0, sources: {} };
      entry.score += list.weight / (k + index + 1);
      entry.sources[list.name] = hit.score;
      fused.set(hit.id, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
