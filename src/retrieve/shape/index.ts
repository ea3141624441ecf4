/**
 * Result shaping around the reranker: same-section neighbours join the candidates before it;
 * after it, adjacent chunks of one section merge and MMR spreads near-duplicates out.
 */
export { diversify } from "./diversity.ts";
export { joinOverlapping, type MergeOptions, mergeAdjacentChunks } from "./merge.ts";
export { jaccard, type MmrOptions, maximalMarginalRelevance } from "./mmr.ts";
export { sectionKey, sectionNeighbours, withSectionNeighbours } from "./neighbours.ts";
