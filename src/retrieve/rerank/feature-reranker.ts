import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { ScoredChunk } from "../../core/chunks.ts";
import { modelShortName } from "../../embed/models/manifest.ts";
import { cosine } from "../../text/vector.ts";
import {
  analyseQuery,
  type CandidateInput,
  cachedChunkAnalysis,
  computeFeatures,
  FEATURE_NAMES,
  type FeatureName,
  type FeatureVector,
  linearScore,
} from "./features/index.ts";
import type { RerankContext, Reranker, RerankStageOptions } from "./index.ts";
import { centredCosine } from "./vectors.ts";

const featureWeights = z
  .record(z.string(), z.number().finite())
  .refine(
    (weights) => Object.keys(weights).every((name) => (FEATURE_NAMES as readonly string[]).includes(name)),
    {
      message: `feature weights must name known features (${FEATURE_NAMES.join(", ")})`,
    },
  );

/** The committed weights file written by scripts/fit-reranker.ts. */
export const rerankWeightsSchema = z.object({
  version: z.literal(1),
  weights: featureWeights,
  /** How many of the best fused candidates bring their same-section neighbours along. */
  neighbours: z.number().int().min(0),
  /** How many of the best reranked candidates MMR reorders, and its relevance/diversity balance. */
  mmr: z.object({ pool: z.number().int().min(0), lambda: z.number().min(0).max(1) }),
  /** How many of the top results may be merged with an adjacent chunk of the same section. */
  mergeWindow: z.number().int().min(0),
  fittedOn: z
    .object({
      dataset: z.string(),
      split: z.literal("dev"),
      cases: z.number().int(),
      date: z.string(),
      dev: z.record(z.string(), z.number()).optional(),
    })
    .optional(),
});

export type RerankWeights = z.infer<typeof rerankWeightsSchema>;

/** The fitted weights of the default embedder (the bundled sentence encoder). */
export const DEFAULT_WEIGHTS_URL = new URL("./weights/sentence-encoder.json", import.meta.url);

/**
 * The weights fitted for an embedding model: `weights/<model short name>.json` beside this file
 * (see modelShortName); the default embedder's weights when none were fitted for it.
 */
export function weightsUrlFor(modelId: string): { url: URL; fitted: boolean } {
  const url = new URL(`./weights/${modelShortName(modelId)}.json`, import.meta.url);
  return existsSync(fileURLToPath(url)) ? { url, fitted: true } : { url: DEFAULT_WEIGHTS_URL, fitted: false };
}

export async function loadRerankWeights(url: URL | string = DEFAULT_WEIGHTS_URL): Promise<RerankWeights> {
  const text = await readFile(url, "utf8");
  const parsed = rerankWeightsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(
      `invalid reranker weights in ${String(url)}: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
    );
  }
  return parsed.data;
}

/** The features of every candidate for a query, in the candidates' order (shared with fitting). */
export function candidateFeatures(
  query: string,
  candidates: readonly ScoredChunk[],
  context: RerankContext,
): FeatureVector[] {
  const analysis = analyseQuery(query, context.idf ?? (() => 1));
  const { queryEmbedding, centroid } = context;
  const inputs: CandidateInput[] = candidates.map((chunk) => {
    const stored = context.candidateVectors?.get(chunk.chunkId);
    let similarity = chunk.scores.vector;
    if (similarity === undefined && queryEmbedding && stored) similarity = cosine(queryEmbedding, stored);
    const input: CandidateInput = {
      chunk,
      analysis: context.analysis?.(chunk) ?? cachedChunkAnalysis(chunk),
      cosine: similarity,
    };
    const sentences = queryEmbedding ? context.sentenceVectors?.get(chunk.chunkId) : undefined;
    if (sentences && sentences.length > 0 && queryEmbedding) {
      input.sentenceCosine = Math.max(...sentences.map((vector) => cosine(queryEmbedding, vector)));
    }
    if (stored && centroid) {
      input.centrality = cosine(stored, centroid);
      if (queryEmbedding) input.centred = centredCosine(queryEmbedding, stored, centroid);
    }
    return input;
  });
  return computeFeatures(analysis, inputs);
}

/**
 * The default reranker: a linear model over cheap lexical and stored-embedding features, with
 * weights fitted on the dev split of the course's golden set (scripts/fit-reranker.ts). Needs
 * no model download and is cheap once chunk analyses are cached.
 */
export class FeatureReranker implements Reranker {
  readonly name = "heuristic";
  readonly readsSentenceVectors: boolean;

  constructor(
    readonly weights: Partial<Record<FeatureName, number>>,
    readonly stage?: RerankStageOptions,
  ) {
    this.readsSentenceVectors = Boolean(weights.sentenceVector || weights.sentenceVectorGap);
  }

  async rerank(query: string, candidates: ScoredChunk[], context: RerankContext): Promise<ScoredChunk[]> {
    const features = candidateFeatures(query, candidates, context);
    const scored = candidates.map((chunk, index) => {
      const score = linearScore(features[index] as FeatureVector, this.weights);
      return { chunk: { ...chunk, score, scores: { ...chunk.scores, rerank: score } }, index };
    });
    // Ties keep the fused order.
    scored.sort((a, b) => b.chunk.score - a.chunk.score || a.index - b.index);
    return scored.map((s) => s.chunk);
  }
}
