import {
  type ConfidenceThresholds,
  retrievalConfidence,
  retrievalCoverage,
} from "../../answer/confidence.ts";
import type { QueryRewriter } from "../../core/query.ts";
import type { HybridSearcher } from "../../retrieve/search.ts";
import { withoutRegister } from "../../text/register.ts";
import type { GuardEngine } from "../engine.ts";

/**
 * How the tutor treats one string, decided as the pipeline decides it (without answering or
 * storing anything): refused by an input rule, redirected off topic by a retrieval rule,
 * declined because the material does not cover it (`no_answer`), or answered.
 */
export type Outcome = "refused" | "off_topic" | "no_answer" | "answered";

export interface Judgement {
  outcome: Outcome;
  /** The rule that refused or redirected, when one did. */
  rule?: string;
  /** "exemplar" when the rule decided by meaning. */
  via?: string;
  /** The text after redaction. */
  text: string;
}

export type Judge = (text: string) => Promise<Judgement>;

export interface JudgeParts {
  guard: GuardEngine;
  course: string;
  /** Without a searcher only the input rules run, and anything they pass counts as answered. */
  searcher?: HybridSearcher;
  /** The pipeline's query rewriting (shorthand, spelling, acronyms), when the tutor has one. */
  rewriter?: QueryRewriter;
  /** Chunks the answer would be written from (the pipeline's retrieveK). */
  retrieveK?: number;
  /** The no-answer thresholds of the course's embedder (answer/calibration), as the tutor uses them. */
  confidence?: ConfidenceThresholds;
}

export function createJudge({
  guard,
  course,
  searcher,
  rewriter,
  retrieveK = 6,
  confidence,
}: JudgeParts): Judge {
  return async (text) => {
    const input = await guard.screenInput(text, { course });
    if (input.refusal) {
      const via = input.refusal.details?.via;
      return {
        outcome: "refused",
        rule: input.refusal.rule,
        text: input.text,
        ...(via ? { via: String(via) } : {}),
      };
    }
    if (!searcher) return { outcome: "answered", text: input.text };
    const topic = withoutRegister(input.searchText ?? input.text);
    const rewritten = rewriter
      ? await rewriter.rewrite(topic, { course, history: [] })
      : { query: topic, spelledOut: topic };
    const retrieval = await searcher.search({
      course,
      query: rewritten.query,
      spelledOutQuery: rewritten.spelledOut,
      k: retrieveK,
      ...(input.embedding ? { queryEmbedding: input.embedding } : {}),
    });
    const bm25 = retrieval.snapshot.bm25;
    const termWeight = (term: string) => bm25.idf(term) ?? bm25.maxIdf;
    const results = retrieval.results.slice(0, retrieveK);
    const coverage = retrievalCoverage(
      rewritten,
      results,
      retrieval.fusedResults?.slice(0, retrieveK),
      termWeight,
    );
    const level =
      results.length === 0
        ? "low"
        : retrievalConfidence({ coverage, topVectorSimilarity: retrieval.topVectorSimilarity }, confidence);
    // As in the pipeline: the off-topic rule stands aside only for the fitted rules, not the close tier.
    const confident = level === "confident";
    const check = await guard.checkRetrieval(input.text, {
      course,
      retrieval: {
        confident,
        coverage,
        topVectorSimilarity: retrieval.topVectorSimilarity,
        queryEmbedding: retrieval.queryEmbedding,
        termIdf: (term) => bm25.idf(term),
        unseenIdf: bm25.maxIdf,
        embeddingModel: retrieval.snapshot.embeddingModel,
        courseVersion: retrieval.snapshot.version,
      },
      ...(input.embedding ? { embedding: input.embedding } : {}),
    });
    if (check.refusal?.redirect === "off_topic") {
      const via = check.refusal.details?.via;
      return {
        outcome: "off_topic",
        rule: check.refusal.rule,
        text: input.text,
        ...(via ? { via: String(via) } : {}),
      };
    }
    return { outcome: level === "low" ? "no_answer" : "answered", text: input.text };
  };
}
