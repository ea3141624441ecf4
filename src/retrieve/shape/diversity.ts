import type { ScoredChunk } from "../../core/chunks.ts";
import { contentTerms } from "../../text/terms.ts";
import { cosine } from "../../text/vector.ts";
import { type ChunkAnalysis, cachedChunkAnalysis } from "../rerank/features/index.ts";
import type { RerankStageOptions } from "../rerank/index.ts";
import type { ChunkVectors } from "../rerank/vectors.ts";
import { mergeAdjacentChunks } from "./merge.ts";
import { jaccard, maximalMarginalRelevance } from "./mmr.ts";

/**
 * After reranking: neighbouring chunks of one section that both rank high become one result,
 * then MMR keeps near-duplicates out of the top. Similarity is the cosine of the stored
 * embeddings, or term overlap when a chunk has no vector for the query's model.
 */
export function diversify(
  ranked: readonly ScoredChunk[],
  options: RerankStageOptions,
  vectors: ChunkVectors | undefined,
  analysis?: (chunk: ScoredChunk) => ChunkAnalysis | undefined,
): ScoredChunk[] {
  const merged =
    options.mergeWindow > 0 ? mergeAdjacentChunks(ranked, { window: options.mergeWindow }) : [...ranked];
  const termSets = new Map<ScoredChunk, ReadonlySet<string>>();
  const termsOf = (chunk: ScoredChunk) => {
    let terms = termSets.get(chunk);
    if (!terms) {
      // A merged result's text is not any stored chunk's, so it is analysed here, uncached.
      terms = chunk.mergedChunkIds
        ? new Set(contentTerms(chunk.text))
        : (analysis?.(chunk) ?? cachedChunkAnalysis(chunk)).bodySet;
      termSets.set(chunk, terms);
    }
    return terms;
  };
  const similarity = (a: ScoredChunk, b: ScoredChunk) => {
    const va = vectors?.get(a.chunkId);
    const vb = vectors?.get(b.chunkId);
    if (va && vb) return cosine(va, vb);
    return jaccard(termsOf(a), termsOf(b));
  };
  return maximalMarginalRelevance(merged, (chunk) => chunk.score, similarity, options.mmr);
}
