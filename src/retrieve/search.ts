import type { RetrievalMode, ScoredChunk, SearchFilters } from "../core/chunks.ts";
import type { Queryable } from "../db/db.ts";
import type { CourseEmbeddings } from "../embed/embeddings.ts";
import { uniqueTerms } from "../text/terms.ts";
import { DEFAULT_RRF_K, fuseReciprocalRank } from "./fuse.ts";
import type { CourseIndexes, CourseSnapshot } from "./index/course-index.ts";
import { keepOrder, type Reranker } from "./rerank/index.ts";
import { ChunkVectorCache } from "./rerank/vectors.ts";
import { diversify } from "./shape/diversity.ts";
import { withSectionNeighbours } from "./shape/neighbours.ts";
import { searchVectors } from "./vector.ts";

export interface FusionWeights {
  bm25: number;
  /** BM25 of the query expanded with associated course terms; 0 turns expansion off. */
  expanded: number;
  vector: number;
  /** The RRF constant. */
  k: number;
}

// The expanded list counts double: its query holds the student's own terms as well, and on the
// golden set's dev split weight 2 fitted better than 0.5 or 1 (README, "How retrieval ranks").
export const defaultFusionWeights: FusionWeights = { bm25: 1, expanded: 2, vector: 1, k: DEFAULT_RRF_K };

export interface SearchRequest {
  course: string;
  query: string;
  /**
   * The query with the course's acronyms spelled out (`RewrittenQuery.spelledOut`), for the
   * expanded BM25 list and the query embedding; default: `query`.
   */
  spelledOutQuery?: string;
  k: number;
  filters?: SearchFilters;
  mode?: RetrievalMode;
  /** Skip the reranker even when one is configured. */
  rerank?: boolean;
  /** Return every candidate, ranked, instead of the top k (fitting the reranker needs them all). */
  allCandidates?: boolean;
}

export interface SearchTimings {
  embed: number;
  bm25: number;
  vector: number;
  rerank: number;
  total: number;
}

export interface SearchResponse {
  results: ScoredChunk[];
  timings: SearchTimings;
  mode: RetrievalMode;
  /** False when the course's vectors come from another model than the configured embedder. */
  vectorAvailable: boolean;
  /** Course terms added to the query for the expanded BM25 list (empty outside hybrid search). */
  expansion: string[];
  /** Best cosine similarity any chunk had to the query (before fusion), for confidence checks. */
  topVectorSimilarity: number | null;
  queryEmbedding: number[] | null;
  snapshot: CourseSnapshot;
  /** When the reranker ran: the top k in fused order, before it (confidence checks compare both). */
  fusedResults?: ScoredChunk[];
}

export interface HybridSearcherDeps {
  db: Queryable;
  indexes: CourseIndexes;
  embeddings: CourseEmbeddings;
  reranker?: Reranker;
  weights?: FusionWeights;
  /** How many candidates each retriever contributes before fusion. */
  candidatesPerRetriever?: number;
}

const elapsed = (since: number) => Math.round((performance.now() - since) * 100) / 100;

/**
 * BM25 and pgvector kNN side by side, fused by weighted reciprocal rank, then reranked, with
 * neighbouring chunks merged and near-duplicates spread out (MMR). Every result carries each
 * stage's own score.
 */
export class HybridSearcher {
  readonly reranker: Reranker;
  readonly weights: FusionWeights;
  private readonly candidates: number;
  private readonly vectors: ChunkVectorCache;

  constructor(private readonly deps: HybridSearcherDeps) {
    this.reranker = deps.reranker ?? keepOrder;
    this.weights = deps.weights ?? defaultFusionWeights;
    this.candidates = deps.candidatesPerRetriever ?? 30;
    this.vectors = new ChunkVectorCache(deps.db);
  }

  /** The course's loaded indexes; throws UnknownCourseError for a course that does not exist. */
  snapshot(course: string): Promise<CourseSnapshot> {
    return this.deps.indexes.get(course);
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const started = performance.now();
    const snapshot = await this.deps.indexes.get(request.course);
    const mode = request.mode ?? "hybrid";
    const filters = request.filters ?? {};
    const pool = Math.max(this.candidates, request.k);
    const vectorAvailable = snapshot.embeddingModel === this.deps.embeddings.modelId;

    let t = performance.now();
    const bm25Hits = mode === "vector" ? [] : snapshot.bm25.search(request.query, pool, filters);
    // Spelled-out acronyms reach the expanded list and the embedding (USE-lite knows "reciprocal
    // rank fusion", not "RRF"), not the plain BM25 list or the reranker: there the long form's
    // words outweighed the acronym ("DistilBERT … BERT (Bidirectional Encoder Representations
    // from Transformers)" ranked the BERT overview first). Dev split, 5-fold CV nDCG@10 of the
    // refitted reranker: 0.866 with them everywhere, 0.882 like this.
    const spelledOut = request.spelledOutQuery ?? request.query;
    const expanding = mode === "hybrid" && this.weights.expanded > 0;
    const expansion = expanding
      ? snapshot.associations.expand(uniqueTerms(spelledOut), (term) => snapshot.bm25.idf(term) ?? 0)
      : [];
    const expandedHits =
      expanding && (expansion.length > 0 || spelledOut !== request.query)
        ? snapshot.bm25.search(`${spelledOut} ${expansion.join(" ")}`, pool, filters)
        : [];
    const bm25Ms = elapsed(t);

    let embedMs = 0;
    let vectorMs = 0;
    let queryEmbedding: number[] | null = null;
    let vectorHits: { id: string; score: number }[] = [];
    if (mode !== "bm25" && vectorAvailable && snapshot.bm25.size > 0) {
      t = performance.now();
      queryEmbedding = await this.deps.embeddings.embedQuery(spelledOut);
      embedMs = elapsed(t);
      t = performance.now();
      vectorHits = await searchVectors(this.deps.db, {
        course: request.course,
        embedding: queryEmbedding,
        model: this.deps.embeddings.modelId,
        k: pool,
        filters,
      });
      vectorMs = elapsed(t);
    }

    const fused = fuseReciprocalRank(
      [
        { name: "bm25", weight: mode === "vector" ? 0 : this.weights.bm25, hits: bm25Hits },
        { name: "expanded", weight: this.weights.expanded, hits: expandedHits },
        { name: "vector", weight: mode === "bm25" ? 0 : this.weights.vector, hits: vectorHits },
      ],
      this.weights.k,
    );
    const candidates: ScoredChunk[] = [];
    // Three lists can bring up to 90 distinct chunks; the reranker reads the best fused 60, as
    // many as two lists gave before the expanded one joined (its cost grows with the pool).
    const poolLimit = Math.max(2 * pool, request.k);
    for (const hit of fused) {
      if (candidates.length >= poolLimit) break;
      const chunk = snapshot.bm25.chunk(hit.id);
      if (!chunk) continue; // ingested after this snapshot was built; the next check reloads
      candidates.push({
        ...chunk,
        score: hit.score,
        scores: {
          bm25: hit.sources.bm25,
          expanded: hit.sources.expanded,
          vector: hit.sources.vector,
          fused: hit.score,
        },
      });
    }

    t = performance.now();
    const useReranker = request.rerank !== false && this.reranker !== keepOrder && candidates.length > 1;
    let ranked = candidates;
    if (useReranker) {
      const stage = this.reranker.stage;
      const pool = stage?.neighbours
        ? withSectionNeighbours(snapshot, candidates, stage.neighbours)
        : candidates;
      // Stored vectors of every candidate (cached per snapshot): the cosine feature for chunks
      // BM25 alone found, and the similarity MMR needs.
      const model = this.deps.embeddings.modelId;
      const [candidateVectors, centroid] =
        queryEmbedding !== null
          ? await Promise.all([
              this.vectors.get(
                snapshot,
                model,
                pool.map((c) => c.chunkId),
              ),
              this.vectors.centroid(snapshot, request.course, model),
            ])
          : [undefined, undefined];
      ranked = await this.reranker.rerank(request.query, pool, {
        queryEmbedding: queryEmbedding ?? undefined,
        candidateVectors,
        centroid,
        idf: (term) => snapshot.bm25.idf(term),
      });
      if (stage) ranked = diversify(ranked, stage, candidateVectors);
    }
    const rerankMs = elapsed(t);

    return {
      results: request.allCandidates ? ranked : ranked.slice(0, request.k),
      timings: { embed: embedMs, bm25: bm25Ms, vector: vectorMs, rerank: rerankMs, total: elapsed(started) },
      mode,
      vectorAvailable,
      expansion,
      topVectorSimilarity: vectorHits[0]?.score ?? null,
      queryEmbedding,
      snapshot,
      ...(useReranker ? { fusedResults: candidates.slice(0, request.k) } : {}),
    };
  }
}
