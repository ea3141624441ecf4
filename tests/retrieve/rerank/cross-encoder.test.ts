import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/app/config.ts";
import { relevanceFromLogits } from "../../../src/embed/cross-encoder.ts";
import { SentenceEncoderEmbeddings } from "../../../src/embed/index.ts";
import { CrossEncoderReranker, passageText } from "../../../src/retrieve/rerank/cross-encoder.ts";
import { createReranker } from "../../../src/retrieve/rerank/index.ts";
import { writeTinyCrossEncoder } from "../../helpers/tiny-model.ts";
import { scoredChunk } from "../chunks.ts";

describe("the cross-encoder reranker (tiny ONNX cross-encoder written by the test)", () => {
  let root: string;
  let modelDir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "tiny-cross-encoder-"));
    modelDir = path.join(root, "tiny-cross-encoder");
    // The tiny model's logit is the sum of its words' weights over the (query, passage) pair.
    await writeTinyCrossEncoder(modelDir, { drift: 2, monitoring: 1, docker: -1, quiz: -3 });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("scores (query, passage) pairs with the model's logits", async () => {
    const reranker = await CrossEncoderReranker.load({ modelDir });
    // Query "drift" (+2) plus each passage's words.
    await expect(
      reranker.score("drift", ["docker image", "drift monitoring", "nothing known"]),
    ).resolves.toEqual([1, 5, 2]);
  });

  it("reorders the best candidates by relevance, keeps earlier stage scores, and leaves the tail behind them", async () => {
    const reranker = await CrossEncoderReranker.load({ modelDir, maxCandidates: 3, batchSize: 2 });
    const candidates = [
      scoredChunk("docker", { title: "Deploy", text: "docker docker", scores: { bm25: 3, fused: 0.03 } }),
      scoredChunk("quiz", { title: "Quiz", text: "quiz time", scores: { fused: 0.02 } }),
      scoredChunk("drift", {
        title: "Drift",
        text: "drift monitoring",
        scores: { vector: 0.5, fused: 0.01 },
      }),
      scoredChunk("tail", { title: "Tail", text: "drift drift drift", scores: { fused: 0.005 } }),
    ];
    const ranked = await reranker.rerank("what is drift?", candidates);
    expect(ranked.map((c) => c.chunkId)).toEqual(["drift", "docker", "quiz", "tail"]);
    // drift in the query (2), the title (2) and the text (2), plus monitoring (1).
    expect(ranked[0]?.scores).toEqual({ vector: 0.5, fused: 0.01, rerank: 7 });
    expect(ranked.at(-1)?.score).toBeLessThan(ranked[2]?.score as number);
    expect(ranked.at(-1)?.scores.rerank).toBeUndefined();
  });

  it("scores as many of the first reranker's best as its time budget allows", async () => {
    // The first stage puts the quiz first; the budget, learnt after one pass, fits only two pairs.
    const first = {
      name: "first",
      rerank: async (_q: string, list: ReturnType<typeof scoredChunk>[]) =>
        [...list].sort((a, b) => (a.chunkId === "quiz" ? -1 : b.chunkId === "quiz" ? 1 : 0)),
    };
    const reranker = await CrossEncoderReranker.load({
      modelDir,
      maxCandidates: 4,
      minCandidates: 2,
      budgetMs: 1e-9,
      first,
    });
    const candidates = ["docker", "drift", "quiz", "tail"].map((id) =>
      scoredChunk(id, { title: id, text: `${id} monitoring`, scores: { fused: 0.01 } }),
    );
    expect(reranker.pairsWithinBudget()).toBe(4);
    const firstPass = await reranker.rerank("drift", candidates);
    expect(firstPass.map((c) => c.chunkId)).toEqual(["drift", "tail", "docker", "quiz"]);
    expect(reranker.pairsWithinBudget()).toBe(2);
    const secondPass = await reranker.rerank("drift", candidates);
    // Only the first stage's top two (quiz, docker) are scored; the rest follow in its order.
    expect(secondPass.map((c) => c.chunkId)).toEqual(["docker", "quiz", "drift", "tail"]);
    expect(secondPass[2]?.scores.rerank).toBeUndefined();
  });

  it("reads one logit as the score, or relevant minus not-relevant for two labels", () => {
    expect(relevanceFromLogits({ dims: [2, 1], data: [0.5, -1] })).toEqual([0.5, -1]);
    expect(relevanceFromLogits({ dims: [2, 2], data: [1, 3, 2, 0] })).toEqual([2, -2]);
  });

  it("gives the passage its heading", () => {
    expect(passageText({ title: "Week 9", heading: "Drift", text: "Body." })).toBe("Week 9: Drift\nBody.");
    expect(passageText({ title: "FAQ", heading: "FAQ", text: "Body." })).toBe("FAQ\nBody.");
  });

  it("is what RERANKER_MODEL_DIR selects", async () => {
    const config = loadConfig({ RERANKER_MODEL_DIR: modelDir });
    expect(config.reranker).toBe("cross-encoder");
    const reranker = await createReranker(config, {
      embeddings: new SentenceEncoderEmbeddings({ workers: 0 }),
    });
    expect(reranker).toBeInstanceOf(CrossEncoderReranker);
    expect(reranker.name).toBe("cross-encoder");
  });

  it("fails clearly for a folder that holds no model", async () => {
    await expect(CrossEncoderReranker.load({ modelDir: path.join(root, "missing") })).rejects.toThrow();
  });
});
