import type { RankedIds, RetrievalMode, ScoredChunk, SearchFilters } from "../core/chunks.ts";
import { withDefaults } from "../core/options.ts";
import { ChunkRepository, type Db } from "../db/index.ts";
import type { CourseEmbeddings } from "../embed/index.ts";
import { uniqueTerms } from "../text/terms.ts";
import { DEFAULT_RRF_K, type FusedHit, fuseReciprocalRank } from "./fuse.ts";
import {
  type CourseIndexes,
  type CourseSnapshot,
  candidateVectors,
  storedAnalysis,
} from "./indexes/index.ts";
import { keepOrder, type Reranker } from "./rerank/index.ts";
import { embedCourseSentences, SentenceVectorCache } from "./rerank/sentence-vectors.ts";
import { diversify, withSectionNeighbours } from "./shape/index.ts";
import { searchVectors } from "./vector.ts";

export interface FusionWeights {
  bm25: number;
  /** BM25 of the query expanded with associated course terms; 0 turns expansion off. */
  expanded: number;
  vector: number;
  /** The RRF constant. */
  k: number;
}

// The expanded list counts double: its query holds the student's own terms as well (the weight is
// fitted on the golden set's dev split; README, "How retrieval ranks").
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
  /**
   * An embedding already made for this message (the guard's): used instead of embedding again
   * when it is of the text the search would embed and from the configured model.
   */
  queryEmbedding?: { model: string; text: string; vector: readonly number[] };
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
  /** Each retriever's hits before fusion, best first, with its own score (empty when it did not run). */
  candidates: { bm25: Hits; expanded: Hits; vector: Hits };
}

export interface HybridSearcherDeps {
  db: Db;
  indexes: CourseIndexes;
  embeddings: CourseEmbeddings;
  reranker?: Reranker;
  weights?: FusionWeights;
  /** How many candidates each retriever contributes before fusion. */
  candidatesPerRetriever?: number;
  /**
   * Courses of up to this many chunks compare the query with every vector (the true neighbours,
   * in a few milliseconds); larger ones walk the course's HNSW index.
   */
  exactVectorSearchUpTo?: number;
}

/** No reranking, the default fusion weights, thirty candidates from each retriever, exact kNN up to 1,000 chunks. */
export const hybridSearcherDefaults = {
  reranker: keepOrder,
  weights: defaultFusionWeights,
  candidatesPerRetriever: 30,
  exactVectorSearchUpTo: 1_000,
} satisfies Partial<HybridSearcherDeps>;

const elapsed = (since: number) => Math.round((performance.now() - since) * 100) / 100;

type Hits = RankedIds["hits"];

/** What one search settles before any retriever runs. */
interface SearchPlan {
  request: SearchRequest;
  snapshot: CourseSnapshot;
  mode: RetrievalMode;
  filters: SearchFilters;
  /** How many hits each retriever returns. */
  pool: number;
  /** The query for the expanded BM25 list and the embedding (acronyms spelled out). */
  spelledOut: string;
}

interface LexicalHits {
  bm25: Hits;
  expanded: Hits;
  /** Course terms added to the query for the expanded list. */
  expansion: string[];
  ms: number;
}

interface SemanticHits {
  hits: Hits;
  queryEmbedding: number[] | null;
  embedMs: number;
  vectorMs: number;
}

interface Reranked {
  ranked: ScoredChunk[];
  /** Whether the reranker ran (it needs two candidates and may be switched off per request). */
  reranked: boolean;
  ms: number;
}

/**
 * BM25 and pgvector kNN side by side, fused by weighted reciprocal rank, then reranked, with
 * neighbouring chunks merged and near-duplicates spread out (MMR). Every result carries each
 * stage's own score.
 */
export class HybridSearcher {
  readonly reranker: Reranker;
  readonly weights: FusionWeights;
  private readonly candidates: number;
  private readonly exactUpTo: number;
  private readonly sentences: SentenceVectorCache;
  private readonly deps: HybridSearcherDeps;

  constructor(deps: HybridSearcherDeps) {
    const settings = withDefaults(hybridSearcherDefaults, deps);
    this.deps = settings;
    this.reranker = settings.reranker;
    this.weights = settings.weights;
    this.candidates = settings.candidatesPerRetriever;
    this.exactUpTo = settings.exactVectorSearchUpTo;
    this.sentences = new SentenceVectorCache(deps.db, deps.embeddings);
  }

  /**
   * After ingestion: when the reranker reads sentence vectors, every sentence of the course goes
   * into the embedding cache now, so no student waits for them. Returns how many were embedded
   * (0 when all were cached already, and then no model is loaded).
   */
  async prepareCourse(course: string): Promise<number> {
    if (!this.reranker.readsSentenceVectors) return 0;
    const texts = await new ChunkRepository(this.deps.db).textsOfCourse(course);
    return embedCourseSentences(this.deps.db, this.deps.embeddings, texts);
  }

  /** The course's loaded indexes; throws UnknownCourseError for a course that does not exist. */
  snapshot(course: string): Promise<CourseSnapshot> {
    return this.deps.indexes.get(course);
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const started = performance.now();
    const snapshot = await this.deps.indexes.get(request.course);
    const plan: SearchPlan = {
      request,
      snapshot,
      mode: request.mode ?? "hybrid",
      filters: request.filters ?? {},
      pool: Math.max(this.candidates, request.k),
      spelledOut: request.spelledOutQuery ?? request.query,
    };
    const vectorAvailable = snapshot.embeddingModel === this.deps.embeddings.modelId;

    const lexical = this.searchLexical(plan);
    const semantic = await this.searchSemantic(plan, vectorAvailable);
    const candidates = this.fuse(plan, lexical, semantic);
    const { ranked, reranked, ms: rerankMs } = await this.rerank(plan, candidates, semantic.queryEmbedding);

    return {
      results: request.allCandidates ? ranked : ranked.slice(0, request.k),
      timings: {
        embed: semantic.embedMs,
        bm25: lexical.ms,
        vector: semantic.vectorMs,
        rerank: rerankMs,
        total: elapsed(started),
      },
      mode: plan.mode,
      vectorAvailable,
      expansion: lexical.expansion,
      topVectorSimilarity: semantic.hits[0]?.score ?? null,
      queryEmbedding: semantic.queryEmbedding,
      snapshot,
      ...(reranked ? { fusedResults: candidates.slice(0, request.k) } : {}),
      candidates: { bm25: lexical.bm25, expanded: lexical.expanded, vector: semantic.hits },
    };
  }

  /**
   * The BM25 list, and in hybrid search the expanded list: the spelled-out query plus the course
   * terms associated with its words.
   */
  private searchLexical({ request, snapshot, mode, filters, pool, spelledOut }: SearchPlan): LexicalHits {
    const t = performance.now();
    // Spelled-out acronyms reach the expanded list and the embedding (USE-lite knows "reciprocal
    // rank fusion", not "RRF"), not the plain BM25 list or the reranker: there the long form's
    // words outweigh the acronym ("DistilBERT … BERT (Bidirectional Encoder Representations
    // from Transformers)" would rank the BERT overview first).
    const expanding = mode === "hybrid" && this.weights.expanded > 0;
    const expansion = expanding
      ? snapshot.associations.expand(uniqueTerms(spelledOut), (term) => snapshot.bm25.idf(term) ?? 0)
      : [];
    const expandedQuery =
      expanding && (expansion.length > 0 || spelledOut !== request.query)
        ? `${spelledOut} ${expansion.join(" ")}`
        : undefined;
    if (expandedQuery !== undefined) {
      const { plain, expanded } = snapshot.bm25.searchExpanded(request.query, expandedQuery, pool, filters);
      return { bm25: plain, expanded, expansion, ms: elapsed(t) };
    }
    const bm25 = mode === "vector" ? [] : snapshot.bm25.search(request.query, pool, filters);
    return { bm25, expanded: [], expansion, ms: elapsed(t) };
  }

  /** The nearest stored vectors to the query's embedding, when the course has vectors of this model. */
  private async searchSemantic(plan: SearchPlan, vectorAvailable: boolean): Promise<SemanticHits> {
    const none: SemanticHits = { hits: [], queryEmbedding: null, embedMs: 0, vectorMs: 0 };
    if (plan.mode === "bm25" || !vectorAvailable || plan.snapshot.bm25.size === 0) return none;
    let t = performance.now();
    const given = plan.request.queryEmbedding;
    const reusable = given && given.text === plan.spelledOut && given.model === this.deps.embeddings.modelId;
    const queryEmbedding = reusable
      ? [...given.vector]
      : await this.deps.embeddings.embedQuery(plan.spelledOut);
    const embedMs = elapsed(t);
    t = performance.now();
    const hits = await searchVectors(this.deps.db, {
      course: plan.request.course,
      exact: plan.snapshot.bm25.size <= this.exactUpTo,
      embedding: queryEmbedding,
      model: this.deps.embeddings.modelId,
      k: plan.pool,
      filters: plan.filters,
    });
    return { hits, queryEmbedding, embedMs, vectorMs: elapsed(t) };
  }

  /** The fused lists as chunks, best first, each with every list's own score. */
  private fuse(
    { request, snapshot, mode, pool }: SearchPlan,
    lexical: LexicalHits,
    semantic: SemanticHits,
  ): ScoredChunk[] {
    const fused = fuseReciprocalRank(
      [
        { name: "bm25", weight: mode === "vector" ? 0 : this.weights.bm25, hits: lexical.bm25 },
        { name: "expanded", weight: this.weights.expanded, hits: lexical.expanded },
        { name: "vector", weight: mode === "bm25" ? 0 : this.weights.vector, hits: semantic.hits },
      ],
      this.weights.k,
    );
    const candidates: ScoredChunk[] = [];
    // Three lists can bring three pools of distinct chunks; the reranker reads the best fused two
    // pools' worth, as its cost grows with the number of candidates.
    const poolLimit = Math.max(2 * pool, request.k);
    for (const hit of fused) {
      if (candidates.length >= poolLimit) break;
      const chunk = snapshot.bm25.chunk(hit.id);
      if (!chunk) continue; // ingested after this snapshot was built; the next check reloads
      candidates.push({ ...chunk, score: hit.score, scores: stageScores(hit) });
    }
    return candidates;
  }

  /**
   * The reranker's order, with same-section neighbours among the candidates and its list merged
   * and diversified when its stage asks for that; the fused order when it does not run.
   */
  private async rerank(
    { request, snapshot }: SearchPlan,
    candidates: ScoredChunk[],
    queryEmbedding: number[] | null,
  ): Promise<Reranked> {
    const t = performance.now();
    const reranked = request.rerank !== false && this.reranker !== keepOrder && candidates.length > 1;
    if (!reranked) return { ranked: candidates, reranked, ms: elapsed(t) };
    const stage = this.reranker.stage;
    const pool = stage?.neighbours
      ? withSectionNeighbours(snapshot, candidates, stage.neighbours)
      : candidates;
    // The snapshot holds every chunk's stored vector (the cosine feature for chunks BM25 alone
    // found, and the similarity MMR needs) and its analysed terms: nothing is read or analysed here.
    const vectors =
      queryEmbedding !== null
        ? candidateVectors(
            snapshot,
            pool.map((c) => c.chunkId),
          )
        : undefined;
    const analysis = (chunk: ScoredChunk) => storedAnalysis(snapshot, chunk.chunkId);
    const sentenceVectors =
      queryEmbedding !== null && this.reranker.readsSentenceVectors
        ? await this.sentences.get(pool)
        : undefined;
    let ranked = await this.reranker.rerank(request.query, pool, {
      queryEmbedding: queryEmbedding ?? undefined,
      candidateVectors: vectors,
      sentenceVectors,
      centroid: queryEmbedding !== null ? snapshot.vectors.centroid : undefined,
      idf: (term) => snapshot.bm25.idf(term),
      analysis,
    });
    if (stage) ranked = diversify(ranked, stage, vectors, analysis);
    return { ranked, reranked, ms: elapsed(t) };
  }
}

function stageScores(hit: FusedHit): ScoredChunk["scores"] {
  return {
    bm25: hit.sources.bm25,
    expanded: hit.sources.expanded,
    vector: hit.sources.vector,
    fused: hit.score,
  };
}
