import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SentenceEncoderEmbeddings } from "../../../src/embed/index.ts";
import { FeatureReranker, loadRerankWeights } from "../../../src/retrieve/rerank/feature-reranker.ts";
import { createReranker, keepOrder } from "../../../src/retrieve/rerank/index.ts";
import { scoredChunk } from "../chunks.ts";

const candidates = [
  scoredChunk("review", {
    heading: "Check your understanding",
    headingPath: ["Check your understanding"],
    text: "What is model drift? How would you detect it?",
    score: 0.033,
    scores: { bm25: 9, vector: 0.7, fused: 0.033 },
  }),
  scoredChunk("answer", {
    source: "week-09.md",
    heading: "What model drift is",
    headingPath: ["What model drift is"],
    text: "Model drift is the decline of a deployed model's predictive quality over time.",
    score: 0.032,
    scores: { bm25: 8, vector: 0.6, fused: 0.032 },
  }),
];

describe("the feature reranker", () => {
  it("orders by its weighted features and records its score next to the earlier stages'", async () => {
    const reranker = new FeatureReranker({ fused: 1, headingCoverage: 1, definition: 1, questions: -1 });
    const ranked = await reranker.rerank("what is model drift", candidates, { idf: () => 1 });
    expect(ranked.map((c) => c.chunkId)).toEqual(["answer", "review"]);
    expect(ranked[0]?.scores).toMatchObject({ bm25: 8, vector: 0.6, fused: 0.032 });
    expect(ranked[0]?.scores.rerank).toBe(ranked[0]?.score);
    expect(ranked[0]?.score).toBeGreaterThan(ranked[1]?.score as number);
  });

  it("keeps the fused order when no feature weighs anything but fusion", async () => {
    const ranked = await new FeatureReranker({ fused: 1 }).rerank("what is model drift", candidates, {});
    expect(ranked.map((c) => c.chunkId)).toEqual(["review", "answer"]);
  });

  it("loads the committed weights, fitted on the dev split", async () => {
    const fitted = await loadRerankWeights();
    expect(fitted.weights.fused).toBe(1);
    expect(fitted.fittedOn?.split).toBe("dev");
  });

  it("rejects a weights file naming a feature it does not have", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "weights-"));
    try {
      const file = path.join(dir, "w.json");
      await writeFile(
        file,
        JSON.stringify({
          version: 1,
          weights: { fused: 1, vibes: 2 },
          neighbours: 0,
          mergeWindow: 0,
          mmr: { pool: 0, lambda: 1 },
        }),
      );
      await expect(loadRerankWeights(file)).rejects.toThrow(/known features/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("is what the settings give by default; RERANKER=none keeps the fused order", async () => {
    const embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
    const heuristic = await createReranker(
      { reranker: "heuristic", rerankerModelDir: undefined },
      { embeddings },
    );
    expect(heuristic).toBeInstanceOf(FeatureReranker);
    expect(heuristic.stage).toBeDefined();
    expect(await createReranker({ reranker: "none", rerankerModelDir: undefined }, { embeddings })).toBe(
      keepOrder,
    );
  });
});
